//! The one place every blocking operation goes through: sleep, lock acquire
//! (and so join, queue get, event and condition waits, which are built from
//! locks), the GIL's eval-loop check, and stop requests. Around each wait it
//! releases the GIL, records the trace's block/wake events and checks for stop
//! in slices. Deadlock detection and the no-SharedArrayBuffer fallback hook in here.

use crate::vm::types::types;
use crate::vm::value::{lock, Value};
use crate::vm::{Flow, PyResult, Vm};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// A blocking operation that suspends a thread's eval loop when the host
/// cannot block (the browser without SharedArrayBuffer): the green scheduler
/// (runtime/green.rs) resumes the thread when it completes, pushing its result
/// as the value of the call that blocked.
pub enum BlockOp {
    /// Sleep this many seconds; the call returns None.
    Sleep(f64),
    /// Wait until `poll(ident)` gives the call's result (a lock acquire takes
    /// the lock and gives True) or `timeout` seconds pass (`on_timeout`).
    /// `what` names it ("Lock 0x…"). `external`: something outside the run's
    /// threads (a child process) may satisfy it, so it is polled even when
    /// every thread waits. `holder`: for a wait forever on a lock where
    /// threads really block, who holds it (for deadlock detection).
    Wait { what: String, poll: Poll, timeout: Option<f64>, on_timeout: Value, external: bool, holder: Option<super::deadlock::Holder> },
    /// The thread's time slice is over (nothing to push on resumption).
    Yield,
}

/// A suspended wait's check: the call's result once it can complete.
pub type Poll = Arc<dyn Fn(u64) -> Option<Value> + Send + Sync>;

impl std::fmt::Debug for BlockOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlockOp::Sleep(s) => write!(f, "Sleep({s})"),
            BlockOp::Wait { what, timeout, .. } => write!(f, "Wait({what}, {timeout:?})"),
            BlockOp::Yield => write!(f, "Yield"),
        }
    }
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

pub fn stop_exc(vm: &Vm) -> Flow {
    if vm.run.deadlocked.load(Ordering::Relaxed) && vm.is_main() {
        // The deadlock report is out: the run ends with exit code 1.
        return Flow::Exc(crate::vm::exc::new_exception(&types().exc("SystemExit"), vec![Value::Int(1)]));
    }
    // A panic elsewhere (reported as an internal error when the run ends) and
    // terminate() end threads silently.
    let quiet = !vm.is_main() || vm.run.terminated.load(Ordering::Relaxed) || super::internal_error().is_some();
    let name = if quiet { "SystemExit" } else { "KeyboardInterrupt" };
    // No arguments, as Ctrl+C's KeyboardInterrupt (and a silent SystemExit).
    Flow::Exc(crate::vm::exc::new_exception(&types().exc(name), vec![]))
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
    check_stop(vm)?;
    vm.run.host.poll();
    if super::memory::over_limit() && super::memory::raise_now() {
        return Err(Flow::Exc(crate::vm::exc::new_exception(&types().exc("MemoryError"), vec![])));
    }
    if vm.green_depth == Some(vm.native_depth) && super::green::slice_over(vm) {
        return Err(Flow::Suspend(Box::new(BlockOp::Yield)));
    }
    Ok(())
}

/// Slice length for blocking waits, so stop requests are seen promptly.
const SLICE: f64 = 0.02;

/// Before a wait: trace it, deliver pending output (so what was printed shows
/// while the thread waits), and let other threads have the GIL.
fn enter(vm: &Vm, what: &str) {
    vm.run.trace(&vm.lane, "block", what);
    vm.run.host.flush();
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
    if vm.run.green {
        if vm.suspendable {
            return Err(Flow::Suspend(Box::new(BlockOp::Sleep(secs))));
        }
        // Other threads run meanwhile.
        let until = vm.run.host.monotonic() + secs;
        let host = vm.run.host.clone();
        super::green::wait_nested(vm, "sleep", Some(secs), &|_| host.monotonic() >= until)?;
        return Ok(());
    }
    if secs <= 0.0 {
        // sleep(0): no wait, but under the GIL another thread gets its turn.
        if let Some(g) = &vm.run.gil {
            g.yield_to_waiters(vm);
        }
        return check_stop(vm);
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

/// A lock-like wait on a host that cannot block: suspend the thread (the green
/// scheduler polls `poll` and resumes it), or, where the call can't suspend,
/// fail or time out.
pub fn wait_green(vm: &mut Vm, what: &dyn Fn() -> String, timeout: Option<f64>, poll: Arc<dyn Fn(u64) -> bool + Send + Sync>) -> PyResult<bool> {
    if poll(vm.ident) {
        return Ok(true);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return Ok(false);
    }
    if vm.suspendable {
        let poll: Poll = Arc::new(move |id| poll(id).then_some(Value::Bool(true)));
        return Err(Flow::Suspend(Box::new(BlockOp::Wait { what: what(), poll, timeout, on_timeout: Value::Bool(false), external: false, holder: None })));
    }
    super::green::wait_nested(vm, &what(), timeout, &*poll)
}

/// The asyncio loop's idle wait (`_spindle.loop_wait`): until `poll` gives
/// Some (true: the loop's wakeup lock was taken; false: one of its fetches
/// completed), or `timeout` passes (false). Where the scheduler runs the
/// calling thread (green.rs: the main thread always; every thread when they
/// interleave), it suspends, so the scheduler idles on the host's event
/// loop: in the browser, timers and fetches are promises the runner awaits
/// between steps. Elsewhere (a thread's loop, a call from Rust) it blocks
/// here, woken early by `Run::wake`.
pub fn loop_wait(
    vm: &mut Vm,
    what: String,
    timeout: Option<f64>,
    poll: Arc<dyn Fn(u64) -> Option<bool> + Send + Sync>,
    holder: super::deadlock::Holder,
    fetching: bool,
) -> PyResult<bool> {
    if let Some(taken) = poll(vm.ident) {
        return Ok(taken);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return Ok(false);
    }
    if vm.suspendable {
        if !vm.run.green {
            // Other threads really run meanwhile: the GIL is theirs until
            // the scheduler resumes this one.
            vm.run.host.flush();
            if let Some(g) = &vm.run.gil {
                g.drop_lock(vm);
            }
        }
        let poll: Poll = Arc::new(move |id| poll(id).map(Value::Bool));
        // A fetch in flight may still wake it: not a deadlock.
        let holder = (!vm.run.green && !fetching).then_some(holder);
        // A fetch completes outside the run's threads: poll it even when every
        // green thread waits.
        let op = BlockOp::Wait { what, poll, timeout, on_timeout: Value::Bool(false), external: fetching, holder };
        return Err(Flow::Suspend(Box::new(op)));
    }
    let run = vm.run.clone();
    let got = std::cell::Cell::new(false);
    let check = |id| match poll(id) {
        Some(taken) => {
            got.set(taken);
            true
        }
        None => false,
    };
    if run.green {
        let park = |s: f64| run.host.sleep(s);
        super::green::wait_nested_ext(vm, &what, timeout, &check, fetching.then_some(&park as &dyn Fn(f64)))?;
        return Ok(got.get());
    }
    let me = vm.ident;
    let holder = (timeout.is_none() && !fetching).then_some(holder);
    wait_loop(vm, &what, timeout, holder, |slice| {
        let seen = run.wake.seen();
        if check(me) {
            return true;
        }
        if let Some(s) = slice {
            run.wake.wait(seen, s);
        }
        false
    })?;
    Ok(got.get())
}

/// Wait until `ready` returns true for the state in `m` (it is called with the
/// mutex held, and may update the state, e.g. to take a lock), or until
/// `timeout` seconds pass (None: forever). `cv` must be notified whenever the
/// state changes in a way that may make `ready` true. Returns whether `ready`
/// succeeded. `what` names the wait in the trace ("Lock 0x…", "join Thread-2").
/// `holder` says which thread holds the lock (for deadlock detection).
pub fn wait_until<T>(
    vm: &mut Vm,
    what: &dyn Fn() -> String,
    m: &Mutex<T>,
    cv: &Condvar,
    timeout: Option<f64>,
    holder: super::deadlock::Holder,
    mut ready: impl FnMut(&mut T) -> bool,
) -> PyResult<bool> {
    // The uncontended case: no trace, no GIL traffic.
    if ready(&mut lock(m)) {
        return Ok(true);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return Ok(false);
    }
    if vm.run.green {
        // Primitives that can suspend use wait_green; this one runs the other
        // threads from here until it is ready.
        let ready = std::cell::RefCell::new(ready);
        return super::green::wait_nested(vm, &what(), timeout, &|_| (ready.borrow_mut())(&mut lock(m)));
    }
    let label = what();
    // The mutex is held only inside a step, never between slices: the
    // deadlock detector reads lock states from other threads meanwhile.
    let step = |slice: Option<f64>| {
        let mut guard = lock(m);
        if ready(&mut guard) {
            return true;
        }
        if let Some(s) = slice {
            guard = cv.wait_timeout(guard, Duration::from_secs_f64(s)).unwrap_or_else(|e| e.into_inner()).0;
            return ready(&mut guard);
        }
        false
    };
    wait_loop(vm, &label, timeout, Some(holder), step)
}

/// The slice loop of every wait: `step(Some(slice))` checks the condition
/// (true: done) and otherwise waits up to `slice`; `step(None)` is the last
/// check after the deadline. Traces the wait, releases the GIL, sees stop.
/// A wait forever on a lock (`holder` given) takes part in deadlock detection.
fn wait_loop(
    vm: &mut Vm,
    label: &str,
    timeout: Option<f64>,
    holder: Option<super::deadlock::Holder>,
    mut step: impl FnMut(Option<f64>) -> bool,
) -> PyResult<bool> {
    let host = vm.run.host.clone();
    let until = timeout.map(|t| host.monotonic() + t);
    enter(vm, label);
    let watched = timeout.is_none() && holder.is_some();
    if let Some(h) = holder.filter(|_| watched) {
        vm.run.deadlock.enter(vm, label, h);
    }
    let outcome = loop {
        let slice = match until {
            None => Some(SLICE),
            Some(u) => Some(u - host.monotonic()).filter(|left| *left > 0.0).map(|left| left.min(SLICE)),
        };
        if step(slice) {
            // Got it, but the run is ending (stop, deadlock report): no more
            // Python runs on this thread.
            if vm.run.stopped() {
                break Err(());
            }
            break Ok(true);
        }
        if slice.is_none() {
            break Ok(false);
        }
        if vm.run.stopped() || (watched && vm.run.deadlock.check(vm)) {
            break Err(());
        }
    };
    drop(step);
    if watched {
        vm.run.deadlock.leave(vm);
    }
    leave(vm, label);
    outcome.map_err(|_| stop_exc(vm))
}

/// Wait for something another process may bring about (a child's exit, a
/// message in a channel): `poll()` gives the call's result once it can
/// complete, `park(secs)` blocks up to secs or until it may have changed.
/// Returns the result, or `on_timeout` after `timeout`. Traced as `what`;
/// releases the GIL; with green threads it suspends (or, from Rust, runs
/// the other threads).
pub fn wait_for(
    vm: &mut Vm,
    what: &str,
    timeout: Option<f64>,
    poll: Arc<dyn Fn() -> Option<Value> + Send + Sync>,
    park: Arc<dyn Fn(f64) + Send + Sync>,
    on_timeout: Value,
) -> PyResult {
    if let Some(v) = poll() {
        return Ok(v);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return Ok(on_timeout);
    }
    let got: Mutex<Option<Value>> = Mutex::new(None);
    let check = || match poll() {
        Some(v) => {
            *lock(&got) = Some(v);
            true
        }
        None => false,
    };
    if vm.run.green {
        if vm.suspendable {
            let p = poll.clone();
            let poll: Poll = Arc::new(move |_| p());
            return Err(Flow::Suspend(Box::new(BlockOp::Wait { what: what.to_string(), poll, timeout, on_timeout, external: true, holder: None })));
        }
        super::green::wait_nested_ext(vm, what, timeout, &|_| check(), Some(&*park))?;
    } else {
        wait_loop(vm, what, timeout, None, |slice| {
            if check() {
                return true;
            }
            if let Some(s) = slice {
                park(s);
            }
            false
        })?;
    }
    let got = lock(&got).take();
    Ok(got.unwrap_or(on_timeout))
}
