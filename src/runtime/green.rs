//! The scheduler. It always runs the main thread, so that a wait there can
//! return to the host's event loop (the asyncio loop's idle wait:
//! blocking::loop_wait). With green threads it runs every Python thread of
//! the run, interleaved on the calling worker: the browser needs this when
//! the page is not cross-origin isolated (no SharedArrayBuffer, so no
//! shared-memory workers and no Atomics.wait); `RunOptions::green` forces it
//! natively, for tests. Otherwise the other threads run on their own OS
//! threads or workers, and only the loop's idle wait suspends.
//!
//! It works because the VM is stackless: a thread's frames live on its `Vm`.
//! A blocking builtin called directly by bytecode (lock acquire, sleep)
//! returns `Flow::Suspend(op)` instead of blocking, and the eval loop's
//! periodic check returns `Suspend(Yield)` when the thread's time slice (the
//! switch interval) is over and another thread wants to run. The scheduler
//! then runs another thread, and resumes this one when `op` completes, pushing
//! the blocked call's result. The behaviour is the GIL's on a single core.

use super::blocking::{stop_exc, BlockOp};
use super::threads;
use crate::vm::eval::Exit;
use crate::vm::frame::Frame;
use crate::vm::value::{lock, Value};
use crate::vm::{exc, Args, Flow, PyResult, Prepared, Vm};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A thread started by `_thread.start_new_thread`, waiting to be adopted.
pub struct NewThread {
    pub ident: u64,
    pub lane: String,
    pub func: Value,
    pub args: Args,
}

/// The current time slice, read by the eval loop's periodic check.
#[derive(Default)]
pub struct Slice {
    /// Monotonic start of the slice (f64 bits).
    start: AtomicU64,
    /// Whether another thread is ready to run (else the slice never ends).
    contended: AtomicBool,
}

/// Whether the running thread should give up the worker now.
pub fn slice_over(vm: &Vm) -> bool {
    let run = &vm.run;
    if !run.slice.contended.load(Ordering::Relaxed) {
        return false;
    }
    let start = f64::from_bits(run.slice.start.load(Ordering::Relaxed));
    let interval = f64::from_bits(run.switch_interval_bits.load(Ordering::Relaxed));
    run.host.monotonic() - start >= interval
}

/// How a thread continues when it next runs.
enum Resume {
    /// Run this frame (a thread's function, the main module, `_shutdown`).
    Start(Box<Frame>),
    /// Call this (a `_shutdown` hook that is not a Python function).
    Call(Value),
    /// Continue the frames on the thread's `Vm`, pushing the blocked call's result.
    Push(Value),
    /// Continue after a time slice ended (nothing to push).
    Continue,
    /// Continue by raising this exception at the blocked call (stop, timeout).
    Raise(Value),
}

/// Why a thread is not running.
enum State {
    Ready(Resume),
    Sleeping { until: f64 },
    Waiting { what: String, poll: super::blocking::Poll, until: Option<f64>, on_timeout: Value, external: bool, watched: bool },
}

/// What a thread runs for, and what happens when its current frame finishes.
enum Role {
    /// The main thread: the module, then `threading._shutdown()`.
    Main { exit_code: Option<i32>, shutting_down: bool },
    /// A thread started with `_thread.start_new_thread(func, ...)`.
    Thread { func: Value },
}

struct Green {
    vm: Vm,
    state: State,
    role: Role,
}

/// The green threads of a run that are not running right now, and the
/// main thread's outcome once it has finished.
#[derive(Default)]
pub struct Queue {
    threads: Mutex<VecDeque<Green>>,
    done: Mutex<Option<(i32, Vm)>>,
}

/// Run the main module `frame` on `main`, with every thread the program
/// starts interleaved on this worker. Returns the exit code.
pub fn run_main(main: &mut Vm, frame: Box<Frame>) -> i32 {
    start_main(main, frame);
    loop {
        match advance(main) {
            Step::Done(code) => return code,
            Step::IdleUntil { until, seen } => idle_until(&main.run, until, seen),
        }
    }
}

/// What `advance` stopped at.
pub enum Step {
    /// The main thread (and its finalization) ended with this exit code.
    Done(i32),
    /// Every thread waits: nothing can run before `until` (host seconds),
    /// unless the run's wake word changes from `seen` (wake.rs).
    IdleUntil { until: f64, seen: u32 },
}

/// Hand the main module's frame to the scheduler. `main` keeps a stand-in
/// until `advance` returns `Step::Done`.
pub fn start_main(main: &mut Vm, frame: Box<Frame>) {
    let run = main.run.clone();
    if run.green {
        run.trace(&main.lane, "notice", "threads interleave on one worker (no SharedArrayBuffer): one runs at a time, as under the GIL");
    }
    // The scheduler owns the main Vm while it runs; it is put back at the end.
    let vm = std::mem::replace(main, Vm::new(run.clone(), "main"));
    let role = Role::Main { exit_code: None, shutting_down: false };
    lock(&run.green_q.threads).push_back(Green { vm, state: State::Ready(Resume::Start(frame)), role });
}

/// Run threads until the program ends or every thread waits. A waiting
/// scheduler costs nothing here: the caller sleeps (natively) or returns to
/// the browser's event loop until the time given (see
/// host/web/entry.rs, runStep), then calls `advance` again.
pub fn advance(main: &mut Vm) -> Step {
    let run = main.run.clone();
    let code = loop {
        if let Some((code, vm)) = lock(&run.green_q.done).take() {
            *main = vm;
            break code;
        }
        let seen = run.wake.seen();
        match turn(&run) {
            Turn::Ran => {}
            Turn::Idle(t) if !run.green => {
                // Real threads run meanwhile, and may wake the waiting one.
                check_deadlock(&run);
                let until = run.host.monotonic() + REAL_THREADS_POLL;
                return Step::IdleUntil { until: t.map_or(until, |t| t.min(until)), seen };
            }
            Turn::Idle(Some(t)) => return Step::IdleUntil { until: t, seen },
            Turn::Idle(None) => {
                report_deadlock(&run, None);
                break 1;
            }
        }
    };
    // Threads still running (daemons) end with the run; their Vms are dropped.
    let rest = std::mem::take(&mut *lock(&run.green_q.threads));
    drop(rest);
    run.host.flush();
    Step::Done(code)
}

/// A blocking call that cannot suspend (called from Rust, e.g. a generator
/// driven by list()): run the other threads from here until `poll` succeeds
/// (true) or `timeout` passes (false).
pub fn wait_nested(vm: &mut Vm, what: &str, timeout: Option<f64>, poll: &dyn Fn(u64) -> bool) -> PyResult<bool> {
    wait_nested_ext(vm, what, timeout, poll, None)
}

/// `wait_nested` for a condition that something outside the run's threads
/// can make true (a child process ending): when no thread can run, `park`
/// waits for it instead of reporting a deadlock.
pub fn wait_nested_ext(vm: &mut Vm, what: &str, timeout: Option<f64>, poll: &dyn Fn(u64) -> bool, park: Option<&dyn Fn(f64)>) -> PyResult<bool> {
    let run = vm.run.clone();
    let until = timeout.map(|t| run.host.monotonic() + t);
    run.trace(&vm.lane, "block", what);
    let r = loop {
        let seen = run.wake.seen();
        if poll(vm.ident) {
            break Ok(true);
        }
        if until.is_some_and(|u| run.host.monotonic() >= u) {
            break Ok(false);
        }
        if run.stopped() {
            break Err(stop_exc(vm));
        }
        if lock(&run.green_q.done).is_some() {
            // The main thread has finished: this thread ends with the run.
            break Err(vm.err(&crate::vm::types::types().exc("SystemExit"), ""));
        }
        match turn(&run) {
            Turn::Ran => {}
            Turn::Idle(t) => match [t, until].into_iter().flatten().reduce(f64::min) {
                Some(t) => idle_until(&run, t, seen),
                None if park.is_some() => park.unwrap()(0.02),
                None => {
                    report_deadlock(&run, Some((vm, what)));
                    break Err(vm.runtime_error("deadlock: every thread is blocked"));
                }
            },
        }
    };
    run.trace(&vm.lane, "wake", what);
    r
}

/// Nothing can run before `t`: sleep (in slices, to see stop requests),
/// waking early when the wake word changes from `seen`.
fn idle_until(run: &super::Run, t: f64, seen: u32) {
    let left = t - run.host.monotonic();
    if left > 0.0 {
        run.host.flush();
        if run.host.can_block() {
            run.wake.wait(seen, left.min(0.02));
        } else {
            run.host.sleep(left.min(0.02));
        }
    }
}

/// With real threads, how long an idle scheduler waits before it looks again
/// (the wake word usually ends the wait first).
const REAL_THREADS_POLL: f64 = 0.05;

/// With real threads, the scheduler's waits forever on a lock take part in
/// deadlock detection (deadlock.rs), as `blocking::wait_loop`'s do.
fn check_deadlock(run: &super::Run) {
    for g in lock(&run.green_q.threads).iter() {
        if matches!(g.state, State::Waiting { watched: true, .. }) {
            g.vm.run.deadlock.check(&g.vm);
        }
    }
}

enum Turn {
    Ran,
    /// Nothing could run; the earliest time something may (None: never).
    Idle(Option<f64>),
}

/// Give one ready thread a time slice.
fn turn(run: &Arc<super::Run>) -> Turn {
    let mut g = {
        let mut threads = lock(&run.green_q.threads);
        adopt(run, &mut threads);
        if run.stopped() {
            // Wake every blocked thread with the stop exception.
            for g in threads.iter_mut() {
                if !matches!(g.state, State::Ready(_)) {
                    let e = exc::flow_exc(&g.vm, stop_exc(&g.vm));
                    g.state = State::Ready(Resume::Raise(e));
                }
            }
        }
        let Some(i) = pick(run, &mut threads) else {
            return Turn::Idle(earliest(run, &threads));
        };
        let g = threads.remove(i).unwrap();
        let others = threads.iter().any(|t| matches!(t.state, State::Ready(_)));
        run.slice.contended.store(others || !lock(&run.green_new).is_empty(), Ordering::Relaxed);
        g
    };
    run.slice.start.store(run.host.monotonic().to_bits(), Ordering::Relaxed);
    let State::Ready(resume) = std::mem::replace(&mut g.state, State::Sleeping { until: 0.0 }) else { unreachable!() };
    match step(&mut g.vm, resume) {
        Err(Flow::Suspend(op)) => {
            g.state = match *op {
                BlockOp::Yield => State::Ready(Resume::Continue),
                BlockOp::Sleep(s) => {
                    run.trace(&g.vm.lane, "block", "sleep");
                    State::Sleeping { until: run.host.monotonic() + s }
                }
                BlockOp::Wait { what, poll, timeout, on_timeout, external, holder } => {
                    run.trace(&g.vm.lane, "block", &what);
                    let watched = timeout.is_none() && holder.is_some();
                    if let Some(h) = holder.filter(|_| watched) {
                        run.deadlock.enter(&g.vm, &what, h);
                    }
                    State::Waiting { what, poll, until: timeout.map(|t| run.host.monotonic() + t), on_timeout, external, watched }
                }
            };
            lock(&run.green_q.threads).push_back(g);
        }
        result => {
            if let Some(code) = frame_done(&mut g, result) {
                *lock(&run.green_q.done) = Some((code, g.vm));
            } else if matches!(g.state, State::Ready(_)) {
                lock(&run.green_q.threads).push_back(g);
            }
        }
    }
    Turn::Ran
}

/// Take in threads started since the last switch.
fn adopt(run: &Arc<super::Run>, threads: &mut VecDeque<Green>) {
    for nt in std::mem::take(&mut *lock(&run.green_new)) {
        let mut vm = Vm::for_thread(run.clone(), &nt.lane, nt.ident);
        run.trace(&nt.lane, "start", "");
        let resume = match vm.prepare_call(nt.func.clone(), nt.args) {
            Ok(Prepared::Frame(f)) => Resume::Start(f),
            // A builtin target already ran (it could not suspend).
            Ok(Prepared::Done(_)) => {
                threads::finish(vm, &nt.func, Ok(()));
                continue;
            }
            Err(flow) => {
                threads::finish(vm, &nt.func, Err(flow));
                continue;
            }
        };
        threads.push_back(Green { vm, state: State::Ready(resume), role: Role::Thread { func: nt.func } });
    }
}

/// The index of the first thread that can run now, making it Ready.
fn pick(run: &super::Run, threads: &mut VecDeque<Green>) -> Option<usize> {
    let now = run.host.monotonic();
    for (i, g) in threads.iter_mut().enumerate() {
        let resume = match &g.state {
            State::Ready(_) => return Some(i),
            State::Sleeping { until } if now >= *until => Resume::Push(Value::None),
            State::Waiting { poll, until, on_timeout, .. } => match poll(g.vm.ident) {
                Some(v) => Resume::Push(v),
                None if until.is_some_and(|u| now >= u) => Resume::Push(on_timeout.clone()),
                None => continue,
            },
            _ => continue,
        };
        let what = match &g.state {
            State::Waiting { what, watched, .. } => {
                if *watched {
                    run.deadlock.leave(&g.vm);
                }
                what.clone()
            }
            _ => "sleep".to_string(),
        };
        run.trace(&g.vm.lane, "wake", &what);
        g.state = State::Ready(resume);
        return Some(i);
    }
    None
}

/// How often a wait that another process may satisfy is polled.
const EXTERNAL_POLL: f64 = 0.005;

/// When the next sleeper or timed wait is due (a wait on another process is
/// due at its next poll); None if no thread will ever wake.
fn earliest(run: &super::Run, threads: &VecDeque<Green>) -> Option<f64> {
    let now = run.host.monotonic();
    threads
        .iter()
        .filter_map(|g| match &g.state {
            State::Sleeping { until } => Some(*until),
            State::Waiting { external: true, until, .. } => Some(until.map_or(now + EXTERNAL_POLL, |u| u.min(now + EXTERNAL_POLL))),
            State::Waiting { until, .. } => *until,
            State::Ready(_) => None,
        })
        .reduce(f64::min)
}

/// Run a thread until its frame finishes or it suspends.
fn step(vm: &mut Vm, resume: Resume) -> PyResult {
    vm.green_depth = Some(1);
    if !vm.run.green && matches!(resume, Resume::Push(_) | Resume::Raise(_)) {
        // Back from a wait (blocking::loop_wait dropped the GIL).
        if let Some(g) = &vm.run.gil {
            g.take(vm);
        }
    }
    match resume {
        Resume::Start(frame) => vm.run_frame(frame),
        Resume::Call(f) => vm.call(&f, vec![]),
        Resume::Push(v) => continue_frames(vm, Some(v), None),
        Resume::Continue => continue_frames(vm, None, None),
        Resume::Raise(e) => continue_frames(vm, None, Some(e)),
    }
}

/// Resume the frames left on `vm` by a suspension.
fn continue_frames(vm: &mut Vm, push: Option<Value>, raise: Option<Value>) -> PyResult {
    vm.native_depth += 1;
    let r = (|| {
        if let Some(e) = raise {
            vm.unwind(0, e, true)?;
        } else if let Some(v) = push {
            vm.frames.last_mut().expect("suspended frame").push(v);
        }
        vm.run_loop(0)
    })();
    vm.native_depth -= 1;
    match r {
        Ok(Exit::Return(v)) => Ok(v),
        Ok(Exit::Yield(_)) => Err(vm.runtime_error("unexpected yield in a non-generator frame")),
        Err(e) => Err(e),
    }
}

/// A thread's frame finished with `result`. Returns the run's exit code when
/// the main thread is done; otherwise sets what the thread does next (or
/// leaves it non-Ready when it has ended).
fn frame_done(g: &mut Green, result: PyResult) -> Option<i32> {
    match &mut g.role {
        Role::Thread { func } => {
            let func = func.clone();
            let run = g.vm.run.clone();
            let vm = std::mem::replace(&mut g.vm, Vm::new(run, "ended"));
            threads::finish(vm, &func, result.map(|_| ()));
            g.state = State::Sleeping { until: f64::INFINITY };
            // Not pushed back: the caller only requeues Ready threads.
            None
        }
        Role::Main { exit_code, shutting_down } => {
            let code = match result {
                Ok(_) => 0,
                Err(flow) => super::report_uncaught(&mut g.vm, flow),
            };
            if *shutting_down {
                // An interrupted _shutdown decides the exit code, as in CPython.
                return Some(if code != 0 { code } else { exit_code.unwrap_or(0) });
            }
            *exit_code = Some(code);
            *shutting_down = true;
            match super::shutdown_hook(&g.vm) {
                Some(f) => match g.vm.prepare_call(f.clone(), Args::default()) {
                    Ok(Prepared::Frame(fr)) => {
                        g.state = State::Ready(Resume::Start(fr));
                        None
                    }
                    _ => {
                        g.state = State::Ready(Resume::Call(f));
                        None
                    }
                },
                None => Some(code),
            }
        }
    }
}

/// Every thread is blocked and none will wake: say who waits for what.
fn report_deadlock(run: &super::Run, current: Option<(&Vm, &str)>) {
    let name = |vm: &Vm| if vm.is_main() { "MainThread".to_string() } else { vm.lane.clone() };
    let mut waits: Vec<String> = current.iter().map(|(vm, what)| format!("{} waits for {}", name(vm), what)).collect();
    for g in lock(&run.green_q.threads).iter() {
        let what = match &g.state {
            State::Waiting { what, .. } => what.as_str(),
            _ => "?",
        };
        waits.push(format!("{} waits for {}", name(&g.vm), what));
    }
    run.write(crate::host::Stream::Stderr, &format!("Deadlock: {}\n", waits.join("; ")));
}
