//! `_spindle_mp`: the native half of `multiprocessing` (py/multiprocessing):
//! start a process from a Process object, and its handle (join, exit code,
//! terminate, pid). The work is in runtime/process.rs.

use super::{def, new_module};
use crate::host::ProcessHandle;
use crate::runtime::{ipc, process};
use crate::vm::types::{self, method, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use std::sync::{Arc, OnceLock};

struct Handle(Arc<dyn ProcessHandle>);

fn handle_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = types::make_class("ProcessHandle", vec![types().object.clone()], BaseKind::Other);
        types::class_dict(&c).set_str("__module__", Value::str("_spindle_mp"));
        method(&c, "join", h_join);
        method(&c, "poll", h_poll);
        method(&c, "terminate", h_terminate);
        method(&c, "pid", h_pid);
        c
    })
}

fn handle_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Arc<dyn ProcessHandle>> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<Handle>().map(|h| &h.0),
        _ => None,
    }
    .ok_or_else(|| vm.type_error("expected a process handle"))
}

fn code_value(c: Option<i32>) -> Value {
    c.map(|c| Value::Int(c as i64)).unwrap_or(Value::None)
}

/// start(process_obj, name, method="fork") -> handle: run
/// process_obj._bootstrap() in a new process.
fn start(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "start", &args, 2, 3)?;
    let name = ops::str_(vm, &args.pos[1])?;
    let method = match args.pos.get(2) {
        Some(m) => ops::str_(vm, m)?,
        None => "fork".to_string(),
    };
    let h = process::start(vm, &args.pos[0], &name, &method)?;
    Ok(Value::Obj(Obj::with_class(handle_class().clone(), Payload::Native(Box::new(Handle(h))), None)))
}

/// handle.join(timeout=None) -> exit code, or None if it is still running.
fn h_join(vm: &mut Vm, mut args: Args) -> PyResult {
    let h = handle_of(vm, &args.pos[0])?.clone();
    let timeout = match args.arg(1, "timeout") {
        None | Some(Value::None) => None,
        Some(t) => Some(ops::to_f64(vm, &t)?.max(0.0)),
    };
    Ok(code_value(process::join(vm, &h, timeout)?))
}

/// handle.poll() -> exit code or None, without waiting.
fn h_poll(vm: &mut Vm, args: Args) -> PyResult {
    Ok(code_value(handle_of(vm, &args.pos[0])?.exitcode()))
}

fn h_terminate(vm: &mut Vm, args: Args) -> PyResult {
    handle_of(vm, &args.pos[0])?.terminate();
    Ok(Value::None)
}

fn h_pid(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(handle_of(vm, &args.pos[0])?.pid() as i64))
}

/// Whether this (spawned) process is still running its copy of the main module.
fn importing_main(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(vm.run.importing_main.load(std::sync::atomic::Ordering::Relaxed)))
}

/// The start method the run was given ("fork" or "spawn").
fn start_method(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str(vm.run.opts.start_method.as_str()))
}

fn id_arg(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    Ok(ops::to_index(vm, v)? as u64)
}

fn timeout_arg(vm: &mut Vm, args: &mut Args, i: usize) -> PyResult<Option<f64>> {
    match args.arg(i, "timeout") {
        None | Some(Value::None) => Ok(None),
        Some(t) => Ok(Some(ops::to_f64(vm, &t)?.max(0.0))),
    }
}

/// channel_new(capacity_bytes=1 MiB) -> id
fn channel_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cap = match args.arg(0, "capacity_bytes") {
        Some(v) => ops::to_index(vm, &v)?.max(1) as usize,
        None => 1 << 20,
    };
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.channel_new(cap))? as i64))
}

/// channel_put(id, data, timeout=None) -> bool
fn channel_put(vm: &mut Vm, mut args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let data = match args.pos.get(1).and_then(|d| d.payload()) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => return Err(vm.type_error("channel_put() data must be bytes")),
    };
    let timeout = timeout_arg(vm, &mut args, 2)?;
    Ok(Value::Bool(ipc::put(vm, id, &data, timeout)?))
}

/// channel_get(id, timeout=None) -> bytes or None
fn channel_get(vm: &mut Vm, mut args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let timeout = timeout_arg(vm, &mut args, 1)?;
    Ok(ipc::get(vm, id, timeout)?.map(crate::vm::bytes_value).unwrap_or(Value::None))
}

fn channel_len(vm: &mut Vm, args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.channel_len(id))? as i64))
}

fn counter_new(vm: &mut Vm, args: Args) -> PyResult {
    let v = match args.pos.first() {
        Some(v) => ops::to_index(vm, v)?,
        None => 0,
    };
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.counter_new(v))? as i64))
}

fn counter_add(vm: &mut Vm, args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let d = ops::to_index(vm, args.pos.get(1).unwrap_or(&Value::Int(1)))?;
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.counter_add(id, d))?))
}

fn counter_get(vm: &mut Vm, args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.counter_get(id))?))
}

/// counter_wait(id, value, timeout=None) -> bool
fn counter_wait(vm: &mut Vm, mut args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let value = ops::to_index(vm, args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    let timeout = timeout_arg(vm, &mut args, 2)?;
    Ok(Value::Bool(ipc::counter_wait(vm, id, value, timeout)?))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("_spindle_mp");
    def(&m, "channel_new", channel_new);
    def(&m, "channel_put", channel_put);
    def(&m, "channel_get", channel_get);
    def(&m, "channel_len", channel_len);
    def(&m, "counter_new", counter_new);
    def(&m, "counter_add", counter_add);
    def(&m, "counter_get", counter_get);
    def(&m, "counter_wait", counter_wait);
    def(&m, "start", start);
    def(&m, "default_start_method", start_method);
    def(&m, "importing_main", importing_main);
    m
}
