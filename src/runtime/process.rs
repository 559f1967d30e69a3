//! Processes: isolated interpreters that share nothing with their parent.
//! `start` snapshots what the child needs as bytes (runtime/snapshot.rs: the
//! fork codec) and asks the host for a process (natively an OS thread with
//! its own `Run`; in the browser a worker with its own wasm instance and
//! memory). `child_main` is the child's side: compile the same program,
//! rebuild `__main__` from the snapshot, and run the Process object's
//! `_bootstrap()`, whose result is the exit code.

use super::{snapshot, Run, RunOptions};
use crate::host::{Host, ProcessHandle, ProcessStart, Stream};
use crate::vm::types::types;
use crate::vm::value::{lock, Value};
use crate::vm::{exc, ops, PyResult, Vm};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// Pids of child processes: the parent's pid plus a run-wide counter.
static NEXT_CHILD: AtomicU32 = AtomicU32::new(1);

/// Default cap on live processes per run (the run option `maxProcesses`).
pub const DEFAULT_MAX_PROCESSES: usize = 16;

/// The run's counter of live processes: made by the main process at its
/// first start, inherited by every child through `ProcessStart::slots`.
fn slots(vm: &Vm) -> PyResult<u64> {
    let mut id = lock(&vm.run.proc_slots);
    if *id == 0 {
        let ipc = vm.run.host.ipc();
        *id = super::ipc::check(vm, ipc.counter_new(0))?;
    }
    Ok(*id)
}

/// Take one of the run's process slots, or raise what fork() raises at
/// RLIMIT_NPROC: BlockingIOError [Errno 11].
fn take_slot(vm: &mut Vm) -> PyResult<u64> {
    let id = slots(vm)?;
    let ipc = vm.run.host.ipc();
    let max = vm.run.opts.max_processes;
    if super::ipc::check(vm, ipc.counter_add(id, 1))? > max as i64 {
        let _ = ipc.counter_add(id, -1);
        let cls = Value::Obj(types().exc("BlockingIOError"));
        let msg = format!(
            "Resource temporarily unavailable (at most {max} live processes per run: maxProcesses)"
        );
        let e = vm.call(&cls, vec![Value::Int(11), Value::str(msg.as_str())])?;
        return Err(crate::vm::Flow::Exc(e));
    }
    Ok(id)
}

/// Start `process_obj._bootstrap()` in a new process named `name`.
/// fork: the child gets a copy of `__main__`'s globals and of `process_obj`.
/// spawn: the child runs the program again as `__mp_main__`, then unpickles
/// `process_obj` (so its target must pickle by reference, as in CPython).
pub fn start(
    vm: &mut Vm,
    process_obj: &Value,
    name: &str,
    method: &str,
) -> PyResult<Arc<dyn ProcessHandle>> {
    let run = vm.run.clone();
    let Some((source, code)) = lock(&run.main).clone() else {
        return Err(vm.runtime_error("cannot start a process: no main program"));
    };
    let main = lock(&run.modules)
        .get("__main__")
        .cloned()
        .ok_or_else(|| vm.runtime_error("cannot start a process: no __main__"))?;
    let globals = crate::stdlib::module_dict(&main);
    let snap = if method == "spawn" {
        crate::stdlib::pickle::dumps_value(vm, process_obj)?
    } else {
        snapshot::snapshot(vm, &code, &globals, std::slice::from_ref(process_obj))?
    };
    let slots = take_slot(vm)?;
    let pid = run.host.pid() + NEXT_CHILD.fetch_add(1, Ordering::Relaxed);
    let opts = RunOptions {
        start_method: method.to_string(),
        clock_origin: Some(run.started),
        ..run.opts.clone()
    };
    let start = ProcessStart {
        source,
        snapshot: snap,
        opts,
        name: name.to_string(),
        pid,
        slots,
    };
    run.trace(name, "start", &format!("pid {pid}"));
    let handle = match run.host.clone().spawn_process(start) {
        Ok(h) => h,
        Err(e) => {
            let _ = run.host.ipc().counter_add(slots, -1);
            return Err(vm.err(
                &types().exc("OSError"),
                format!("cannot start a process: {e}"),
            ));
        }
    };
    lock(&run.children).push(handle.clone());
    Ok(handle)
}

/// Wait for a child to end (up to `timeout`); its exit code if it has.
pub fn join(
    vm: &mut Vm,
    handle: &Arc<dyn ProcessHandle>,
    timeout: Option<f64>,
) -> PyResult<Option<i32>> {
    let what = format!("join {}", handle.name());
    let (h, h2) = (handle.clone(), handle.clone());
    let poll = Arc::new(move || h.exitcode().map(|c| Value::Int(c as i64)));
    super::blocking::wait_for(
        vm,
        &what,
        timeout,
        poll,
        Arc::new(move |s| h2.park(s)),
        Value::None,
    )?;
    let code = handle.exitcode();
    if code.is_some() {
        lock(&vm.run.children).retain(|c| !Arc::ptr_eq(c, handle));
    }
    Ok(code)
}

/// The child's side. Returns its exit code. `registered` receives the
/// child's run as soon as it exists (so the parent can terminate it).
pub fn child_main(start: ProcessStart, host: Arc<dyn Host>, registered: &dyn Fn(&Arc<Run>)) -> i32 {
    // A child runs its threads for real wherever its host can block (green
    // threads need the scheduler of run_source, which a child does not use).
    let opts = RunOptions {
        green: false,
        ..start.opts.clone()
    };
    let run = Run::new(host.clone(), opts);
    *lock(&run.proc_slots) = start.slots;
    registered(&run);
    let mut vm = Vm::new(run.clone(), &start.name);
    run.trace(&start.name, "run", "");
    let code = match crate::syntax::compile_source(&start.source, &start.opts.filename) {
        Ok(c) => c,
        Err(e) => {
            let text = exc::format_exception(&mut vm, &e);
            run.write(Stream::Stderr, &text);
            return 1;
        }
    };
    *lock(&run.main) = Some((start.source.clone(), code.clone()));
    let spawn = start.opts.start_method == "spawn";
    // spawn re-runs the program as __mp_main__, which also answers to __main__
    // (so pickled references to __main__.f resolve), as in CPython.
    let module = crate::stdlib::new_module(if spawn { "__mp_main__" } else { "__main__" });
    let globals = crate::stdlib::module_dict(&module);
    crate::vm::eval::ns_dict(&globals).set_str("__builtins__", Value::Obj(run.builtins.clone()));
    crate::vm::eval::ns_dict(&globals)
        .set_str("__file__", Value::str(start.opts.filename.as_str()));
    lock(&run.modules).insert("__main__".into(), module.clone());
    if spawn {
        lock(&run.modules).insert("__mp_main__".into(), module);
    }
    if let Some(g) = &run.gil {
        g.take(&vm);
    }
    // The Process object: unpickled after the program ran again (spawn), or
    // restored with the copy of __main__ (fork).
    let process_obj = if spawn {
        run.importing_main.store(true, Ordering::Relaxed);
        let frame = crate::vm::eval::new_frame_for_module(code, globals);
        let r = vm.run_frame(frame);
        run.importing_main.store(false, Ordering::Relaxed);
        r.and_then(|_| crate::stdlib::pickle::loads_value(&mut vm, &start.snapshot))
    } else {
        snapshot::restore(&mut vm, &start.snapshot, code, globals)
            .map(|vals| vals.into_iter().next().unwrap_or(Value::None))
    };
    let result = process_obj.and_then(|obj| {
        let boot = ops::getattr(&mut vm, &obj, &Value::str("_bootstrap"))?;
        vm.call(&boot, vec![])
    });
    let mut exit = match result {
        Ok(Value::Int(i)) => i as i32,
        Ok(_) => 0,
        Err(flow) => super::report_uncaught(&mut vm, flow),
    };
    if run.terminated.load(Ordering::Relaxed) {
        exit = -15;
    } else if let Some(f) = super::shutdown_hook(&vm) {
        // Non-daemon threads of the child keep it alive, as in CPython.
        if let Err(flow) = vm.call(&f, vec![]) {
            exit = super::report_uncaught(&mut vm, flow);
        }
    }
    if let Some(g) = &run.gil {
        g.drop_lock(&vm);
    }
    run.trace(&start.name, "end", &exit.to_string());
    run.stop.store(true, Ordering::Relaxed);
    end_children(&run);
    host.flush();
    exit
}

/// Children still running when the run ends (multiprocessing's exit hook
/// already joined or terminated them, unless the run was stopped): end them.
pub fn end_children(run: &Run) {
    for c in lock(&run.children).drain(..) {
        if c.exitcode().is_none() {
            c.terminate();
        }
    }
}

/// `ProcessStart` as bytes, for hosts whose child is another instance (the
/// browser): lengths are u32 little-endian.
pub fn encode_start(s: &ProcessStart) -> Vec<u8> {
    fn put(out: &mut Vec<u8>, b: &[u8]) {
        out.extend_from_slice(&(b.len() as u32).to_le_bytes());
        out.extend_from_slice(b);
    }
    let mut out = Vec::new();
    put(&mut out, s.source.as_bytes());
    put(&mut out, &s.snapshot);
    put(&mut out, s.name.as_bytes());
    out.extend_from_slice(&s.pid.to_le_bytes());
    let o = &s.opts;
    put(&mut out, o.filename.as_bytes());
    put(&mut out, o.start_method.as_bytes());
    out.push(o.gil as u8);
    out.extend_from_slice(&(o.max_threads as u32).to_le_bytes());
    out.extend_from_slice(&(o.max_processes as u32).to_le_bytes());
    out.extend_from_slice(&(o.cpu_count.unwrap_or(0) as u32).to_le_bytes());
    out.extend_from_slice(&o.clock_origin.unwrap_or(-1.0).to_le_bytes());
    out.extend_from_slice(&(o.memory_limit.unwrap_or(0) as u64).to_le_bytes());
    out.extend_from_slice(&s.slots.to_le_bytes());
    out.extend_from_slice(&(o.argv.len() as u32).to_le_bytes());
    for a in &o.argv {
        put(&mut out, a.as_bytes());
    }
    out
}

/// The inverse of `encode_start`.
pub fn decode_start(b: &[u8]) -> Option<ProcessStart> {
    struct R<'a> {
        b: &'a [u8],
        pos: usize,
    }
    impl R<'_> {
        fn u32(&mut self) -> Option<u32> {
            let v = u32::from_le_bytes(self.b.get(self.pos..self.pos + 4)?.try_into().ok()?);
            self.pos += 4;
            Some(v)
        }
        fn bytes(&mut self) -> Option<Vec<u8>> {
            let n = self.u32()? as usize;
            let v = self.b.get(self.pos..self.pos + n)?.to_vec();
            self.pos += n;
            Some(v)
        }
        fn string(&mut self) -> Option<String> {
            String::from_utf8(self.bytes()?).ok()
        }
    }
    let mut r = R { b, pos: 0 };
    let source: Arc<str> = Arc::from(r.string()?);
    let snapshot = r.bytes()?;
    let name = r.string()?;
    let pid = r.u32()?;
    let filename = r.string()?;
    let start_method = r.string()?;
    let gil = *r.b.get(r.pos)? != 0;
    r.pos += 1;
    let max_threads = r.u32()? as usize;
    let max_processes = r.u32()? as usize;
    let cpu_count = Some(r.u32()? as usize).filter(|&n| n > 0);
    let origin = f64::from_le_bytes(r.b.get(r.pos..r.pos + 8)?.try_into().ok()?);
    r.pos += 8;
    let clock_origin = Some(origin).filter(|&t| t >= 0.0);
    let limit = u64::from_le_bytes(r.b.get(r.pos..r.pos + 8)?.try_into().ok()?);
    r.pos += 8;
    let memory_limit = Some(limit as usize).filter(|&n| n > 0);
    let slots = u64::from(r.u32()?) | u64::from(r.u32()?) << 32;
    let n = r.u32()?;
    let mut argv = Vec::new();
    for _ in 0..n {
        argv.push(r.string()?);
    }
    let opts = RunOptions {
        filename,
        start_method,
        gil,
        max_threads,
        max_processes,
        cpu_count,
        clock_origin,
        memory_limit,
        argv,
        ..RunOptions::default()
    };
    Some(ProcessStart {
        source,
        snapshot,
        opts,
        name,
        pid,
        slots,
    })
}
