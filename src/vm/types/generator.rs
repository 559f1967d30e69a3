//! Generators and coroutines. Each owns its suspended heap frame; resuming
//! moves the frame back onto the thread's frame stack (from the eval loop
//! stacklessly, or from Rust through a nested loop).

use super::{method, types};
use crate::vm::eval::Exit;
use crate::vm::frame::{Frame, ReturnTo};
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, Flow, PyResult, Vm, MAX_NATIVE_DEPTH};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU8, Ordering};

pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(kind: GenKind, frame: Box<Frame>, name: String, qualname: String) -> Value {
    let code = frame.code.clone();
    Value::Obj(Obj::new(Payload::Generator(GenData {
        kind,
        code,
        frame: FrameSlot::new(frame),
        name,
        qualname,
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

/// A generator's frame and its state in one atomic byte, so a resume costs
/// one compare-and-swap and a suspension one store (a mutex and a `running`
/// flag cost four read-modify-writes per resume and suspension).
///
/// The frame is in the cell exactly while the state is IDLE or BUSY. Whoever
/// moves the state from IDLE owns the cell until it stores the state back:
/// a resumer (RUNNING) until it suspends or finishes the frame, an inspector
/// (BUSY, for gi_frame) for a moment, without running Python code.
pub struct FrameSlot {
    state: AtomicU8,
    frame: UnsafeCell<Option<Box<Frame>>>,
}

const IDLE: u8 = 0;
const RUNNING: u8 = 1;
const FINISHED: u8 = 2;
const BUSY: u8 = 3;

// SAFETY: the cell is only touched by the thread that moved the state away
// from IDLE (Acquire) and hands it back with a Release store.
unsafe impl Sync for FrameSlot {}

impl FrameSlot {
    fn new(frame: Box<Frame>) -> FrameSlot {
        FrameSlot { state: AtomicU8::new(IDLE), frame: UnsafeCell::new(Some(frame)) }
    }

    /// Take the frame to run it: Ok(None) once finished, Err while it runs.
    fn take(&self) -> Result<Option<Box<Frame>>, ()> {
        loop {
            match self.state.compare_exchange(IDLE, RUNNING, Ordering::Acquire, Ordering::Relaxed) {
                // SAFETY: RUNNING gives this thread the cell.
                Ok(_) => return Ok(unsafe { (*self.frame.get()).take() }),
                Err(RUNNING) => return Err(()),
                Err(FINISHED) => return Ok(None),
                Err(_) => std::hint::spin_loop(),
            }
        }
    }

    /// Put the frame back after it yielded (only its resumer calls this).
    fn put(&self, f: Box<Frame>) {
        // SAFETY: the state is RUNNING, held by this thread.
        unsafe { *self.frame.get() = Some(f) };
        self.state.store(IDLE, Ordering::Release);
    }

    fn finish(&self) {
        self.state.store(FINISHED, Ordering::Release);
    }

    pub fn running(&self) -> bool {
        self.state.load(Ordering::Relaxed) == RUNNING
    }

    /// Look at the suspended frame (None while it runs or once finished).
    /// `f` must not run Python code.
    pub fn inspect<R>(&self, f: impl FnOnce(Option<&Frame>) -> R) -> R {
        loop {
            match self.state.compare_exchange(IDLE, BUSY, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => {
                    // SAFETY: BUSY gives this thread the cell until the store below.
                    let r = f(unsafe { (*self.frame.get()).as_deref() });
                    self.state.store(IDLE, Ordering::Release);
                    return r;
                }
                Err(BUSY) => std::hint::spin_loop(),
                Err(_) => return f(None),
            }
        }
    }

    fn get_mut(&mut self) -> &mut Option<Box<Frame>> {
        self.frame.get_mut()
    }
}

/// Take the frame out to run it; None if the generator has finished.
pub fn take_frame(vm: &mut Vm, g: &ObjRef) -> PyResult<Option<Box<Frame>>> {
    match data(g).frame.take() {
        Ok(Some(mut f)) => {
            f.gen = Some(g.clone());
            Ok(Some(f))
        }
        Ok(None) => Ok(None),
        Err(()) => Err(vm.value_error(format!("{} already executing", kind_name(g)))),
    }
}

/// Put a suspended frame back (breaking the frame→generator reference).
pub fn suspend(g: &ObjRef, mut f: Box<Frame>) {
    f.gen = None;
    data(g).frame.put(f);
}

pub fn finish(g: &ObjRef) {
    data(g).frame.finish();
}

fn run_gen_frame(vm: &mut Vm, g: &ObjRef, mut f: Box<Frame>, throw: Option<Value>) -> PyResult<GenResult> {
    if vm.native_depth >= MAX_NATIVE_DEPTH || vm.frames.len() >= vm.run.recursion_limit() {
        suspend(g, f);
        return Err(vm.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
    }
    f.ret = ReturnTo::GenNative;
    vm.native_depth += 1;
    let base = vm.frames.len();
    f.resume_exc(&mut vm.exc_info);
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

/// gen.throw(e) from Rust. A generator suspended in `yield from` / `await`
/// forwards the exception to its sub-iterator first, as CPython does.
pub fn gen_throw(vm: &mut Vm, g: &ObjRef, e: Value) -> PyResult<GenResult> {
    let Some(mut f) = take_frame(vm, g)? else { return Err(Flow::Exc(e)) };
    if f.pc == 0 {
        // Never started: the exception is raised at the start and finishes it.
        finish(g);
        drop(f);
        return Err(Flow::Exc(e));
    }
    // Suspended inside a delegation loop (Send, YieldValue, Jump)?
    let code = f.code.clone();
    let in_yield_from = f.pc >= 2
        && matches!(code.instrs.get(f.pc - 1), Some(crate::vm::code::Instr::YieldValue))
        && matches!(code.instrs.get(f.pc - 2), Some(crate::vm::code::Instr::Send(_)));
    if in_yield_from {
        if let (Some(crate::vm::code::Instr::Send(exit)), Some(sub)) = (code.instrs.get(f.pc - 2), f.stack.last().cloned()) {
            let exit = *exit;
            let delegated = match as_generator(&sub) {
                Some(sg) => Some(gen_throw(vm, &sg, e.clone())),
                None => match ops::lookup_special(&sub, "throw") {
                    Some(t) => Some(vm.call(&t, vec![sub.clone(), e.clone()]).map(GenResult::Yielded)),
                    None => None,
                },
            };
            match delegated {
                Some(Ok(GenResult::Yielded(v))) => {
                    suspend(g, f);
                    return Ok(GenResult::Yielded(v));
                }
                Some(Ok(GenResult::Returned(v))) => {
                    f.stack.pop();
                    f.push(v);
                    f.pc = exit as usize;
                    return run_gen_frame(vm, g, f, None);
                }
                Some(Err(Flow::Exc(err))) if ops::isinstance_cls(&err, &types().exc("StopIteration")) => {
                    f.stack.pop();
                    f.push(exc::stop_iteration_value(&err));
                    f.pc = exit as usize;
                    return run_gen_frame(vm, g, f, None);
                }
                Some(Err(Flow::Exc(err))) => return run_gen_frame(vm, g, f, Some(err)),
                Some(Err(other)) => {
                    suspend(g, f);
                    return Err(other);
                }
                None => {}
            }
        }
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
    register_async();
}

// ----- closing abandoned generators -----
// CPython closes a suspended generator when its last reference goes away, so
// its `finally` blocks run right then. We can't run Python code inside Drop,
// so the frame is queued and the eval loop closes it at the next instruction.

thread_local! {
    static PENDING: std::cell::RefCell<Vec<(Box<Frame>, GenKind, String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many abandoned frames wait to be closed, over all threads (a cheap
/// check per instruction; each thread closes the ones it queued).
pub static PENDING_COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Drop for GenData {
    fn drop(&mut self) {
        let frame = self.frame.get_mut().take();
        if let Some(f) = frame {
            // Only a started generator inside a try/with has cleanup to run.
            if f.pc > 0 && !f.blocks.is_empty() && self.kind == GenKind::Generator {
                let item = (f, self.kind, std::mem::take(&mut self.name), std::mem::take(&mut self.qualname));
                if PENDING.try_with(|p| p.borrow_mut().push(item)).is_ok() {
                    PENDING_COUNT.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
}

/// Close every generator this thread abandoned (runs their finally blocks).
pub fn close_pending(vm: &mut Vm) -> PyResult<()> {
    loop {
        let next = PENDING.try_with(|p| p.borrow_mut().pop()).ok().flatten();
        let Some((frame, kind, name, qualname)) = next else { return Ok(()) };
        PENDING_COUNT.fetch_sub(1, Ordering::Relaxed);
        let g = new_generator(kind, frame, name, qualname);
        let _ = gen_close(vm, Args::new(vec![g]))?;
    }
}

// ----- async generators -----
// An async generator's frame yields two kinds of values: its own `yield`s
// (wrapped by AsyncGenWrap) and awaits passing through to the event loop.
// `__anext__`/`asend`/`athrow`/`aclose` return awaitables that resume the
// frame and tell the two apart, as CPython's async_generator_asend does.

/// A value produced by `yield` inside an async generator.
pub struct AsyncWrapped(pub Value);

/// The awaitable returned by __anext__/asend/athrow/aclose.
struct AsyncStep {
    gen: ObjRef,
    /// What to do on the first resume.
    op: std::sync::Mutex<Option<StepOp>>,
    closing: bool,
}

enum StepOp {
    Send(Value),
    Throw(Value),
}

fn wrapped_class() -> &'static ObjRef {
    static C: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    C.get_or_init(|| super::make_class("async_generator_wrapped_value", vec![types().object.clone()], BaseKind::Other))
}

fn step_class() -> &'static ObjRef {
    static C: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let c = super::make_class("async_generator_asend", vec![types().object.clone()], BaseKind::Other);
        method(&c, "__await__", step_iter);
        method(&c, "__iter__", step_iter);
        method(&c, "__next__", step_next);
        method(&c, "send", step_send);
        method(&c, "throw", step_throw);
        method(&c, "close", step_close);
        c
    })
}

pub fn async_wrap(v: Value) -> Value {
    Value::Obj(Obj::with_class(wrapped_class().clone(), Payload::Native(Box::new(AsyncWrapped(v))), None))
}

fn unwrap_async(v: &Value) -> Option<Value> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<AsyncWrapped>().map(|w| w.0.clone()),
        _ => None,
    }
}

fn new_step(gen: ObjRef, op: StepOp, closing: bool) -> Value {
    let st = AsyncStep { gen, op: std::sync::Mutex::new(Some(op)), closing };
    Value::Obj(Obj::with_class(step_class().clone(), Payload::Native(Box::new(st)), None))
}

fn step_of(v: &Value) -> &AsyncStep {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<AsyncStep>().expect("async generator step"),
        _ => panic!("not an async generator step"),
    }
}

/// Resume the async generator for one awaitable step.
fn step_resume(vm: &mut Vm, this: &Value, sent: Value, throw: Option<Value>) -> PyResult {
    let st = step_of(this);
    let first = lock(&st.op).take();
    let r = match (first, throw) {
        (_, Some(e)) => gen_throw(vm, &st.gen, e),
        (Some(StepOp::Throw(e)), None) => gen_throw(vm, &st.gen, e),
        (Some(StepOp::Send(v)), None) => {
            if !sent.is_none() {
                return Err(vm.type_error("can't send non-None value to a just-started async generator"));
            }
            gen_send(vm, &st.gen, v)
        }
        (None, None) => gen_send(vm, &st.gen, sent),
    };
    match r {
        Ok(GenResult::Yielded(v)) => match unwrap_async(&v) {
            Some(inner) => {
                if st.closing {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                Err(vm.stop_iteration(inner))
            }
            None => Ok(v),
        },
        Ok(GenResult::Returned(_)) => {
            if st.closing {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(vm.err(&types().exc("StopAsyncIteration"), ""))
        }
        Err(e) if st.closing && (vm.is_exc(&e, "GeneratorExit") || vm.is_exc(&e, "StopAsyncIteration")) => Err(vm.stop_iteration(Value::None)),
        Err(e) => Err(e),
    }
}

fn step_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}
fn step_next(vm: &mut Vm, args: Args) -> PyResult {
    step_resume(vm, &args.pos[0], Value::None, None)
}
fn step_send(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    step_resume(vm, &args.pos[0], v, None)
}
fn step_throw(vm: &mut Vm, args: Args) -> PyResult {
    let e = exc::make_raisable(vm, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    step_resume(vm, &args.pos[0], Value::None, Some(e))
}
fn step_close(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn agen_self(v: &Value) -> ObjRef {
    v.obj().cloned().expect("async generator")
}
fn agen_aiter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}
fn agen_anext(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(new_step(agen_self(&args.pos[0]), StepOp::Send(Value::None), false))
}
fn agen_asend(_vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(new_step(agen_self(&args.pos[0]), StepOp::Send(v), false))
}
fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult {
    let e = exc::make_raisable(vm, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(new_step(agen_self(&args.pos[0]), StepOp::Throw(e), false))
}
fn agen_aclose(_vm: &mut Vm, args: Args) -> PyResult {
    let e = exc::new_exception(&types().exc("GeneratorExit"), vec![]);
    Ok(new_step(agen_self(&args.pos[0]), StepOp::Throw(e), true))
}

pub fn register_async() {
    let t = types();
    let c = &t.async_generator;
    method(c, "__aiter__", agen_aiter);
    method(c, "__anext__", agen_anext);
    method(c, "asend", agen_asend);
    method(c, "athrow", agen_athrow);
    method(c, "aclose", agen_aclose);
}

/// Forget this thread's queued generator frames (when its Vm goes away), so
/// the global count never stays raised by a thread that will not run again.
pub fn discard_pending() {
    // Dropping frames can abandon more generators; repeat until none are left.
    loop {
        let frames = PENDING.try_with(|p| std::mem::take(&mut *p.borrow_mut())).unwrap_or_default();
        if frames.is_empty() {
            return;
        }
        PENDING_COUNT.fetch_sub(frames.len(), Ordering::Relaxed);
        drop(frames);
    }
}
