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

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("_spindle");
    def(&m, "trace", trace);
    def(&m, "lane", lane);
    def(&m, "set_task", set_task);
    def(&m, "_internal_error_for_tests", internal_error_for_tests);
    def(&m, "green", green);
    def(&m, "refcount", refcount);
    def(&m, "fetch", fetch);
    m
}
