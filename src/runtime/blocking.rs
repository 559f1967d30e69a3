//! The one place every blocking operation goes through: sleep today; lock
//! acquire, queue get, join and event wait as the threading issue lands. It
//! checks stop requests and timeouts, and is where the GIL release, the
//! trace's block/wake events and deadlock detection hook in.

use crate::vm::types::types;
use crate::vm::{Flow, PyResult, Vm};
use std::sync::atomic::Ordering;

/// A blocking operation a thread may wait on. When the host cannot block
/// (the browser without SharedArrayBuffer), the eval loop suspends with it.
#[derive(Debug, Clone)]
pub enum BlockOp {
    Sleep(f64),
}

/// Raise KeyboardInterrupt if the run was stopped or timed out.
pub fn check_stop(vm: &mut Vm) -> PyResult<()> {
    let run = &vm.run;
    if !run.stop.load(Ordering::Relaxed) {
        match run.deadline {
            Some(d) if run.host.monotonic() >= d => run.stop.store(true, Ordering::Relaxed),
            _ => return Ok(()),
        }
    }
    Err(vm.err(&types().exc("KeyboardInterrupt"), ""))
}

/// Slice length for blocking waits, so stop requests are seen promptly.
const SLICE: f64 = 0.02;

/// time.sleep(secs): block this thread only, waking early on stop.
pub fn sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    if !vm.run.host.can_block() {
        return Err(Flow::Suspend(BlockOp::Sleep(secs)));
    }
    let host = vm.run.host.clone();
    let until = host.monotonic() + secs;
    vm.run.trace(&vm.lane, "block", "sleep");
    loop {
        check_stop(vm)?;
        let left = until - host.monotonic();
        if left <= 0.0 {
            break;
        }
        host.sleep(left.min(SLICE));
    }
    vm.run.trace(&vm.lane, "wake", "sleep");
    Ok(())
}
