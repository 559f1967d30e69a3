//! The one place every blocking operation goes through: sleep, lock acquire
//! (and so join, queue get, event and condition waits, which are built from
//! locks), the GIL's eval-loop check, and stop requests. Around each wait it
//! releases the GIL, records the trace's block/wake events and checks for stop
//! in slices. Deadlock detection and the no-SharedArrayBuffer fallback hook in here.

use crate::vm::types::types;
use crate::vm::value::lock;
use crate::vm::{Flow, PyResult, Vm};
use std::sync::atomic::Ordering;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A blocking operation a thread may wait on. When the host cannot block
/// (the browser without SharedArrayBuffer), the eval loop suspends with it.
#[derive(Debug, Clone)]
pub enum BlockOp {
    Sleep(f64),
    /// Waiting on a lock-like object; the text says which ("Lock 0x…", "join Thread-1").
    Wait(String),
}

/// Raise the stop exception if the run was stopped or timed out: KeyboardInterrupt
/// in the main thread (as Ctrl+C), SystemExit in other threads, which makes
/// them end quietly.
pub fn check_stop(vm: &mut Vm) -> PyResult<()> {
    if !vm.run.stopped() {
        return Ok(());
    }
    Err(stop_exc(vm))
}

fn stop_exc(vm: &Vm) -> Flow {
    let name = if vm.is_main() { "KeyboardInterrupt" } else { "SystemExit" };
    vm.err(&types().exc(name), "")
}

/// The eval loop's periodic check: stop requests, and the GIL holder's answer
/// to a drop request.
#[inline]
pub fn eval_breaker(vm: &mut Vm) -> PyResult<()> {
    if let Some(gil) = &vm.run.gil {
        if gil.drop_request.load(Ordering::Acquire) {
            let run = vm.run.clone();
            run.gil.as_ref().unwrap().yield_on_request(vm);
        }
    }
    check_stop(vm)
}

/// Slice length for blocking waits, so stop requests are seen promptly.
const SLICE: f64 = 0.02;

/// Before a wait: trace it and let other threads have the GIL.
fn enter(vm: &Vm, what: &str) {
    vm.run.trace(&vm.lane, "block", what);
    if let Some(g) = &vm.run.gil {
        g.drop_lock(vm);
    }
}

/// After a wait: take the GIL back and trace the wake-up.
fn leave(vm: &Vm, what: &str) {
    if let Some(g) = &vm.run.gil {
        g.take(vm);
    }
    vm.run.trace(&vm.lane, "wake", what);
}

/// time.sleep(secs): block this thread only, waking early on stop.
pub fn sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    if !vm.run.host.can_block() {
        return Err(Flow::Suspend(BlockOp::Sleep(secs)));
    }
    let host = vm.run.host.clone();
    let until = host.monotonic() + secs;
    enter(vm, "sleep");
    loop {
        if vm.run.stopped() {
            leave(vm, "sleep");
            return Err(stop_exc(vm));
        }
        let left = until - host.monotonic();
        if left <= 0.0 {
            break;
        }
        host.sleep(left.min(SLICE));
    }
    leave(vm, "sleep");
    Ok(())
}

/// Wait until `ready` returns true for the state in `m` (it is called with the
/// mutex held, and may update the state, e.g. to take a lock), or until
/// `timeout` seconds pass (None: forever). `cv` must be notified whenever the
/// state changes in a way that may make `ready` true. Returns whether `ready`
/// succeeded. `what` names the wait in the trace ("Lock 0x…", "join Thread-2").
pub fn wait_until<T>(
    vm: &mut Vm,
    what: &dyn Fn() -> String,
    m: &Mutex<T>,
    cv: &Condvar,
    timeout: Option<f64>,
    mut ready: impl FnMut(&mut T) -> bool,
) -> PyResult<bool> {
    // The uncontended case: no trace, no GIL traffic.
    if ready(&mut lock(m)) {
        return Ok(true);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return Ok(false);
    }
    if !vm.run.host.can_block() {
        return Err(Flow::Suspend(BlockOp::Wait(what())));
    }
    let host = vm.run.host.clone();
    let until = timeout.map(|t| host.monotonic() + t);
    let label = what();
    enter(vm, &label);
    let mut g: MutexGuard<T> = lock(m);
    let outcome = loop {
        if ready(&mut g) {
            break Ok(true);
        }
        if vm.run.stopped() {
            break Err(());
        }
        let mut slice = SLICE;
        if let Some(u) = until {
            let left = u - host.monotonic();
            if left <= 0.0 {
                break Ok(false);
            }
            slice = slice.min(left);
        }
        g = cv.wait_timeout(g, Duration::from_secs_f64(slice)).unwrap_or_else(|e| e.into_inner()).0;
    };
    drop(g);
    leave(vm, &label);
    outcome.map_err(|_| stop_exc(vm))
}
