//! `_spindle`: Spindle's own hooks for its Python modules (not part of the
//! standard library): record timeline events, and ask how the run executes.

use super::{def, new_module};
use crate::vm::types;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

/// trace(lane, kind, detail=""): record a timeline event (asyncio's task lanes).
fn trace(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "trace", &args, 2, 3)?;
    let mut parts = Vec::new();
    for v in &args.pos {
        parts.push(ops::str_(vm, v)?);
    }
    parts.resize(3, String::new());
    vm.run.trace(&parts[0], &parts[1], &parts[2]);
    Ok(Value::None)
}

/// The calling thread's timeline lane.
fn lane(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str(vm.lane.as_str()))
}

/// set_task(name): output written from now on belongs to asyncio task lane
/// `name` (None: back to the thread's own lane).
fn set_task(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "set_task", &args, 1, 1)?;
    vm.task_lane = match &args.pos[0] {
        Value::None => None,
        v => Some(ops::str_(vm, v)?),
    };
    Ok(Value::None)
}

/// _internal_error_for_tests(message): panic, as a bug in Spindle would, so
/// that tests can check how internal errors are reported.
fn internal_error_for_tests(vm: &mut Vm, args: Args) -> PyResult {
    let msg = match args.pos.first() {
        Some(v) => ops::str_(vm, v)?,
        None => "test".into(),
    };
    panic!("{msg}");
}

/// refcount(obj): how many references hold `obj` right now (its Arc count;
/// immediates such as small ints give 0). Only differences between two calls
/// of the same shape mean anything: asyncio compares with a probe to notice a
/// failed future that nothing but its own bookkeeping holds (see
/// asyncio/base_events.py, _report_dropped).
fn refcount(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "refcount", &args, 1, 1)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Obj(o) => std::sync::Arc::strong_count(o) as i64,
        _ => 0,
    }))
}

/// Whether threads interleave on one worker (no SharedArrayBuffer).
fn green(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(vm.run.green))
}

/// fetch(url) -> (status, bytes): a blocking GET through the host (sync XHR
/// in the browser). Blocks only the calling thread, like any I/O call.
fn fetch(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "fetch", &args, 1, 1)?;
    let Some(url) = args.pos[0].as_str().map(|s| s.to_string()) else {
        return Err(vm.type_error(format!("fetch() argument must be str, not {}", ops::type_name(&args.pos[0]))));
    };
    vm.run.trace(&vm.lane, "block", &format!("fetch {url}"));
    let r = vm.run.host.fetch(&url);
    vm.run.trace(&vm.lane, "wake", &format!("fetch {url}"));
    match r {
        Ok((status, body)) => Ok(Value::tuple(vec![Value::Int(status as i64), crate::vm::bytes_value(body)])),
        Err(e) => Err(vm.err(&crate::vm::types::types().exc("OSError"), format!("fetch {url} failed: {e}"))),
    }
}

/// loop_wait(lock, timeout, fetches): the asyncio loop's idle wait (see
/// runtime/blocking.rs, loop_wait). True when woken: `lock` taken, or one of
/// the fetch ids in the tuple `fetches` completed; False after `timeout`
/// seconds (None: no limit).
fn loop_wait(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "loop_wait", &args, 3, 3)?;
    let l = super::thread::lock_of(vm, &args.pos[0])?.clone();
    let timeout = match &args.pos[1] {
        Value::None => None,
        v => Some(ops::to_f64(vm, v)?),
    };
    let ids = args.pos[2].tuple_items().unwrap_or(&[]).iter().filter_map(|v| if let Value::Int(i) = v { Some(*i as u64) } else { None }).collect();
    Ok(Value::Bool(l.loop_wait(vm, timeout, ids)?))
}

/// wake(): end the scheduler's idle wait (after handing a loop work).
fn wake(vm: &mut Vm, _args: Args) -> PyResult {
    vm.run.wake.wake();
    Ok(Value::None)
}

/// fetch_start(url) -> id, or None where a fetch can't complete without
/// blocking this thread (only threads the scheduler runs can wait for one:
/// the main thread, or any thread when they interleave). The outcome comes
/// from fetch_take(id).
fn fetch_start(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "fetch_start", &args, 1, 1)?;
    let Some(url) = args.pos[0].as_str().map(|s| s.to_string()) else {
        return Err(vm.type_error(format!("fetch_start() argument must be str, not {}", ops::type_name(&args.pos[0]))));
    };
    if vm.green_depth.is_none() {
        return Ok(Value::None);
    }
    let id = lock(&vm.run.fetches).start();
    let run = vm.run.clone();
    let started = vm.run.host.clone().fetch_start(&url, Box::new(move |r| crate::runtime::wake::fetch_done(&run, id, r)));
    if !started {
        lock(&vm.run.fetches).forget(id);
        return Ok(Value::None);
    }
    Ok(Value::Int(id as i64))
}

/// fetch_take(id): None while fetch `id` is in flight; then (status, bytes),
/// or OSError if it failed.
fn fetch_take(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "fetch_take", &args, 2, 2)?;
    let Value::Int(id) = args.pos[0] else {
        return Err(vm.type_error("fetch_take() id must be int"));
    };
    let r = lock(&vm.run.fetches).take(id as u64);
    match r {
        None => Ok(Value::None),
        Some(Ok((status, body))) => Ok(Value::tuple(vec![Value::Int(status as i64), crate::vm::bytes_value(body)])),
        Some(Err(e)) => {
            let url = ops::str_(vm, &args.pos[1])?;
            Err(vm.err(&crate::vm::types::types().exc("OSError"), format!("fetch {url} failed: {e}")))
        }
    }
}

/// fetch_forget(id): the waiter gave up on fetch `id` (cancelled).
fn fetch_forget(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "fetch_forget", &args, 1, 1)?;
    if let Value::Int(id) = args.pos[0] {
        lock(&vm.run.fetches).forget(id as u64);
    }
    Ok(Value::None)
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("_spindle");
    def(&m, "trace", trace);
    def(&m, "lane", lane);
    def(&m, "set_task", set_task);
    def(&m, "_internal_error_for_tests", internal_error_for_tests);
    def(&m, "green", green);
    def(&m, "refcount", refcount);
    def(&m, "fetch", fetch);
    def(&m, "loop_wait", loop_wait);
    def(&m, "wake", wake);
    def(&m, "fetch_start", fetch_start);
    def(&m, "fetch_take", fetch_take);
    def(&m, "fetch_forget", fetch_forget);
    m
}
