//! Heap frames. A Python call pushes a `Frame` onto the thread's frame stack
//! (never the Rust stack), so the eval loop can suspend and resume anywhere.

use crate::vm::code::Code;
use crate::vm::value::{ObjRef, Value};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A try body: on exception, jump to `handler`.
    Except,
    /// Inside an except handler: leaving it restores the handled exception.
    Handler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    pub level: u32,
}

/// What happens with a frame's result when it returns.
#[derive(Clone)]
pub enum ReturnTo {
    /// Push the value on the caller's stack.
    Caller,
    /// An `__init__` frame: check it returned None and push the instance.
    Init(Value),
    /// A generator resumed by the eval loop: ForIter(target) or Send(target) in the caller.
    GenForIter(u32),
    GenSend(u32),
    /// A generator resumed by Rust code (`next()`, `send()`...): return to it.
    GenNative,
}

pub struct Frame {
    pub code: Arc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    pub cells: Vec<ObjRef>,
    pub globals: ObjRef,
    /// The namespace dict of a class body (LoadName/StoreName go here).
    pub ns: Option<ObjRef>,
    pub blocks: Vec<Block>,
    pub ret: ReturnTo,
    /// The generator/coroutine owning this frame, if any.
    pub gen: Option<ObjRef>,
    /// Depth of the thread's handled-exception stack when the frame started.
    pub exc_base: usize,
    /// Handled exceptions saved while a generator frame is suspended.
    pub saved_exc: Vec<Value>,
}

impl Frame {
    pub fn new(code: Arc<Code>, globals: ObjRef) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            stack: Vec::with_capacity(code.stacksize as usize),
            fast: vec![None; nlocals],
            cells: Vec::new(),
            globals,
            ns: None,
            blocks: Vec::new(),
            ret: ReturnTo::Caller,
            gen: None,
            exc_base: 0,
            saved_exc: Vec::new(),
            pc: 0,
            code,
        }
    }
    /// Reuse a pooled frame for a new call (keeps the vectors' capacity).
    /// A pooled frame still holds its last code and globals: a call of the
    /// same function (recursion, a loop) keeps them without refcount traffic.
    pub fn reset(&mut self, code: &Arc<Code>, globals: &ObjRef) {
        self.stack.clear();
        self.fast.clear();
        self.fast.resize(code.varnames.len(), None);
        self.cells.clear();
        if !Arc::ptr_eq(&self.globals, globals) {
            self.globals = globals.clone();
        }
        self.ns = None;
        self.blocks.clear();
        self.ret = ReturnTo::Caller;
        self.gen = None;
        self.exc_base = 0;
        self.saved_exc.clear();
        self.pc = 0;
        if !Arc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
    }
    /// Drop every reference a finished frame holds (before pooling it).
    pub fn scrub(&mut self) {
        self.stack.clear();
        self.fast.clear();
        self.cells.clear();
        self.ns = None;
        self.blocks.clear();
        self.gen = None;
        self.saved_exc.clear();
    }
    /// Resuming a generator's frame: the exceptions it was handling go back
    /// on the thread's stack, above the current ones.
    #[inline]
    pub fn resume_exc(&mut self, exc_info: &mut Vec<Value>) {
        self.exc_base = exc_info.len();
        if !self.saved_exc.is_empty() {
            exc_info.append(&mut self.saved_exc);
        }
    }
    /// Suspending it: they come off again, into the frame.
    #[inline]
    pub fn suspend_exc(&mut self, exc_info: &mut Vec<Value>) {
        if exc_info.len() > self.exc_base {
            self.saved_exc = exc_info.split_off(self.exc_base);
        }
    }
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }
    /// Pushes a value built from its parts (an arithmetic or comparison
    /// result) with one whole store: see `Value::write_whole`.
    #[inline(always)]
    pub fn push_built(&mut self, v: Value) {
        let len = self.stack.len();
        if len == self.stack.capacity() {
            self.stack.reserve(1);
        }
        // SAFETY: there is room for one more at `len`, which is then counted.
        unsafe {
            v.write_whole(self.stack.as_mut_ptr().add(len));
            self.stack.set_len(len + 1);
        }
    }
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().expect("stack underflow")
    }
    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().expect("empty stack")
    }
    /// The item `n` places from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        &self.stack[self.stack.len() - n]
    }
    /// The line currently executing.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.pc.saturating_sub(1))
    }
}

/// Move `from[start..]` into `slots` (exactly as many), leaving `from`
/// truncated to `start`: arguments into a new frame's locals.
///
/// Each value is moved whole, as one 16-byte copy. Moving them through
/// `drain` or `into_iter` went through `Option<Value>`, which LLVM rebuilt
/// byte by byte on the stack and then read back whole: a store-forwarding
/// stall on every argument of every call.
#[inline]
pub fn move_to_slots(from: &mut Vec<Value>, start: usize, slots: &mut [Option<Value>]) {
    assert_eq!(from.len() - start, slots.len());
    // SAFETY: set_len first forgets the moved values in `from` (so a panic
    // can only leak them), then each is read exactly once into its slot.
    unsafe {
        from.set_len(start);
        let src = from.as_ptr().add(start);
        for (i, slot) in slots.iter_mut().enumerate() {
            *slot = Some(std::ptr::read(src.add(i)));
        }
    }
}

/// The values `from[start..]` as a new vector, with room for one more: a
/// bound method's receiver or a class's new instance is inserted in front of
/// the arguments, which would otherwise reallocate an exactly sized vector.
#[inline]
pub fn take_args(from: &mut Vec<Value>, start: usize) -> Vec<Value> {
    let n = from.len() - start;
    let mut out = Vec::with_capacity(n + 1);
    // SAFETY: the values are moved: `from` forgets them (set_len) and `out`
    // takes them over (set_len), each copied once.
    unsafe {
        std::ptr::copy_nonoverlapping(from.as_ptr().add(start), out.as_mut_ptr(), n);
        from.set_len(start);
        out.set_len(n);
    }
    out
}

/// A thread's frame stack. Every push and pop bumps `epoch`, so the eval loop
/// can keep the current frame and its instructions in locals and refetch them
/// only when the epoch moved (`eval::step_until`). The frames themselves are
/// reachable read-only as a slice, and the top one mutably: no change to the
/// stack escapes the epoch. (A frame's `code` is only set by `Frame::reset`,
/// on a pooled frame, never on one in a stack.)
#[derive(Default)]
pub struct FrameStack {
    frames: Vec<Box<Frame>>,
    epoch: usize,
}

impl FrameStack {
    #[inline]
    pub fn push(&mut self, f: Box<Frame>) {
        self.epoch = self.epoch.wrapping_add(1);
        self.frames.push(f);
    }
    #[inline]
    pub fn pop(&mut self) -> Option<Box<Frame>> {
        self.epoch = self.epoch.wrapping_add(1);
        self.frames.pop()
    }
    /// The top frame, mutably (as a `Frame`, not its `Box`, so it cannot be
    /// swapped for another behind the epoch's back).
    #[inline]
    pub fn last_mut(&mut self) -> Option<&mut Frame> {
        self.frames.last_mut().map(|f| &mut **f)
    }
    /// Changes whenever a frame is pushed or popped.
    #[inline]
    pub fn epoch(&self) -> usize {
        self.epoch
    }
}

impl std::ops::Deref for FrameStack {
    type Target = [Box<Frame>];
    #[inline]
    fn deref(&self) -> &[Box<Frame>] {
        &self.frames
    }
}
