//! The `_thread` module: locks, RLocks and thread start, as in CPython 3.11.
//! `threading`, `queue` and `concurrent.futures` (Python, in py/) build on it.
//! The locks' logic is in runtime/sync.rs; this file is the Python face.

use super::{def, new_module, set};
use crate::runtime::sync::{Lock, RLock};
use crate::runtime::threads;
use crate::vm::types::{self, method, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use std::sync::{Arc, OnceLock};

/// CPython's TIMEOUT_MAX on Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

struct LockObj(Arc<Lock>);
struct RLockObj(Arc<RLock>);

fn lock_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = types::make_class("lock", vec![types().object.clone()], BaseKind::Other);
        types::class_dict(&c).set_str("__module__", Value::str("_thread"));
        for (name, f) in [("acquire", lock_acquire as NativeFn), ("acquire_lock", lock_acquire), ("__enter__", lock_acquire)] {
            method(&c, name, f);
        }
        for (name, f) in [("release", lock_release as NativeFn), ("release_lock", lock_release), ("__exit__", lock_release)] {
            method(&c, name, f);
        }
        method(&c, "locked", lock_locked);
        method(&c, "locked_lock", lock_locked);
        method(&c, "__repr__", lock_repr);
        c
    })
}

fn rlock_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = types::make_class("RLock", vec![types().object.clone()], BaseKind::Other);
        types::class_dict(&c).set_str("__module__", Value::str("_thread"));
        types::static_method(&c, "__new__", rlock_new);
        method(&c, "acquire", rlock_acquire);
        method(&c, "__enter__", rlock_acquire);
        method(&c, "release", rlock_release);
        method(&c, "__exit__", rlock_release);
        method(&c, "_is_owned", rlock_is_owned);
        method(&c, "_release_save", rlock_release_save);
        method(&c, "_acquire_restore", rlock_acquire_restore);
        method(&c, "_recursion_count", rlock_count);
        method(&c, "__repr__", rlock_repr);
        c
    })
}

fn new_lock(l: Lock) -> (Value, Arc<Lock>) {
    let l = Arc::new(l);
    (Value::Obj(Obj::with_class(lock_class().clone(), Payload::Native(Box::new(LockObj(l.clone()))), None)), l)
}

pub(crate) fn lock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Arc<Lock>> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<LockObj>().map(|l| &l.0),
        _ => None,
    }
    .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object"))
}

fn rlock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Arc<RLock>> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<RLockObj>().map(|l| &l.0),
        _ => None,
    }
    .ok_or_else(|| vm.type_error("descriptor requires a '_thread.RLock' object"))
}

/// acquire(blocking=True, timeout=-1) → (blocking, timeout or None = forever).
fn acquire_args(vm: &mut Vm, args: &mut Args) -> PyResult<(bool, Option<f64>)> {
    let blocking = match args.arg(1, "blocking") {
        Some(v) => ops::truthy(vm, &v)?,
        None => true,
    };
    let timeout = match args.arg(2, "timeout") {
        Some(v) => ops::to_f64(vm, &v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.err(&types().exc("OverflowError"), "timeout value is too large"));
    }
    Ok((blocking, if timeout < 0.0 { None } else { Some(timeout) }))
}

fn lock_acquire(vm: &mut Vm, mut args: Args) -> PyResult {
    let me = args.pos[0].clone();
    // __enter__ takes no arguments; acquire's are optional.
    let (blocking, timeout) = acquire_args(vm, &mut args)?;
    let l = lock_of(vm, &me)?;
    Ok(Value::Bool(l.acquire(vm, blocking, timeout)?))
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult {
    if !lock_of(vm, &args.pos[0])?.release() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(lock_of(vm, &args.pos[0])?.locked()))
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args.pos[0])?;
    let state = if l.locked() { "locked" } else { "unlocked" };
    Ok(Value::str(format!("<{} _thread.lock object at {:#x}>", state, addr(&args.pos[0]))))
}

fn addr(v: &Value) -> usize {
    v.obj().map(|o| Arc::as_ptr(o) as usize).unwrap_or(0)
}

fn rlock_new(_vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos.first().and_then(|c| c.obj().cloned()).unwrap_or_else(|| rlock_class().clone());
    Ok(Value::Obj(Obj::with_class(cls, Payload::Native(Box::new(RLockObj(Arc::new(RLock::default())))), None)))
}

fn rlock_acquire(vm: &mut Vm, mut args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let (blocking, timeout) = acquire_args(vm, &mut args)?;
    let l = rlock_of(vm, &me)?;
    Ok(Value::Bool(l.acquire_n(vm, blocking, timeout, 1)?))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult {
    match rlock_of(vm, &args.pos[0])?.release(vm.ident, false) {
        Some(_) => Ok(Value::None),
        None => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(rlock_of(vm, &args.pos[0])?.is_owned(vm.ident)))
}

/// Condition.wait's release: drop every level, returning (count, owner).
fn rlock_release_save(vm: &mut Vm, args: Args) -> PyResult {
    let l = rlock_of(vm, &args.pos[0])?;
    if l.state().1 == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    match l.release(vm.ident, true) {
        Some(n) => Ok(Value::tuple(vec![Value::Int(n as i64), Value::Int(vm.ident as i64)])),
        None => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let state = args.pos.get(1).and_then(|s| s.tuple_items().map(|t| t.to_vec())).unwrap_or_default();
    let n = match state.first() {
        Some(v) => ops::to_index(vm, v)?.max(1) as u64,
        None => return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) tuple")),
    };
    rlock_of(vm, &me)?.acquire_n(vm, true, None, n)?;
    Ok(Value::None)
}

fn rlock_count(vm: &mut Vm, args: Args) -> PyResult {
    let (owner, count) = rlock_of(vm, &args.pos[0])?.state();
    Ok(Value::Int(if owner == vm.ident { count as i64 } else { 0 }))
}

fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (owner, count) = rlock_of(vm, &args.pos[0])?.state();
    let cls = ops::type_name(&args.pos[0]);
    let state = if count > 0 { "locked" } else { "unlocked" };
    let owner = if count > 0 { owner } else { 0 };
    Ok(Value::str(format!("<{} _thread.{} object owner={} count={} at {:#x}>", state, cls, owner, count, addr(&args.pos[0]))))
}

fn allocate_lock(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "allocate_lock", &args, 0, 0)?;
    Ok(new_lock(Lock::new()).0)
}

/// _labelled_lock(label): Spindle's addition, a lock whose waits are called
/// `label` in the timeline and in deadlock reports (Condition.wait's waiter).
fn labelled_lock(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "_labelled_lock", &args, 1, 1)?;
    let label = ops::str_(vm, &args.pos[0])?;
    Ok(new_lock(Lock::labelled(label)).0)
}

/// start_new_thread(function, args, kwargs=None, name=None): `name` is
/// Spindle's addition, the thread's timeline lane.
fn start_new_thread(vm: &mut Vm, mut args: Args) -> PyResult {
    let name = args.take_kw("name").or_else(|| args.pos.get(3).cloned());
    if args.pos.len() < 2 {
        return Err(vm.type_error(format!("start_new_thread expected at least 2 arguments, got {}", args.pos.len())));
    }
    let func = args.pos[0].clone();
    if !ops::callable(&func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Some(pos) = args.pos[1].tuple_items().map(|t| t.to_vec()) else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let mut call = Args::new(pos);
    match args.pos.get(2) {
        None | Some(Value::None) => {}
        Some(d) => match d.payload() {
            Some(Payload::Dict(d)) => call.kw = d.items(),
            _ => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
        },
    }
    let name = match name {
        Some(Value::None) | None => None,
        Some(n) => Some(ops::str_(vm, &n)?),
    };
    let ident = threads::start(vm, func, call, name)?;
    Ok(Value::Int(ident as i64))
}

/// A lock held by the calling thread and released when it ends (join).
fn set_sentinel(vm: &mut Vm, _args: Args) -> PyResult {
    let (v, l) = new_lock(Lock::labelled(format!("join {}", vm.lane)));
    l.acquire(vm, false, None)?;
    vm.on_exit.push(Box::new(move || {
        l.release();
    }));
    Ok(v)
}

fn get_ident(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.ident as i64))
}

fn get_native_id(vm: &mut Vm, _args: Args) -> PyResult {
    let n = (vm.ident - threads::ident_of(0)) >> 24;
    Ok(Value::Int(vm.run.host.pid() as i64 + n as i64))
}

fn count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.run.threads.live() as i64))
}

fn stack_size(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "stack_size", &args, 0, 1)?;
    if let Some(v) = args.pos.first() {
        let n = ops::to_index(vm, v)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::Int(0))
}

fn daemon_threads_allowed(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(true))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("_thread");
    def(&m, "allocate_lock", allocate_lock);
    def(&m, "_labelled_lock", labelled_lock);
    def(&m, "allocate", allocate_lock);
    def(&m, "start_new_thread", start_new_thread);
    def(&m, "start_new", start_new_thread);
    def(&m, "_set_sentinel", set_sentinel);
    def(&m, "get_ident", get_ident);
    def(&m, "get_native_id", get_native_id);
    def(&m, "_count", count);
    def(&m, "stack_size", stack_size);
    def(&m, "daemon_threads_allowed", daemon_threads_allowed);
    set(&m, "LockType", Value::Obj(lock_class().clone()));
    set(&m, "lock", Value::Obj(lock_class().clone()));
    set(&m, "RLock", Value::Obj(rlock_class().clone()));
    set(&m, "error", Value::Obj(types().exc("RuntimeError")));
    set(&m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    m
}
