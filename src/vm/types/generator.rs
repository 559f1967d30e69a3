//! Generators and coroutines. Each owns its suspended heap frame; resuming
//! moves the frame back onto the thread's frame stack (from the eval loop
//! stacklessly, or from Rust through a nested loop).

use super::{method, types};
use crate::vm::eval::Exit;
use crate::vm::frame::{Frame, ReturnTo};
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, Flow, PyResult, Vm, MAX_NATIVE_DEPTH};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(kind: GenKind, frame: Box<Frame>, name: String, qualname: String) -> Value {
    Value::Obj(Obj::new(Payload::Generator(GenData {
        kind,
        frame: Mutex::new(Some(frame)),
        running: AtomicBool::new(false),
        name,
        qualname,
        finished: AtomicBool::new(false),
    })))
}

fn data(g: &ObjRef) -> &GenData {
    match &g.payload {
        Payload::Generator(d) => d,
        _ => panic!("not a generator"),
    }
}

pub fn kind(g: &ObjRef) -> GenKind {
    data(g).kind
}

pub fn kind_name(g: &ObjRef) -> &'static str {
    match kind(g) {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

pub fn as_plain_generator(v: &Value) -> Option<ObjRef> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Generator(g) if g.kind == GenKind::Generator => Some(o.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub fn as_generator(v: &Value) -> Option<ObjRef> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Generator(g) if g.kind != GenKind::AsyncGenerator => Some(o.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Take the frame out to run it; None if the generator has finished.
pub fn take_frame(vm: &mut Vm, g: &ObjRef) -> PyResult<Option<Box<Frame>>> {
    let d = data(g);
    if d.running.swap(true, Ordering::AcqRel) {
        return Err(vm.value_error(format!("{} already executing", kind_name(g))));
    }
    match lock(&d.frame).take() {
        Some(mut f) => {
            f.gen = Some(g.clone());
            Ok(Some(f))
        }
        None => {
            d.running.store(false, Ordering::Release);
            Ok(None)
        }
    }
}

/// Put a suspended frame back (breaking the frame→generator reference).
pub fn suspend(g: &ObjRef, mut f: Box<Frame>) {
    f.gen = None;
    let d = data(g);
    *lock(&d.frame) = Some(f);
    d.running.store(false, Ordering::Release);
}

pub fn finish(g: &ObjRef) {
    let d = data(g);
    d.finished.store(true, Ordering::Release);
    d.running.store(false, Ordering::Release);
}

fn run_gen_frame(vm: &mut Vm, g: &ObjRef, mut f: Box<Frame>, throw: Option<Value>) -> PyResult<GenResult> {
    if vm.native_depth >= MAX_NATIVE_DEPTH || vm.frames.len() >= vm.run.recursion_limit() {
        suspend(g, f);
        return Err(vm.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
    }
    f.ret = ReturnTo::GenNative;
    vm.native_depth += 1;
    let base = vm.frames.len();
    let saved = std::mem::take(&mut f.saved_exc);
    f.exc_base = vm.exc_info.len();
    vm.exc_info.extend(saved);
    vm.frames.push(f);
    let r = match throw {
        Some(e) => match vm.unwind(base, e, true) {
            Ok(()) => vm.run_loop(base),
            Err(e) => Err(e),
        },
        None => vm.run_loop(base),
    };
    vm.native_depth -= 1;
    match r {
        Ok(Exit::Yield(v)) => Ok(GenResult::Yielded(v)),
        Ok(Exit::Return(v)) => Ok(GenResult::Returned(v)),
        Err(e) => Err(e),
    }
}

/// gen.send(v) from Rust.
pub fn gen_send(vm: &mut Vm, g: &ObjRef, v: Value) -> PyResult<GenResult> {
    let Some(mut f) = take_frame(vm, g)? else {
        if kind(g) == GenKind::Coroutine {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(GenResult::Returned(Value::None));
    };
    if f.pc == 0 && !v.is_none() {
        suspend(g, f);
        return Err(vm.type_error(format!("can't send non-None value to a just-started {}", kind_name(g))));
    }
    if f.pc > 0 {
        f.push(v);
    }
    run_gen_frame(vm, g, f, None)
}

/// gen.throw(e) from Rust.
pub fn gen_throw(vm: &mut Vm, g: &ObjRef, e: Value) -> PyResult<GenResult> {
    let Some(f) = take_frame(vm, g)? else { return Err(Flow::Exc(e)) };
    if f.pc == 0 {
        // Never started: the exception is raised at the start and finishes it.
        finish(g);
        drop(f);
        return Err(Flow::Exc(e));
    }
    run_gen_frame(vm, g, f, Some(e))
}

fn result_to_value(vm: &mut Vm, r: GenResult) -> PyResult {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult {
    let g = args.pos[0].obj().unwrap().clone();
    let r = gen_send(vm, &g, Value::None)?;
    result_to_value(vm, r)
}

fn gen_send_m(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "send", &Args::new(args.pos[1..].to_vec()), 1, 1)?;
    let g = args.pos[0].obj().unwrap().clone();
    let r = gen_send(vm, &g, args.pos[1].clone())?;
    result_to_value(vm, r)
}

fn gen_throw_m(vm: &mut Vm, args: Args) -> PyResult {
    let g = args.pos[0].obj().unwrap().clone();
    let Some(t) = args.pos.get(1).cloned() else { return Err(vm.type_error("throw expected at least 1 argument, got 0")) };
    let e = match (t.obj(), args.pos.get(2)) {
        (Some(c), Some(v)) if matches!(c.payload, Payload::Class(_)) && !v.is_none() => {
            if ops::isinstance_cls(v, c) {
                v.clone()
            } else {
                vm.call(&t, vec![v.clone()])?
            }
        }
        _ => exc::make_raisable(vm, t)?,
    };
    let r = gen_throw(vm, &g, e)?;
    result_to_value(vm, r)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult {
    let g = args.pos[0].obj().unwrap().clone();
    let ge = exc::new_exception(&types().exc("GeneratorExit"), vec![]);
    match gen_throw(vm, &g, ge) {
        Ok(GenResult::Yielded(_)) => Err(vm.runtime_error(format!("{} ignored GeneratorExit", kind_name(&g)))),
        Ok(GenResult::Returned(_)) => Ok(Value::None),
        Err(e) if vm.is_exc(&e, "GeneratorExit") || vm.is_exc(&e, "StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}

pub fn register() {
    let t = types();
    for c in [&t.generator, &t.coroutine] {
        method(c, "send", gen_send_m);
        method(c, "throw", gen_throw_m);
        method(c, "close", gen_close);
    }
    method(&t.generator, "__iter__", gen_iter);
    method(&t.generator, "__next__", gen_next);
    method(&t.coroutine, "__await__", gen_iter);
}
