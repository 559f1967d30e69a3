//! The eval loop: every opcode's semantics, in one place. Python→Python calls
//! push heap frames and continue in the same loop; generators are resumed the
//! same way. The loop returns when the frame at `base` returns or yields, or
//! when an exception escapes it.

use crate::vm::code::{BinOp, Instr, UnOp};
use crate::vm::exc;
use crate::vm::frame::{Block, BlockKind, Frame, ReturnTo};
use crate::vm::ops;
use crate::vm::types::{self, types};
use crate::vm::value::*;
use crate::vm::{Args, Flow, Prepared, PyResult, Vm};
use std::sync::Arc;

/// How a `run_loop` call ended normally.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Check for stop requests every this many instructions.
const TICK: u32 = 2048;

/// Leave and re-enter `step_until` every this many instructions. A wasm
/// engine runs a function activation in the code it was entered with: V8
/// optimises a hot function in the background, but only new calls use the
/// optimised code. Without re-entry, a program's main loop, entered once while
/// the module is cold, would stay in baseline code for the whole run.
const REENTER: u32 = TICK * 32;

macro_rules! frame {
    ($vm:ident) => {
        $vm.frames.last_mut().expect("no frame")
    };
}

impl Vm {
    /// Run frames until the frame count drops back to `base`.
    pub fn run_loop(&mut self, base: usize) -> PyResult<Exit> {
        loop {
            match self.step_until(base) {
                Ok(Some(exit)) => return Ok(exit),
                Ok(None) => {}
                Err((flow, add_tb)) => match flow {
                    Flow::Exc(e) => self.unwind(base, e, add_tb)?,
                    suspend @ Flow::Suspend(_) => return Err(suspend),
                },
            }
        }
    }

    /// Unwind after exception `e`: find a handler in the current frame or pop
    /// frames until one is found. Returns Err if the exception escapes `base`.
    pub(crate) fn unwind(&mut self, base: usize, e: Value, add_tb: bool) -> PyResult<()> {
        let mut e = e;
        let mut add_tb = add_tb;
        loop {
            let frame = frame!(self);
            if add_tb {
                exc::add_traceback(&e, &frame.code, frame.pc.saturating_sub(1), &frame.globals);
            }
            while let Some(b) = frame.blocks.pop() {
                match b.kind {
                    BlockKind::Except => {
                        frame.stack.truncate(b.level as usize);
                        frame.stack.push(e.clone());
                        frame.blocks.push(Block { kind: BlockKind::Handler, handler: 0, level: b.level });
                        frame.pc = b.handler as usize;
                        self.exc_info.push(e);
                        return Ok(());
                    }
                    BlockKind::Handler => {
                        self.exc_info.pop();
                    }
                }
            }
            // No handler here: the frame exits with the exception.
            let frame = self.frames.pop().unwrap();
            self.exc_info.truncate(frame.exc_base);
            if let Some(g) = &frame.gen {
                types::generator::finish(g);
                // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                let kind = types::generator::kind(g);
                let stop = ops::isinstance_cls(&e, &types().exc("StopIteration"))
                    || (kind == GenKind::AsyncGenerator && ops::isinstance_cls(&e, &types().exc("StopAsyncIteration")));
                if stop {
                    let what = match kind {
                        GenKind::Generator => "generator raised StopIteration",
                        GenKind::Coroutine => "coroutine raised StopIteration",
                        GenKind::AsyncGenerator => "async generator raised StopAsyncIteration",
                    };
                    let new = self.new_exc(&types().exc("RuntimeError"), what);
                    exc::set_cause(&new, e.clone());
                    exc::set_context(&new, e);
                    exc::add_traceback(&new, &frame.code, frame.pc.saturating_sub(1), &frame.globals);
                    e = new;
                }
            }
            if self.frames.len() <= base {
                return Err(Flow::Exc(e));
            }
            add_tb = true;
        }
    }

    /// Execute instructions; returns on exit of the base frame, None to be
    /// called again (see REENTER), or the exception and whether the current
    /// instruction should get a traceback entry.
    #[inline(never)]
    fn step_until(&mut self, base: usize) -> Result<Option<Exit>, (Flow, bool)> {
        macro_rules! tryx {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(Flow::Exc(e)) => {
                        self.set_context(&e);
                        return Err((Flow::Exc(e), true));
                    }
                    Err(s) => return Err((s, false)),
                }
            };
        }
        // The current frame and its instructions, refetched only when a
        // frame was pushed or popped: the dispatch then loads the pc and the
        // instruction instead of walking frames -> frame -> code -> instrs.
        let mut epoch = self.frames.epoch().wrapping_sub(1);
        let mut current: *mut Frame = std::ptr::null_mut();
        let mut instrs: *const Instr = std::ptr::null();
        let mut ninstrs = 0usize;
        loop {
            self.tick = self.tick.wrapping_add(1);
            if self.tick % TICK == 0 {
                tryx!(self.check_stop());
                if self.tick % REENTER == 0 {
                    return Ok(None);
                }
            }
            if types::generator::PENDING_COUNT.load(std::sync::atomic::Ordering::Relaxed) != 0 {
                tryx!(types::generator::close_pending(self));
            }
            if self.frames.epoch() != epoch {
                epoch = self.frames.epoch();
                let f = frame!(self);
                instrs = f.code.instrs.as_ptr();
                ninstrs = f.code.instrs.len();
                current = f;
            }
            let frame = top_frame(&mut self.frames, current);
            let pc = frame.pc;
            assert!(pc < ninstrs, "pc out of range");
            // SAFETY: `instrs` belongs to the code of `current`, which is
            // still the top frame (the epoch is unchanged), and pc < ninstrs.
            let instr = unsafe { *instrs.add(pc) };
            frame.pc = pc + 1;
            match instr {
                Instr::Nop | Instr::SetupAnnotations => {}
                Instr::LoadConst(i) => {
                    let code = &frame.code;
                    let c = &code.consts[i as usize];
                    // `<number> op <constant>`: done here, without pushing the
                    // constant (the BinaryOp slot is skipped).
                    if let (Some(Instr::BinaryOp(op)), Some(a)) = (code.instrs.get(frame.pc), frame.stack.last()) {
                        if let Some(r) = fast_arith(*op, a, c) {
                            frame.pc += 1;
                            let top = frame.stack.last_mut().unwrap();
                            // SAFETY: `a`, the old top, is an int or a float (it
                            // passed fast_arith), so it needs no drop.
                            unsafe { r.write_whole(top) };
                            continue;
                        }
                    }
                    let v = c.clone();
                    frame.push(v);
                }
                Instr::Pop => {
                    frame.stack.pop();
                }
                Instr::Copy(n) => {
                    let v = frame.peek(n as usize).clone();
                    frame.push(v);
                }
                Instr::Swap(n) => {
                    let len = frame.stack.len();
                    frame.stack.swap(len - 1, len - n as usize);
                }
                Instr::LoadFast(i) => match &frame.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        frame.push(v);
                    }
                    None => tryx!(self.load_fast(i)),
                },
                Instr::LoadFastAttr(i) | Instr::LoadFastMethod(i) | Instr::LoadFastStoreAttr(i) | Instr::LoadFastTake(i) => {
                    tryx!(self.fused_local(instr, i));
                }
                Instr::LoadFastConstOp(i) => {
                    let pc = frame.pc;
                    let code = &frame.code;
                    if let (Some(Some(a)), Some(Instr::LoadConst(c))) = (frame.fast.get(i as usize), code.instrs.get(pc)) {
                        let b = &code.consts[*c as usize];
                        match code.instrs.get(pc + 1) {
                            Some(Instr::BinaryOp(op)) => {
                                if let Some(r) = fast_arith(*op, a, b) {
                                    frame.pc = pc + 2;
                                    frame.push_built(r);
                                    continue;
                                }
                            }
                            Some(Instr::CompareOp(op)) => {
                                if let Some(r) = fast_compare(*op, a, b) {
                                    frame.pc = pc + 2;
                                    frame.push_built(Value::Bool(r));
                                    continue;
                                }
                            }
                            Some(Instr::CompareJump(op)) => {
                                if let Some(r) = fast_compare(*op, a, b) {
                                    frame.pc = match code.instrs.get(pc + 2) {
                                        Some(Instr::PopJumpIfFalse(t)) if !r => *t as usize,
                                        Some(Instr::PopJumpIfTrue(t)) if r => *t as usize,
                                        _ => pc + 3,
                                    };
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                    tryx!(self.load_fast(i));
                }
                Instr::LoadFastLoadFast(i) => {
                    if let (Some(Some(a)), Some(Instr::LoadFast(j))) = (frame.fast.get(i as usize), frame.code.instrs.get(frame.pc)) {
                        if let Some(Some(b)) = frame.fast.get(*j as usize) {
                            let (a, b) = (a.clone(), b.clone());
                            frame.pc += 1;
                            frame.push(a);
                            frame.push(b);
                            continue;
                        }
                    }
                    tryx!(self.load_fast(i));
                }
                Instr::StoreFast(i) => {
                    let v = frame.pop();
                    frame.fast[i as usize] = Some(v);
                }
                Instr::DeleteFast(i) => {
                    if frame.fast[i as usize].take().is_none() {
                        let name = frame.code.varnames[i as usize].clone();
                        tryx!(Err(self.err(
                            &types().exc("UnboundLocalError"),
                            format!("cannot access local variable '{}' where it is not associated with a value", name)
                        )))
                    }
                }
                Instr::LoadDeref(i) => {
                    let v = cell_get(&frame.cells[i as usize]);
                    match v {
                        Some(v) => frame.push(v),
                        None => {
                            let e = self.unbound_deref(i);
                            tryx!(Err(e))
                        }
                    }
                }
                Instr::LoadClassDeref(i) => {
                    let code = frame.code.clone();
                    let name = cell_name(&code, i);
                    let from_ns = frame.ns.as_ref().and_then(|ns| ns_dict(ns).get_str(&name));
                    let v = match from_ns {
                        Some(v) => Some(v),
                        None => cell_get(&frame.cells[i as usize]),
                    };
                    match v {
                        Some(v) => frame.push(v),
                        None => {
                            let e = self.unbound_deref(i);
                            tryx!(Err(e))
                        }
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = frame.pop();
                    cell_set(&frame.cells[i as usize], Some(v));
                }
                Instr::DeleteDeref(i) => {
                    cell_set(&frame.cells[i as usize], None);
                }
                Instr::LoadClosure(i) => {
                    let c = frame.cells[i as usize].clone();
                    frame.push(Value::Obj(c));
                }
                Instr::LoadGlobal(i) => {
                    let name = &frame.code.names[i as usize];
                    let v = self.global_cache.load(&frame.code, frame.pc, &frame.globals, &self.run.builtins, name);
                    match v {
                        Some(v) => frame!(self).push(v),
                        None => {
                            let n = name.as_str().unwrap_or("").to_string();
                            tryx!(Err(self.err(&types().exc("NameError"), format!("name '{}' is not defined", n))))
                        }
                    }
                }
                Instr::StoreGlobal(i) => {
                    let v = frame.pop();
                    ns_dict(&frame.globals).set_str_value(&frame.code.names[i as usize], v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = frame.code.names[i as usize].as_str().unwrap_or("").to_string();
                    if ns_dict(&frame.globals).remove_str(&name).is_none() {
                        tryx!(Err(self.err(&types().exc("NameError"), format!("name '{}' is not defined", name))))
                    }
                }
                Instr::LoadName(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let v = frame
                        .ns
                        .as_ref()
                        .and_then(|ns| ns_dict(ns).get_str_value(&name))
                        .or_else(|| ns_dict(&frame.globals).get_str_value(&name))
                        .or_else(|| ns_dict(&self.run.builtins).get_str_value(&name));
                    match v {
                        Some(v) => frame!(self).push(v),
                        None => tryx!(Err(self.err(
                            &types().exc("NameError"),
                            format!("name '{}' is not defined", name.as_str().unwrap_or(""))
                        ))),
                    }
                }
                Instr::StoreName(i) => {
                    let v = frame.pop();
                    let name = &frame.code.names[i as usize];
                    match &frame.ns {
                        Some(ns) => ns_dict(ns).set_str_value(name, v),
                        None => ns_dict(&frame.globals).set_str_value(name, v),
                    }
                }
                Instr::DeleteName(i) => {
                    let name = frame.code.names[i as usize].as_str().unwrap_or("").to_string();
                    let target = frame.ns.clone().unwrap_or_else(|| frame.globals.clone());
                    if ns_dict(&target).remove_str(&name).is_none() {
                        tryx!(Err(self.err(&types().exc("NameError"), format!("name '{}' is not defined", name))))
                    }
                }
                Instr::LoadAttr(i) => {
                    let name = name_ref(frame, i);
                    let obj = frame.pop();
                    if ops::with_instance_attr(&obj, name, hint_ref(frame, pc), |v| frame.push(v.clone())).is_some() {
                        continue;
                    }
                    let v = tryx!(ops::getattr(self, &obj, name));
                    frame!(self).push(v);
                }
                Instr::StoreAttr(i) => {
                    let name = name_ref(frame, i);
                    let obj = frame.pop();
                    let v = frame.pop();
                    let hint = hint_ref(frame, pc);
                    tryx!(ops::setattr_at(self, &obj, name, v, hint));
                }
                Instr::DeleteAttr(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let obj = frame.pop();
                    tryx!(ops::delattr(self, &obj, &name));
                }
                Instr::LoadMethod(i) => {
                    let name = name_ref(frame, i);
                    let obj = frame.pop();
                    if ops::push_method(&obj, name, &mut frame.stack) {
                        continue;
                    }
                    let (f, recv) = tryx!(ops::load_method(self, &obj, name));
                    let frame = frame!(self);
                    frame.push(f);
                    frame.push(recv.unwrap_or_else(|| types().null.clone()));
                }
                Instr::CallMethod(n) => {
                    let n = n as usize;
                    let len = frame.stack.len();
                    // Fast path: a plain Python function with exact arity, as
                    // a method (the receiver is its first argument) or not
                    // (a function found on the instance, or in a module).
                    let recv_is_null = frame.stack[len - n - 1].is(&types().null);
                    if let Some(Payload::Function(func)) = frame.stack[len - n - 2].payload() {
                        let (nargs, extra) = if recv_is_null { (n, 2) } else { (n + 1, 1) };
                        if func.code.is_simple() && func.code.argcount as usize == nargs {
                            // SAFETY: as for Call below.
                            let func: *const Function = func;
                            let (code, globals) = unsafe { (&(*func).code, &(*func).globals) };
                            tryx!(self.call_simple(code, globals, nargs, extra));
                            continue;
                        }
                    }
                    let pos = if recv_is_null {
                        let pos = crate::vm::frame::take_args(&mut frame.stack, len - n);
                        frame.stack.pop();
                        pos
                    } else {
                        crate::vm::frame::take_args(&mut frame.stack, len - n - 1)
                    };
                    let f = frame.pop();
                    tryx!(self.call_positional(f, pos));
                }
                Instr::Call(n) => {
                    let len = frame.stack.len();
                    if let Some(Payload::Function(func)) = frame.stack[len - n as usize - 1].payload() {
                        if func.code.is_simple() && func.code.argcount == n {
                            // SAFETY: the function object stays on the caller's
                            // stack until call_simple has built the new frame.
                            let func: *const Function = func;
                            let (code, globals) = unsafe { (&(*func).code, &(*func).globals) };
                            tryx!(self.call_simple(code, globals, n as usize, 1));
                            continue;
                        }
                    }
                    let pos = crate::vm::frame::take_args(&mut frame.stack, len - n as usize);
                    let f = frame.pop();
                    tryx!(self.call_positional(f, pos));
                }
                Instr::CallKw(n) => {
                    let names = frame.pop();
                    let len = frame.stack.len();
                    let mut pos: Vec<Value> = frame.stack.drain(len - n as usize..).collect();
                    let f = frame.pop();
                    let names = names.tuple_items().unwrap_or(&[]).to_vec();
                    let kwvals = pos.split_off(pos.len() - names.len());
                    let kw = names.into_iter().zip(kwvals).collect();
                    tryx!(self.do_call(f, Args { pos, kw }));
                }
                Instr::CallEx(flag) => {
                    let kwargs = if flag & 1 != 0 { Some(frame.pop()) } else { None };
                    let args = frame.pop();
                    let f = frame.pop();
                    let pos = args.tuple_items().map(|t| t.to_vec()).unwrap_or_default();
                    let mut kw = Vec::new();
                    if let Some(k) = kwargs {
                        if let Some(Payload::Dict(d)) = k.payload() {
                            kw = d.items();
                        }
                    }
                    tryx!(self.do_call(f, Args { pos, kw }));
                }
                Instr::BinarySubscr => {
                    let key = frame.pop();
                    let obj = frame.pop();
                    // Fast paths: plain tuple or list, in-range small-int
                    // index; the item goes straight onto the stack.
                    if let (Value::Obj(o), Value::Int(i)) = (&obj, &key) {
                        if o.cls.is_none() {
                            match &o.payload {
                                Payload::Tuple(t) => {
                                    if let Some(j) = ops::seq_index(*i, t.len()) {
                                        frame.push(t[j].clone());
                                        continue;
                                    }
                                }
                                Payload::List(l) => {
                                    let items = lock(l);
                                    if let Some(j) = ops::seq_index(*i, items.len()) {
                                        frame.push(items[j].clone());
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    let v = tryx!(ops::getitem(self, &obj, &key));
                    frame!(self).push(v);
                }
                Instr::StoreSubscr => {
                    let key = frame.pop();
                    let obj = frame.pop();
                    let v = frame.pop();
                    // Fast path: plain list, in-range small-int index.
                    if let (Some(Payload::List(l)), Value::Int(i)) = (obj.payload(), &key) {
                        if obj.obj().map(|o| o.cls.is_none()).unwrap_or(false) {
                            let mut items = lock(l);
                            if let Some(j) = ops::seq_index(*i, items.len()) {
                                items[j] = v;
                                continue;
                            }
                        }
                    }
                    tryx!(ops::setitem(self, &obj, key, v));
                }
                Instr::DeleteSubscr => {
                    let key = frame.pop();
                    let obj = frame.pop();
                    tryx!(ops::delitem(self, &obj, &key));
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { frame.pop() } else { Value::None };
                    let stop = frame.pop();
                    let start = frame.pop();
                    frame.push(Value::Obj(Obj::new(Payload::Slice(start, stop, step))));
                }
                Instr::BinaryOp(op) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    if let Some(r) = fast_arith(op, &a, &b) {
                        frame.push_built(r);
                        continue;
                    }
                    let v = tryx!(ops::binary_op(self, op, &a, &b));
                    frame!(self).push(v);
                }
                Instr::InplaceOp(op) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    // Numbers are immutable, so `a op= b` is `a op b` for them.
                    if let Some(r) = fast_arith(op, &a, &b) {
                        frame.push_built(r);
                        continue;
                    }
                    let v = tryx!(ops::inplace_op(self, op, &a, &b));
                    frame!(self).push(v);
                }
                Instr::UnaryOp(op) => {
                    let v = frame.pop();
                    let r = match op {
                        UnOp::Not => Value::Bool(!tryx!(ops::truthy(self, &v))),
                        _ => tryx!(ops::unary_op(self, op, &v)),
                    };
                    frame!(self).push(r);
                }
                Instr::CompareOp(op) | Instr::CompareJump(op) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    if let Some(r) = fast_compare(op, &a, &b) {
                        if let Instr::CompareJump(_) = instr {
                            let pc = frame.pc;
                            match frame.code.instrs.get(pc) {
                                Some(Instr::PopJumpIfFalse(t)) => {
                                    frame.pc = if r { pc + 1 } else { *t as usize };
                                    continue;
                                }
                                Some(Instr::PopJumpIfTrue(t)) => {
                                    frame.pc = if r { *t as usize } else { pc + 1 };
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        frame.push_built(Value::Bool(r));
                        continue;
                    }
                    let v = tryx!(ops::compare(self, op, &a, &b));
                    frame!(self).push(v);
                }
                Instr::IsOp(inv) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    frame.push(Value::Bool(a.is(&b) != (inv == 1)));
                }
                Instr::ContainsOp(inv) => {
                    let container = frame.pop();
                    let item = frame.pop();
                    let r = tryx!(ops::contains(self, &container, &item));
                    frame!(self).push(Value::Bool(r != (inv == 1)));
                }
                Instr::BuildTuple(n) => {
                    let len = frame.stack.len();
                    let items: Vec<Value> = frame.stack.drain(len - n as usize..).collect();
                    frame.push(Value::tuple(items));
                }
                Instr::BuildList(n) => {
                    let len = frame.stack.len();
                    let items: Vec<Value> = frame.stack.drain(len - n as usize..).collect();
                    frame.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let len = frame.stack.len();
                    let items: Vec<Value> = frame.stack.drain(len - n as usize..).collect();
                    let s = tryx!(types::set::new_set(self, items, false));
                    frame!(self).push(s);
                }
                Instr::BuildMap(n) => {
                    let len = frame.stack.len();
                    let items: Vec<Value> = frame.stack.drain(len - 2 * n as usize..).collect();
                    let d = crate::vm::dict::Dict::new();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tryx!(d.set(self, k, v));
                    }
                    frame!(self).push(Value::Obj(Obj::new(Payload::Dict(d))));
                }
                Instr::BuildString(n) => {
                    let len = frame.stack.len();
                    let mut s = String::new();
                    for v in frame.stack.drain(len - n as usize..) {
                        s.push_str(v.as_str().unwrap_or(""));
                    }
                    frame.push(Value::str(s));
                }
                Instr::ListAppend(n) => {
                    let v = frame.pop();
                    if let Some(Payload::List(l)) = frame.peek(n as usize).payload() {
                        lock(l).push(v);
                    }
                }
                Instr::SetAdd(n) => {
                    let v = frame.pop();
                    let s = frame.peek(n as usize).clone();
                    tryx!(types::set::set_add(self, &s, v));
                }
                Instr::MapAdd(n) => {
                    let v = frame.pop();
                    let k = frame.pop();
                    let d = frame.peek(n as usize).clone();
                    if let Some(Payload::Dict(d)) = d.payload() {
                        tryx!(d.set(self, k, v));
                    }
                }
                Instr::ListExtend(n) => {
                    let it = frame.pop();
                    let l = frame.peek(n as usize).clone();
                    let items = tryx!(ops::iterate(self, &it));
                    if let Some(Payload::List(l)) = l.payload() {
                        lock(l).extend(items);
                    }
                }
                Instr::SetUpdate(n) => {
                    let it = frame.pop();
                    let s = frame.peek(n as usize).clone();
                    let items = tryx!(ops::iterate(self, &it));
                    for v in items {
                        tryx!(types::set::set_add(self, &s, v));
                    }
                }
                Instr::DictUpdate(n) | Instr::DictMerge(n) => {
                    let other = frame.pop();
                    let d = frame.peek(n as usize).clone();
                    let merge = matches!(instr, Instr::DictMerge(_));
                    tryx!(types::dict::update_from(self, &d, &other, merge));
                }
                Instr::ListToTuple => {
                    let l = frame.pop();
                    let items = match l.payload() {
                        Some(Payload::List(l)) => lock(l).clone(),
                        _ => vec![],
                    };
                    frame.push(Value::tuple(items));
                }
                Instr::UnpackSequence(n) => {
                    let v = frame.pop();
                    // Fast paths: exact-size plain tuples and lists, no temporary Vec.
                    match v.payload() {
                        Some(Payload::Tuple(t)) if t.len() == n as usize && v.obj().map(|o| o.cls.is_none()).unwrap_or(false) => {
                            frame.stack.extend(t.iter().rev().cloned());
                            continue;
                        }
                        Some(Payload::List(l)) if v.obj().map(|o| o.cls.is_none()).unwrap_or(false) => {
                            let items = lock(l);
                            if items.len() == n as usize {
                                frame.stack.extend(items.iter().rev().cloned());
                                continue;
                            }
                        }
                        _ => {}
                    }
                    let items = tryx!(ops::unpack(self, &v, n as usize));
                    let frame = frame!(self);
                    frame.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx(spec) => {
                    let before = (spec & 0xffff) as usize;
                    let after = (spec >> 16) as usize;
                    let v = frame.pop();
                    let mut items = tryx!(ops::iterate(self, &v));
                    if items.len() < before + after {
                        tryx!(Err(self.value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        ))))
                    }
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(before);
                    let frame = frame!(self);
                    frame.stack.extend(tail.into_iter().rev());
                    frame.push(Value::list(middle));
                    frame.stack.extend(items.into_iter().rev());
                }
                Instr::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 { Some(frame.pop()) } else { None };
                    let v = frame.pop();
                    let v = match flags & 3 {
                        1 => Value::str(tryx!(ops::str_(self, &v))),
                        2 => Value::str(tryx!(ops::repr(self, &v))),
                        3 => Value::str(crate::vm::format::ascii_escape(&tryx!(ops::repr(self, &v)))),
                        _ => v,
                    };
                    let spec_s = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
                    let s = if spec_s.is_empty() {
                        if v.as_str().is_some() && v.obj().map(|o| o.cls.is_none()).unwrap_or(false) {
                            v
                        } else {
                            Value::str(tryx!(ops::format(self, &v, "")))
                        }
                    } else {
                        Value::str(tryx!(ops::format(self, &v, spec_s)))
                    };
                    frame!(self).push(s);
                }
                Instr::Jump(t) => {
                    frame.pc = t as usize;
                    // A loop's back edge: its ForIter's fast path right here.
                    if let Some(Instr::ForIter(end)) = frame.code.instrs.get(t as usize) {
                        let end = *end;
                        frame.pc += 1;
                        if !for_iter_fast(frame, end) {
                            frame.pc -= 1;
                        }
                    }
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = frame.pop();
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => tryx!(ops::truthy(self, &v)),
                    };
                    if !b {
                        frame!(self).pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = frame.pop();
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => tryx!(ops::truthy(self, &v)),
                    };
                    if b {
                        frame!(self).pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = frame.top().clone();
                    if !tryx!(ops::truthy(self, &v)) {
                        frame!(self).pc = t as usize;
                    } else {
                        frame!(self).pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = frame.top().clone();
                    if tryx!(ops::truthy(self, &v)) {
                        frame!(self).pc = t as usize;
                    } else {
                        frame!(self).pop();
                    }
                }
                Instr::GetIter => {
                    let v = frame.pop();
                    let it = tryx!(ops::get_iter(self, &v));
                    frame!(self).push(it);
                }
                Instr::ForIter(t) => {
                    if for_iter_fast(frame, t) {
                        continue;
                    }
                    let it = frame.top().clone();
                    if let Some(g) = types::generator::as_plain_generator(&it) {
                        tryx!(self.resume_generator(&g, Value::None, ReturnTo::GenForIter(t)));
                        continue;
                    }
                    match tryx!(ops::next(self, &it)) {
                        Some(v) => frame!(self).push(v),
                        None => {
                            let frame = frame!(self);
                            frame.pop();
                            frame.pc = t as usize;
                        }
                    }
                }
                Instr::MakeFunction(flags) => {
                    let code_v = frame.pop();
                    let closure = if flags & 4 != 0 { Some(frame.pop()) } else { None };
                    let annotations = if flags & 8 != 0 { Some(frame.pop()) } else { None };
                    let kwdefaults = if flags & 2 != 0 { Some(frame.pop()) } else { None };
                    let defaults = if flags & 1 != 0 { Some(frame.pop()) } else { None };
                    let globals = frame.globals.clone();
                    let f = types::function::make_function(code_v, globals, defaults, kwdefaults, closure);
                    if let (Some(a), Value::Obj(fo)) = (annotations, &f) {
                        if let Some(d) = &fo.dict {
                            d.set_str("__annotations__", a);
                        }
                    }
                    frame.push(f);
                }
                Instr::ReturnValue => {
                    let v = frame.pop();
                    let mut done = self.frames.pop().unwrap();
                    self.exc_info.truncate(done.exc_base);
                    if let Some(g) = done.gen.take() {
                        types::generator::finish(&g);
                    }
                    let ret = std::mem::replace(&mut done.ret, ReturnTo::Caller);
                    self.free_frame(done);
                    if self.frames.len() <= base {
                        if let ReturnTo::Init(inst) = &ret {
                            if !v.is_none() {
                                tryx!(Err(self.type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    ops::type_name(&v)
                                ))))
                            }
                            return Ok(Some(Exit::Return(inst.clone())));
                        }
                        return Ok(Some(Exit::Return(v)));
                    }
                    let caller = frame!(self);
                    match ret {
                        ReturnTo::Caller | ReturnTo::GenNative => caller.push(v),
                        ReturnTo::Init(inst) => {
                            if !v.is_none() {
                                let msg = format!("__init__() should return None, not '{}'", ops::type_name(&v));
                                tryx!(Err(self.type_error(msg)))
                            }
                            frame!(self).push(inst);
                        }
                        ReturnTo::GenForIter(t) => {
                            caller.pop();
                            caller.pc = t as usize;
                        }
                        ReturnTo::GenSend(t) => {
                            caller.pop();
                            caller.push(v);
                            caller.pc = t as usize;
                        }
                    }
                }
                Instr::AsyncGenWrap => {
                    let v = frame.pop();
                    frame.push(types::generator::async_wrap(v));
                }
                Instr::YieldValue => {
                    let v = frame.pop();
                    let mut done = self.frames.pop().unwrap();
                    // Save the generator's handled exceptions while suspended.
                    done.suspend_exc(&mut self.exc_info);
                    let g = done.gen.take().expect("yield outside generator");
                    types::generator::suspend(&g, done);
                    if self.frames.len() <= base {
                        return Ok(Some(Exit::Yield(v)));
                    }
                    frame!(self).push(v);
                }
                Instr::Send(t) => {
                    let v = frame.pop();
                    let sub = frame.top().clone();
                    if let Some(g) = types::generator::as_generator(&sub) {
                        tryx!(self.resume_generator(&g, v, ReturnTo::GenSend(t)));
                        continue;
                    }
                    let r = if v.is_none() {
                        // Call __next__ directly so a StopIteration keeps its value.
                        match ops::lookup_special(&sub, "__next__") {
                            Some(f) => self.call(&f, vec![sub.clone()]).map(Some),
                            None => ops::next_or_stop(self, &sub),
                        }
                    } else {
                        ops::call_method(self, &sub, "send", vec![v]).map(Some)
                    };
                    match r {
                        Ok(Some(y)) => frame!(self).push(y),
                        Ok(None) => {
                            let frame = frame!(self);
                            frame.pop();
                            frame.push(Value::None);
                            frame.pc = t as usize;
                        }
                        Err(Flow::Exc(e)) if ops::isinstance_cls(&e, &types().exc("StopIteration")) => {
                            let rv = exc::stop_iteration_value(&e);
                            let frame = frame!(self);
                            frame.pop();
                            frame.push(rv);
                            frame.pc = t as usize;
                        }
                        Err(e) => tryx!(Err(e)),
                    }
                }
                Instr::GetYieldFromIter => {
                    let v = frame.pop();
                    let it = if types::generator::as_generator(&v).is_some() { v } else { tryx!(ops::get_iter(self, &v)) };
                    frame!(self).push(it);
                }
                Instr::GetAwaitable => {
                    let v = frame.pop();
                    let it = tryx!(ops::get_awaitable(self, &v));
                    frame!(self).push(it);
                }
                Instr::GetAIter => {
                    let v = frame.pop();
                    let it = tryx!(ops::call_special(self, &v, "__aiter__", vec![], "'async for' requires an object with __aiter__ method, got"));
                    frame!(self).push(it);
                }
                Instr::GetANext => {
                    let v = frame.top().clone();
                    let it = tryx!(ops::call_special(self, &v, "__anext__", vec![], "'async for' requires an iterator with __anext__ method, got"));
                    frame!(self).push(it);
                }
                Instr::EndAsyncFor => {
                    let e = frame.pop();
                    if ops::isinstance_cls(&e, &types().exc("StopAsyncIteration")) {
                        frame.blocks.pop();
                        frame.pop(); // the async iterator
                        self.exc_info.pop();
                    } else {
                        return Err((Flow::Exc(e), false));
                    }
                }
                Instr::SetupExcept(h) => {
                    let level = frame.stack.len() as u32;
                    frame.blocks.push(Block { kind: BlockKind::Except, handler: h, level });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::PopExcept => {
                    frame.blocks.pop();
                    self.exc_info.pop();
                }
                Instr::Raise(n) => {
                    let e = tryx!(self.do_raise(n));
                    match e {
                        None => {
                            // Bare `raise`: re-raise without a new traceback entry.
                            let cur = self.exc_info.last().cloned().unwrap();
                            return Err((Flow::Exc(cur), false));
                        }
                        Some(e) => {
                            self.set_context(&e);
                            return Err((Flow::Exc(e), true));
                        }
                    }
                }
                Instr::Reraise => {
                    let e = frame.pop();
                    return Err((Flow::Exc(e), false));
                }
                Instr::ExcStarBegin => {
                    let orig = frame.top().clone();
                    frame.push(orig);
                    frame.push(Value::list(vec![]));
                }
                Instr::ExcStarMatch(target) => {
                    let ty = frame.pop();
                    let rest = frame.peek(2).clone();
                    let (m, r) = tryx!(types::exc_group::star_match(self, &rest, &ty));
                    let frame = frame!(self);
                    let n = frame.stack.len();
                    frame.stack[n - 2] = r.unwrap_or(Value::None);
                    match m {
                        Some(m) => frame.push(m),
                        None => frame.pc = target as usize,
                    }
                }
                Instr::ExcStarCollect => {
                    let x = frame.pop();
                    if let Some(Payload::List(l)) = frame.peek(2).payload() {
                        lock(l).push(x);
                    }
                }
                Instr::ExcStarEnd => {
                    let raised = frame.pop();
                    let rest = frame.pop();
                    let orig = frame.top().clone();
                    let raised = match raised.payload() {
                        Some(Payload::List(l)) => lock(l).clone(),
                        _ => Vec::new(),
                    };
                    if let Some(e) = tryx!(types::exc_group::prep_reraise_star(self, &orig, &rest, raised)) {
                        return Err((Flow::Exc(e), false));
                    }
                }
                Instr::CheckExcMatch => {
                    let ty = frame.pop();
                    let e = frame.pop();
                    let m = tryx!(exc::exception_matches(self, &e, &ty));
                    frame!(self).push(Value::Bool(m));
                }
                Instr::SetupWith(h) | Instr::SetupAsyncWith(h) => {
                    let is_async = matches!(instr, Instr::SetupAsyncWith(_));
                    let mgr = frame.pop();
                    let (enter_name, exit_name) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
                    let enter = ops::lookup_special_bound(&mgr, enter_name);
                    let exit = ops::lookup_special_bound(&mgr, exit_name);
                    let (Some(enter), Some(exit)) = (enter, exit) else {
                        let msg = if is_async {
                            format!("'{}' object does not support the asynchronous context manager protocol", ops::type_name(&mgr))
                        } else {
                            format!("'{}' object does not support the context manager protocol", ops::type_name(&mgr))
                        };
                        tryx!(Err(self.type_error(msg)))
                    };
                    let _ = h;
                    frame!(self).push(exit);
                    tryx!(self.do_call(enter, Args::default()));
                }
                Instr::SetupWithBlock(h) => {
                    // [exit, enter-result]: the handler unwinds to just above exit.
                    let level = frame.stack.len() as u32 - 1;
                    frame.blocks.push(Block { kind: BlockKind::Except, handler: h, level });
                }
                Instr::WithExitNormal => {
                    let exit = frame.pop();
                    tryx!(self.do_call(exit, Args::new(vec![Value::None, Value::None, Value::None])));
                }
                Instr::WithExcept => {
                    let e = frame.peek(1).clone();
                    let exit = frame.peek(2).clone();
                    let ty = Value::Obj(ops::class_of(&e));
                    let tb = types::exceptions::traceback_object(&e);
                    tryx!(self.do_call(exit, Args::new(vec![ty, e, tb])));
                }
                Instr::ImportName(i) => {
                    let name = frame.code.names[i as usize].as_str().unwrap_or("").to_string();
                    let fromlist = frame.pop();
                    let _level = frame.pop();
                    let m = tryx!(crate::stdlib::import_module(self, &name));
                    let has_from = fromlist.tuple_items().map(|t| !t.is_empty()).unwrap_or(false);
                    let result = if has_from || !name.contains('.') {
                        m
                    } else {
                        tryx!(crate::stdlib::import_module(self, name.split('.').next().unwrap()))
                    };
                    frame!(self).push(result);
                }
                Instr::ImportFrom(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let m = frame.top().clone();
                    match ops::getattr(self, &m, &name) {
                        Ok(v) => frame!(self).push(v),
                        Err(_) => {
                            let mname = crate::stdlib::module_name(&m);
                            tryx!(Err(self.err(
                                &types().exc("ImportError"),
                                format!("cannot import name '{}' from '{}' (unknown location)", name.as_str().unwrap_or(""), mname)
                            )))
                        }
                    }
                }
                Instr::ImportStar => {
                    let m = frame.pop();
                    let target = frame.ns.clone().unwrap_or_else(|| frame.globals.clone());
                    if let Some(Payload::Module(md)) = m.payload() {
                        for (k, v) in ns_dict(&md.dict).items() {
                            if !k.as_str().map(|s| s.starts_with('_')).unwrap_or(true) {
                                ns_dict(&target).set_str_value(&k, v);
                            }
                        }
                    }
                }
                Instr::LoadBuildClass => {
                    frame.push(types().build_class.clone());
                }
                Instr::LoadAssertionError => {
                    frame.push(Value::Obj(types().exc("AssertionError")));
                }
                Instr::GetLen => {
                    let v = frame.top().clone();
                    let n = tryx!(ops::len(self, &v));
                    frame!(self).push(Value::Int(n as i64));
                }
                Instr::MatchSequence => {
                    let v = frame.top().clone();
                    let is_seq = ops::is_match_sequence(&v);
                    frame.push(Value::Bool(is_seq));
                }
                Instr::MatchMapping => {
                    let v = frame.top().clone();
                    let is_map = ops::is_match_mapping(&v);
                    frame.push(Value::Bool(is_map));
                }
                Instr::MatchKeys => {
                    let keys = frame.top().clone();
                    let subject = frame.peek(2).clone();
                    let r = tryx!(ops::match_keys(self, &subject, &keys));
                    frame!(self).push(r);
                }
                Instr::MatchClass(npos) => {
                    let names = frame.pop();
                    let cls = frame.pop();
                    let subject = frame.pop();
                    let r = tryx!(ops::match_class(self, &subject, &cls, npos as usize, &names));
                    frame!(self).push(r);
                }
                Instr::CopyDictWithoutKeys => {
                    let keys = frame.top().clone();
                    let subject = frame.peek(2).clone();
                    let r = tryx!(ops::dict_without_keys(self, &subject, &keys));
                    frame!(self).push(r);
                }
            }
        }
    }

    /// Call a simple Python function whose `nargs` arguments sit on top of the
    /// stack with `extra` callable slots below them: move the arguments
    /// straight into a pooled frame.
    #[inline]
    fn call_simple(&mut self, code: &Arc<crate::vm::code::Code>, globals: &ObjRef, nargs: usize, extra: usize) -> PyResult<()> {
        if self.frames.len() >= self.run.recursion_limit() {
            return Err(self.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
        }
        let mut f = self.alloc_frame(code, globals);
        let caller = frame!(self);
        let start = caller.stack.len() - nargs;
        crate::vm::frame::move_to_slots(&mut caller.stack, start, &mut f.fast[..nargs]);
        caller.stack.truncate(start - extra);
        f.exc_base = self.exc_info.len();
        self.frames.push(f);
        Ok(())
    }

    /// `Call`'s and `CallMethod`'s call: a plain builtin straight through
    /// `call_builtin`, anything else through `do_call`. Inlined into the
    /// loop: as part of `do_call` it measured slower.
    #[inline(always)]
    fn call_positional(&mut self, f: Value, pos: Vec<Value>) -> PyResult<()> {
        if let Some(func) = plain_builtin(&f) {
            let v = self.call_builtin(func, Args::new(pos), true)?;
            frame!(self).push(v);
            return Ok(());
        }
        self.do_call(f, Args::new(pos))
    }

    /// Perform a call from the eval loop: native results are pushed, Python
    /// frames are pushed onto the frame stack (stackless).
    fn do_call(&mut self, f: Value, args: Args) -> PyResult<()> {
        self.direct_call = true;
        let prepared = self.prepare_call(f, args);
        self.direct_call = false;
        match prepared? {
            Prepared::Done(v) => {
                frame!(self).push(v);
                Ok(())
            }
            Prepared::Frame(fr) => self.push_frame(fr),
        }
    }

    fn unbound_deref(&self, i: u32) -> Flow {
        let frame = self.frames.last().unwrap();
        let name = cell_name(&frame.code, i);
        if (i as usize) < frame.code.cellvars.len() {
            self.err(
                &types().exc("UnboundLocalError"),
                format!("cannot access local variable '{}' where it is not associated with a value", name),
            )
        } else {
            self.err(
                &types().exc("NameError"),
                format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name),
            )
        }
    }

    /// Set `__context__` of a newly raised exception to the one being handled.
    fn set_context(&self, e: &Value) {
        if let Some(cur) = self.exc_info.last() {
            if !cur.is(e) && exc::get_context(e).is_none() {
                exc::set_context(e, cur.clone());
            }
        }
    }

    /// Evaluate a `raise` statement's operands; None means bare `raise`.
    fn do_raise(&mut self, n: u32) -> PyResult<Option<Value>> {
        let frame = frame!(self);
        match n {
            0 => match self.exc_info.last() {
                Some(_) => Ok(None),
                None => Err(self.runtime_error("No active exception to reraise")),
            },
            _ => {
                let cause = if n == 2 { Some(frame.pop()) } else { None };
                let e = frame.pop();
                let e = exc::make_raisable(self, e)?;
                if let Some(c) = cause {
                    let c = if c.is_none() { c } else { exc::make_raisable(self, c)? };
                    exc::set_cause(&e, c);
                }
                Ok(Some(e))
            }
        }
    }

    /// A fused `LoadFast` pair (`code::fuse`): the second instruction works
    /// on the local in place instead of on a pushed clone. Out of line, so
    /// that the eval loop's own code stays compact.
    #[inline(never)]
    fn fused_local(&mut self, instr: Instr, i: u32) -> PyResult<()> {
        let frame = frame!(self);
        let local: *const Option<Value> = &frame.fast[i as usize];
        // SAFETY: frames are boxed, so the slot stays put while frames are
        // pushed; this frame is neither popped nor reset before the
        // instruction ends (as for `name_ref`), and the local can't change
        // meanwhile: callees run in frames of their own.
        let Some(obj) = (unsafe { &*local }) else {
            let name = frame.code.varnames[i as usize].clone();
            return Err(self.err(
                &types().exc("UnboundLocalError"),
                format!("cannot access local variable '{}' where it is not associated with a value", name),
            ));
        };
        let next = frame.code.instrs.get(frame.pc).copied();
        match (instr, next) {
            (Instr::LoadFastAttr(_), Some(Instr::LoadAttr(n))) => {
                let hint = hint_ref(frame, frame.pc);
                frame.pc += 1;
                let name = name_ref(frame, n);
                // An instance attribute goes from the dict to the stack
                // directly (no PyResult<Option<Value>> moved through calls).
                if ops::with_instance_attr(obj, name, hint, |v| frame.push(v.clone())).is_some() {
                    return Ok(());
                }
                let v = ops::getattr(self, obj, name)?;
                frame!(self).push(v);
            }
            (Instr::LoadFastMethod(_), Some(Instr::LoadMethod(n))) => {
                frame.pc += 1;
                let name = name_ref(frame, n);
                if ops::push_method(obj, name, &mut frame.stack) {
                    return Ok(());
                }
                let (f, recv) = ops::load_method(self, obj, name)?;
                let frame = frame!(self);
                frame.push(f);
                frame.push(recv.unwrap_or_else(|| types().null.clone()));
            }
            (Instr::LoadFastStoreAttr(_), Some(Instr::StoreAttr(n))) => {
                let hint = hint_ref(frame, frame.pc);
                frame.pc += 1;
                let name = name_ref(frame, n);
                let v = frame.pop();
                ops::setattr_at(self, obj, name, v, hint)?;
            }
            (Instr::LoadFastTake(_), Some(Instr::ReturnValue)) => {
                let v = frame.fast[i as usize].take().expect("checked above");
                frame.push(v);
            }
            // Not the pair `fuse` makes (hand-made bytecode): a plain LoadFast.
            _ => {
                let v = obj.clone();
                frame.push(v);
            }
        }
        Ok(())
    }

    /// LoadFast(i) out of line: push the local, or raise UnboundLocalError.
    #[inline(never)]
    fn load_fast(&mut self, i: u32) -> PyResult<()> {
        let frame = frame!(self);
        match &frame.fast[i as usize] {
            Some(v) => {
                let v = v.clone();
                frame.push(v);
                Ok(())
            }
            None => {
                let name = frame.code.varnames[i as usize].clone();
                Err(self.err(
                    &types().exc("UnboundLocalError"),
                    format!("cannot access local variable '{}' where it is not associated with a value", name),
                ))
            }
        }
    }

    /// Resume a generator from inside the eval loop (stackless), or throw into it.
    pub fn resume_generator(&mut self, g: &ObjRef, send: Value, ret: ReturnTo) -> PyResult<()> {
        let Some(mut f) = types::generator::take_frame(self, g)? else {
            // Already finished: behaves as exhausted.
            let caller = frame!(self);
            match ret {
                ReturnTo::GenForIter(t) => {
                    caller.pop();
                    caller.pc = t as usize;
                }
                ReturnTo::GenSend(t) => {
                    caller.pop();
                    caller.push(Value::None);
                    caller.pc = t as usize;
                }
                _ => {}
            }
            if types::generator::kind(g) == GenKind::Coroutine {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(());
        };
        if f.pc == 0 && !send.is_none() {
            types::generator::suspend(g, f);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {}",
                types::generator::kind_name(g)
            )));
        }
        if f.pc > 0 {
            f.push(send);
        }
        f.ret = ret;
        if self.frames.len() >= self.run.recursion_limit() {
            types::generator::suspend(g, f);
            return Err(self.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
        }
        f.resume_exc(&mut self.exc_info);
        self.frames.push(f);
        Ok(())
    }

    /// The periodic check: stop, timeout, and the GIL's drop requests.
    pub fn check_stop(&mut self) -> PyResult<()> {
        crate::runtime::blocking::eval_breaker(self)
    }
}

/// Arithmetic on two small ints or two floats that needs no Python call and
/// cannot fail; None sends the operation down the general path.
#[inline(always)]
fn fast_arith(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(*y),
            BinOp::Sub => x.checked_sub(*y),
            BinOp::Mul => x.checked_mul(*y),
            BinOp::FloorDiv | BinOp::Mod | BinOp::And | BinOp::Or | BinOp::Xor => int_arith(op, *x, *y),
            _ => None,
        }
        .map(Value::Int),
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add => Some(x + y),
            BinOp::Sub => Some(x - y),
            BinOp::Mul => Some(x * y),
            BinOp::TrueDiv if *y != 0.0 => Some(x / y),
            BinOp::Pow if *x > 0.0 && x.is_finite() && y.is_finite() => Some(x.powf(*y)).filter(|r| r.is_finite()),
            _ => None,
        }
        .map(Value::Float),
        _ => None,
    }
}

/// The rarer small-int operations of `fast_arith`, out of line. Python's
/// floor division and modulo: the remainder takes the divisor's sign;
/// division by zero and MIN // -1 take the slow path.
#[inline(never)]
fn int_arith(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::FloorDiv => x.checked_div(y).map(|q| if (x % y != 0) && ((x ^ y) < 0) { q - 1 } else { q }),
        BinOp::Mod => x.checked_rem(y).map(|r| if r != 0 && ((r ^ y) < 0) { r + y } else { r }),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        _ => None,
    }
}

/// ForIter's fast paths, range and list iterators, for the iterator on top
/// of `frame`'s stack (borrowed: nothing here can run Python code): push
/// the next item, or pop the iterator and jump to `end`. An item goes
/// straight into the local when the next instruction stores it there.
/// False: not such an iterator (the general path handles it).
#[inline(always)]
fn for_iter_fast(frame: &mut Frame, end: u32) -> bool {
    let next = match frame.stack.last() {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Iterator(st) => {
                let mut st = lock(st);
                match &mut *st {
                    IterState::Range { cur, stop, step } => {
                        let c = *cur;
                        if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                            *cur = c + *step;
                            Some(Value::Int(c))
                        } else {
                            None
                        }
                    }
                    IterState::Seq { seq, idx } => {
                        let item = match seq.payload() {
                            Some(Payload::List(l)) => lock(l).get(*idx).cloned(),
                            _ => return false,
                        };
                        match item {
                            Some(v) => {
                                *idx += 1;
                                Some(v)
                            }
                            None => {
                                *st = IterState::Done;
                                None
                            }
                        }
                    }
                    _ => return false,
                }
            }
            _ => return false,
        },
        _ => return false,
    };
    match next {
        Some(v) => {
            if let Some(Instr::StoreFast(i)) = frame.code.instrs.get(frame.pc) {
                let i = *i as usize;
                frame.pc += 1;
                frame.fast[i] = Some(v);
            } else {
                frame.push(v);
            }
        }
        None => {
            frame.stack.pop();
            frame.pc = end as usize;
        }
    }
    true
}

/// Comparisons of two ints or two floats, which need no Python call.
#[inline]
fn fast_compare(op: crate::vm::code::CmpOp, a: &Value, b: &Value) -> Option<bool> {
    use crate::vm::code::CmpOp::*;
    use std::cmp::Ordering::*;
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        // NaN compares false (Ne true): left to the slow path.
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y)?,
        _ => return None,
    };
    Some(match op {
        Lt => ord == Less,
        Le => ord != Greater,
        Eq => ord == Equal,
        Ne => ord != Equal,
        Gt => ord == Greater,
        Ge => ord != Less,
    })
}

/// The function of a builtin that takes its arguments as they are (neither
/// bound to a receiver nor carrying data), which the eval loop calls
/// directly instead of through `prepare_call`.
#[inline]
fn plain_builtin(f: &Value) -> Option<NativeFn> {
    match f.payload() {
        Some(Payload::Builtin(b)) if b.bound.is_none() && b.data.is_none() => Some(b.func),
        _ => None,
    }
}

/// The top frame, as cached by `step_until`. Borrowing `frames` mutably
/// gives it the same borrow as `frame!(self)`, so the borrow checker still
/// keeps it apart from anything that could push or pop a frame.
#[inline(always)]
fn top_frame<'a>(frames: &'a mut crate::vm::frame::FrameStack, current: *mut Frame) -> &'a mut Frame {
    debug_assert!(std::ptr::eq(current, &**frames.last().expect("no frame")));
    // SAFETY: `current` is the boxed top frame of `frames`: step_until
    // refetches it whenever the stack's epoch moves.
    unsafe { &mut *current }
}

/// Borrow a name from the current frame's code for the duration of one
/// instruction, without reference-count traffic.
#[inline]
fn name_ref<'a>(frame: &Frame, i: u32) -> &'a Value {
    let p: *const Value = &frame.code.names[i as usize];
    // SAFETY: the frame owns an `Arc<Code>` that stays alive while this
    // instruction runs: frames are boxed (their address is stable when the
    // frame stack grows) and the current frame is only popped by ReturnValue,
    // YieldValue or unwinding, none of which use the name afterwards.
    unsafe { &*p }
}

/// The `attr_hints` slot of instruction `pc` in the frame's code, with the
/// same lifetime argument as `name_ref`.
fn hint_ref<'a>(frame: &Frame, pc: usize) -> &'a std::sync::atomic::AtomicU32 {
    let p: *const std::sync::atomic::AtomicU32 = &frame.code.attr_hints[pc];
    // SAFETY: as for `name_ref`: the frame's `Arc<Code>` outlives the instruction.
    unsafe { &*p }
}

/// The dict inside a namespace object (module dict / class ns / globals).
#[inline]
pub fn ns_dict(o: &ObjRef) -> &crate::vm::dict::Dict {
    match &o.payload {
        Payload::Dict(d) => d,
        Payload::Module(m) => ns_dict(&m.dict),
        Payload::Class(c) => &c.dict,
        _ => o.dict.as_ref().expect("namespace without dict"),
    }
}

fn cell_get(c: &ObjRef) -> Option<Value> {
    match &c.payload {
        Payload::Cell(m) => lock(m).clone(),
        _ => None,
    }
}

fn cell_set(c: &ObjRef, v: Option<Value>) {
    if let Payload::Cell(m) = &c.payload {
        *lock(m) = v;
    }
}

fn cell_name(code: &Arc<crate::vm::code::Code>, i: u32) -> String {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].clone()
    } else {
        code.freevars.get(i - code.cellvars.len()).cloned().unwrap_or_default()
    }
}

pub fn new_frame_for_module(code: Arc<crate::vm::code::Code>, globals: ObjRef) -> Box<Frame> {
    Box::new(Frame::new(code, globals))
}
