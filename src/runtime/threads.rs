//! Threads of a run: idents, the live-thread cap, and starting a Python
//! function on a new host thread (an OS thread natively, a Web Worker sharing
//! the memory in the browser) with its own `Vm`.

use super::Run;
use crate::host::Stream;
use crate::vm::types::types;
use crate::vm::value::{lock, Value};
use crate::vm::{exc, ops, Args, Flow, PyResult, Vm};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The ident of thread number `n` (0 = main), shaped like CPython's
/// pthread-based idents so that programs printing them look familiar.
pub fn ident_of(n: u64) -> u64 {
    0x7f3a_1c00_0000 + (n << 24)
}

/// Default cap on live threads (besides the main thread).
pub const DEFAULT_MAX_THREADS: usize = 64;

/// The run's thread table.
pub struct Threads {
    /// Threads started so far (numbers 1, 2, ...).
    started: AtomicU64,
    /// Live threads started by this run (not counting the main thread).
    live: Mutex<usize>,
    pub max: usize,
}

impl Threads {
    pub fn new(max: usize) -> Threads {
        Threads { started: AtomicU64::new(0), live: Mutex::new(0), max }
    }

    /// Number of live threads started by the run (`_thread._count()`).
    pub fn live(&self) -> usize {
        *lock(&self.live)
    }
}

/// Start `func(*args, **kwargs)` on a new thread; returns its ident.
/// `name` is its timeline lane (threading passes the Thread's name).
pub fn start(vm: &mut Vm, func: Value, args: Args, name: Option<String>) -> PyResult<u64> {
    let run = vm.run.clone();
    {
        let mut live = lock(&run.threads.live);
        if *live >= run.threads.max {
            return Err(vm.err(&types().exc("RuntimeError"), "can't start new thread"));
        }
        *live += 1;
    }
    let n = run.threads.started.fetch_add(1, Ordering::Relaxed) + 1;
    let ident = ident_of(n);
    let lane = name.unwrap_or_else(|| format!("Thread-{n}"));
    if run.green {
        // One worker: the green scheduler adopts it at its next switch.
        lock(&run.green_new).push(super::green::NewThread { ident, lane, func, args });
        return Ok(ident);
    }
    let r2 = run.clone();
    let lane2 = lane.clone();
    let job = Box::new(move || thread_main(r2, ident, lane2, func, args));
    if let Err(e) = run.host.spawn_thread(&lane, job) {
        *lock(&run.threads.live) -= 1;
        run.write(Stream::Stderr, &format!("spindle: {e}\n"));
        return Err(vm.err(&types().exc("RuntimeError"), "can't start new thread"));
    }
    Ok(ident)
}

fn thread_main(run: Arc<Run>, ident: u64, lane: String, func: Value, args: Args) {
    let mut vm = Vm::for_thread(run.clone(), &lane, ident);
    if let Some(g) = &run.gil {
        g.take(&vm);
    }
    run.trace(&lane, "start", "");
    let r = vm.call_args(&func, args);
    finish(vm, &func, r.map(|_| ()));
}

/// The end of a thread, whichever way it ran: report an escaped exception,
/// release its join sentinels, trace the end, and leave the live count.
pub fn finish(mut vm: Vm, func: &Value, result: PyResult<()>) {
    if let Err(flow) = result {
        report(&mut vm, func, flow);
    }
    let run = vm.run.clone();
    // Traced before the join sentinels are released: once a joiner wakes,
    // the run may end, and later events would be lost.
    run.trace(&vm.lane, "end", "");
    for f in std::mem::take(&mut vm.on_exit) {
        f();
    }
    if let Some(g) = &run.gil {
        g.drop_lock(&vm);
    }
    drop(vm);
    *lock(&run.threads.live) -= 1;
    run.host.flush();
}

/// An exception that escaped a `_thread` thread: printed as CPython's
/// unraisable hook does; SystemExit (and the stop of the run) end it quietly.
fn report(vm: &mut Vm, func: &Value, flow: Flow) {
    let e = exc::flow_exc(vm, flow);
    if ops::isinstance_cls(&e, &types().exc("SystemExit")) || vm.run.stopped() {
        return;
    }
    let what = ops::repr(vm, func).unwrap_or_else(|_| "<function>".into());
    let text = exc::format_exception(vm, &e);
    vm.run.write(Stream::Stderr, &format!("Exception ignored in thread started by: {what}\n{text}"));
}
