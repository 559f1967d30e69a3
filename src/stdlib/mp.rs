//! `_spindle_mp`: the native half of `multiprocessing` (py/multiprocessing):
//! start a process from a Process object, and its handle (join, exit code,
//! terminate, pid), channels and counters (runtime/ipc.rs), and the shared
//! memory behind Value and Array. The work is in runtime/process.rs.

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

/// send(id, data, timeout=None) -> bool: channel_put for messages between
/// processes (queues, pipes): also traced, so the timeline draws an arrow
/// from each send to the receive that takes it.
fn send(vm: &mut Vm, args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let sent = channel_put(vm, args)?;
    if matches!(sent, Value::Bool(true)) {
        vm.run.trace(vm.out_lane(), "send", &format!("ch {id}"));
    }
    Ok(sent)
}

/// recv(id, timeout=None) -> bytes or None: channel_get, traced (see send).
fn recv(vm: &mut Vm, args: Args) -> PyResult {
    let id = id_arg(vm, &args.pos[0])?;
    let got = channel_get(vm, args)?;
    if !matches!(got, Value::None) {
        vm.run.trace(vm.out_lane(), "recv", &format!("ch {id}"));
    }
    Ok(got)
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

// ----- shared memory: multiprocessing.Value and Array (sharedctypes) -----
//
// A segment is a block of bytes every process of the run sees (Ipc::segment_*).
// Items are ctypes' simple types, stored little-endian as C would on wasm32
// and x86-64 (c_long 8 bytes, as on 64-bit Linux). Converting a Python value
// to an item follows ctypes: integers are truncated to the width, floats
// rounded to the type.

/// The size of a ctypes typecode ('i', 'd', ...), None if it is not one.
fn tc_size(tc: &str) -> Option<usize> {
    Some(match tc {
        "c" | "b" | "B" | "?" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "d" => 8,
        _ => return None,
    })
}

fn tc_arg(vm: &mut Vm, v: &Value) -> PyResult<(String, usize)> {
    let tc = ops::str_(vm, v)?;
    let n = tc_size(&tc).ok_or_else(|| vm.type_error("this type has no size"))?;
    Ok((tc, n))
}

/// The low 64 bits of an integer (ctypes' "mask" conversion), via __index__.
fn int_bits(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    match v {
        Value::Int(i) => Ok(*i as u64),
        Value::Bool(b) => Ok(*b as u64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => {
                use num_traits::ToPrimitive;
                let low = b & num_bigint::BigInt::from(u64::MAX);
                Ok(low.to_u64().unwrap_or(0))
            }
            _ => match ops::lookup_user_special(v, "__index__") {
                Some(f) => {
                    let r = vm.call(&f, vec![v.clone()])?;
                    int_bits(vm, &r)
                }
                None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v)))),
            },
        },
        _ => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v)))),
    }
}

/// `v` as the bytes of one item of typecode `tc` (`n` bytes).
fn encode_item(vm: &mut Vm, tc: &str, n: usize, v: &Value) -> PyResult<[u8; 8]> {
    let mut out = [0u8; 8];
    match tc {
        "d" => out = ops::to_f64(vm, v)?.to_le_bytes(),
        "f" => out[..4].copy_from_slice(&(ops::to_f64(vm, v)? as f32).to_le_bytes()),
        "?" => out[0] = ops::truthy(vm, v)? as u8,
        "c" => {
            out[0] = match (v, v.payload()) {
                (_, Some(Payload::Bytes(b))) if b.len() == 1 => b[0],
                (_, Some(Payload::ByteArray(b))) if lock(b).len() == 1 => lock(b)[0],
                (Value::Int(i), _) if (0..256).contains(i) => *i as u8,
                (Value::Bool(b), _) => *b as u8,
                _ => return Err(vm.type_error("one character bytes, bytearray or integer expected")),
            }
        }
        _ => out[..n].copy_from_slice(&int_bits(vm, v)?.to_le_bytes()[..n]),
    }
    Ok(out)
}

/// The Python value of one item of typecode `tc` from its bytes.
fn decode_item(tc: &str, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    match tc {
        "d" => Value::Float(f64::from_bits(u)),
        "f" => Value::Float(f32::from_bits(u as u32) as f64),
        "?" => Value::Bool(u != 0),
        "c" => crate::vm::bytes_value(vec![b[0]]),
        "b" => Value::Int(u as u8 as i8 as i64),
        "h" => Value::Int(u as u16 as i16 as i64),
        "i" => Value::Int(u as u32 as i32 as i64),
        "l" | "q" => Value::Int(u as i64),
        "L" | "Q" if u > i64::MAX as u64 => Value::bigint(num_bigint::BigInt::from(u)),
        _ => Value::Int(u as i64),
    }
}

fn usize_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<usize> {
    let v = v.ok_or_else(|| vm.type_error(format!("missing {what}")))?;
    usize::try_from(ops::to_index(vm, v)?).map_err(|_| vm.err(&types().exc("ValueError"), format!("negative {what}")))
}

/// ctype_size(typecode) -> bytes per item; TypeError "this type has no size".
fn ctype_size(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "ctype_size", &args, 1, 1)?;
    Ok(Value::Int(tc_arg(vm, &args.pos[0])?.1 as i64))
}

/// ctype_convert(typecode, value) -> the value an item holds after storing
/// `value` (for ctypes objects that are not shared).
fn ctype_convert(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "ctype_convert", &args, 2, 2)?;
    let (tc, n) = tc_arg(vm, &args.pos[0])?;
    let b = encode_item(vm, &tc, n, &args.pos[1])?;
    Ok(decode_item(&tc, &b[..n]))
}

/// seg_new(nbytes) -> id of a zeroed shared block.
fn seg_new(vm: &mut Vm, args: Args) -> PyResult {
    let n = usize_arg(vm, args.pos.first(), "size")?;
    let ipc = ipc::host_ipc(vm);
    Ok(Value::Int(ipc::check(vm, ipc.segment_new(n))? as i64))
}

/// seg_load(id, typecode, offset) -> the item at byte `offset`.
fn seg_load(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "seg_load", &args, 3, 3)?;
    let id = id_arg(vm, &args.pos[0])?;
    let (tc, n) = tc_arg(vm, &args.pos[1])?;
    let off = usize_arg(vm, args.pos.get(2), "offset")?;
    let mut b = [0u8; 8];
    let ipc = ipc::host_ipc(vm);
    ipc::check(vm, ipc.segment_read(id, off, &mut b[..n]))?;
    Ok(decode_item(&tc, &b[..n]))
}

/// seg_store(id, typecode, offset, value): convert `value` as ctypes does and
/// store it at byte `offset`.
fn seg_store(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "seg_store", &args, 4, 4)?;
    let id = id_arg(vm, &args.pos[0])?;
    let (tc, n) = tc_arg(vm, &args.pos[1])?;
    let off = usize_arg(vm, args.pos.get(2), "offset")?;
    let b = encode_item(vm, &tc, n, &args.pos[3])?;
    let ipc = ipc::host_ipc(vm);
    ipc::check(vm, ipc.segment_write(id, off, &b[..n]))?;
    Ok(Value::None)
}

/// seg_load_list(id, typecode, offset, count, step=1) -> list of `count`
/// items from byte `offset`, every `step` items (one read of the block).
fn seg_load_list(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "seg_load_list", &args, 4, 5)?;
    let id = id_arg(vm, &args.pos[0])?;
    let (tc, n) = tc_arg(vm, &args.pos[1])?;
    let off = usize_arg(vm, args.pos.get(2), "offset")?;
    let count = usize_arg(vm, args.pos.get(3), "count")?;
    let step = match args.pos.get(4) {
        Some(v) => ops::to_index(vm, v)?,
        None => 1,
    };
    if count == 0 {
        return Ok(Value::list(vec![]));
    }
    // The span from the lowest to the highest item read.
    let span = (count - 1) as i64 * step;
    let (first, last) = if step >= 0 { (off as i64, off as i64 + span * n as i64) } else { (off as i64 + span * n as i64, off as i64) };
    if first < 0 {
        return Err(vm.err(&types().exc("OSError"), "segment read out of range"));
    }
    let mut buf = vec![0u8; (last - first) as usize + n];
    let ipc = ipc::host_ipc(vm);
    ipc::check(vm, ipc.segment_read(id, first as usize, &mut buf))?;
    let items = (0..count as i64)
        .map(|k| {
            let at = (off as i64 + k * step * n as i64 - first) as usize;
            decode_item(&tc, &buf[at..at + n])
        })
        .collect();
    Ok(Value::list(items))
}

/// seg_read(id, offset, n) -> bytes
fn seg_read(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "seg_read", &args, 3, 3)?;
    let id = id_arg(vm, &args.pos[0])?;
    let off = usize_arg(vm, args.pos.get(1), "offset")?;
    let n = usize_arg(vm, args.pos.get(2), "size")?;
    let mut b = vec![0u8; n];
    let ipc = ipc::host_ipc(vm);
    ipc::check(vm, ipc.segment_read(id, off, &mut b))?;
    Ok(crate::vm::bytes_value(b))
}

/// seg_write(id, offset, data): copy bytes-like `data` in at `offset`.
fn seg_write(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "seg_write", &args, 3, 3)?;
    let id = id_arg(vm, &args.pos[0])?;
    let off = usize_arg(vm, args.pos.get(1), "offset")?;
    let data = match args.pos[2].payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => lock(b).clone(),
        _ => return Err(vm.type_error("seg_write() data must be bytes")),
    };
    let ipc = ipc::host_ipc(vm);
    ipc::check(vm, ipc.segment_write(id, off, &data))?;
    Ok(Value::None)
}

/// The run's cap on live processes (the run option maxProcesses).
fn max_processes(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.run.opts.max_processes as i64))
}

pub fn make(vm: &mut Vm) -> Value {
    // The main process is about to use processes: let the host get one ready.
    // (Children import this too, but rarely start processes of their own.)
    if vm.run.host.pid() == 1 {
        vm.run.host.prepare_process();
    }
    let m = new_module("_spindle_mp");
    def(&m, "channel_new", channel_new);
    def(&m, "channel_put", channel_put);
    def(&m, "channel_get", channel_get);
    def(&m, "channel_len", channel_len);
    def(&m, "send", send);
    def(&m, "recv", recv);
    def(&m, "counter_new", counter_new);
    def(&m, "counter_add", counter_add);
    def(&m, "counter_get", counter_get);
    def(&m, "counter_wait", counter_wait);
    def(&m, "start", start);
    def(&m, "default_start_method", start_method);
    def(&m, "importing_main", importing_main);
    def(&m, "max_processes", max_processes);
    def(&m, "ctype_size", ctype_size);
    def(&m, "ctype_convert", ctype_convert);
    def(&m, "seg_new", seg_new);
    def(&m, "seg_load", seg_load);
    def(&m, "seg_store", seg_store);
    def(&m, "seg_load_list", seg_load_list);
    def(&m, "seg_read", seg_read);
    def(&m, "seg_write", seg_write);
    m
}
