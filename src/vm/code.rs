//! Code objects: immutable, shareable bytecode with constants, names and a
//! per-instruction location table for tracebacks. The instruction set is
//! defined here; its semantics live in one place, `vm/eval.rs`.

use crate::vm::value::Value;

/// Source position of one instruction (1-based lines, 0-based char columns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// Binary operators, shared by BinaryOp and InplaceOp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            MatMul => "@",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
        }
    }
    /// (forward, reflected, in-place) dunder names.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            And => ("__and__", "__rand__", "__iand__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Rich comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Operands are indexes into the code's tables or jump targets
/// (instruction indexes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    LoadConst(u32),
    Pop,
    /// Push a copy of the item `n` places down (1 = top).
    Copy(u32),
    /// Swap the top with the item `n` places down (2 = the one below the top).
    Swap(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// In a class body: look in the class namespace first, then the cell.
    LoadClassDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push [callable, self] for a method call, or [value, NULL].
    LoadMethod(u32),
    /// Call a method pushed by LoadMethod with `n` positional args.
    CallMethod(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    BinaryOp(BinOp),
    InplaceOp(BinOp),
    UnaryOp(UnOp),
    CompareOp(CmpOp),
    /// `is` (0) / `is not` (1).
    IsOp(u32),
    /// `in` (0) / `not in` (1).
    ContainsOp(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// Pops 2n items: k1 v1 k2 v2 ...
    BuildMap(u32),
    /// Concatenate n strs.
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate, but duplicate keys are a TypeError (for `**kwargs` in calls).
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// Star-unpacking: low 16 bits = names before the star, high = after.
    UnpackEx(u32),
    /// f-string field: bits 0-1 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2 = spec on stack.
    FormatValue(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// Pop and jump if the top is None (for match), else keep going.
    GetIter,
    /// Next item of the iterator on top, or pop it and jump when exhausted.
    ForIter(u32),
    /// Call with n positional args.
    Call(u32),
    /// Call with n args in total; the top is a tuple of keyword names for the last ones.
    CallKw(u32),
    /// Call f(*args_tuple) or f(*args_tuple, **kwargs_dict) (operand 1).
    CallEx(u32),
    /// Make a function from the code const on top; flags: 1 defaults tuple,
    /// 2 kwdefaults dict, 8 annotations dict, 4 closure tuple (pushed in that order, then the code).
    MakeFunction(u32),
    ReturnValue,
    /// Yield the top of stack; the value sent in is pushed on resume.
    YieldValue,
    /// In an async generator, mark the value on top as a `yield` (not an
    /// `await` passing through to the event loop).
    AsyncGenWrap,
    /// Delegate to the sub-iterator below the top (yield from / await): top is
    /// the value to send. Jumps to the target when the sub-iterator returns.
    Send(u32),
    GetYieldFromIter,
    /// Turn the top into an awaitable's iterator (coroutine or __await__).
    GetAwaitable,
    GetAIter,
    GetANext,
    /// At the end of `async for`: if the exception on top is StopAsyncIteration,
    /// clean up and continue after the loop.
    EndAsyncFor,
    /// Push an exception handler block.
    SetupExcept(u32),
    PopBlock,
    /// Leave an except handler: pop its block and restore the handled exception.
    PopExcept,
    /// raise (0), raise X (1), raise X from Y (2).
    Raise(u32),
    /// Re-raise the exception on top, keeping its traceback.
    Reraise,
    /// [exc, type] -> [bool]: does the exception match?
    CheckExcMatch,
    /// `except*` entry: [orig] -> [orig, rest, raised]: rest starts as orig,
    /// raised as an empty list.
    ExcStarBegin,
    /// [orig, rest, raised, type] -> [orig, rest', raised, match]: split rest
    /// by type; with no match, jump to the operand with [orig, rest', raised].
    ExcStarMatch(u32),
    /// [orig, rest, raised, match, exc] -> [orig, rest, raised, match]: an
    /// except* handler raised `exc`; keep it for the end.
    ExcStarCollect,
    /// [orig, rest, raised] -> [orig], or raise what is left (the raised
    /// exceptions and the unmatched rest, combined as CPython does).
    ExcStarEnd,
    /// Enter a `with`: pops the manager, pushes its bound __exit__, calls
    /// __enter__ and pushes the result (the operand is unused).
    SetupWith(u32),
    /// After __enter__ returned: push the with's handler block (target).
    SetupWithBlock(u32),
    /// Normal exit of a `with`: pop __exit__ and call it with three Nones.
    WithExitNormal,
    /// In the with-handler: [exit, exc] -> [exit, exc, exit(type, exc, tb)].
    WithExcept,
    /// Like SetupWith for `async with` (__aenter__ / __aexit__, awaited by the compiler).
    SetupAsyncWith(u32),
    /// [fromlist, level] -> module.
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadBuildClass,
    LoadAssertionError,
    /// Replace the top with its `len()` pushed on top (keeps the subject).
    GetLen,
    /// Push True if the top is a sequence for `match`.
    MatchSequence,
    /// Push True if the top is a mapping for `match`.
    MatchMapping,
    /// [subject, keys tuple] -> [subject, values tuple or None].
    MatchKeys,
    /// [subject, cls, names tuple] -> attributes tuple or None; operand = positional count.
    MatchClass(u32),
    /// [dict, keys tuple] -> [dict, rest]: copy without keys (for `**rest`).
    CopyDictWithoutKeys,
    /// Set up `__annotations__` — annotations are not evaluated; this is a no-op marker.
    SetupAnnotations,
    // --- Fused pairs (made by `fuse`, never emitted directly). Each
    // replaces a `LoadFast(local)` whose next slot still holds the second
    // instruction (which supplies the name and stays a valid jump target).
    // They borrow the local instead of pushing a clone, sparing a refcount
    // increment and decrement.
    /// LoadFast + LoadAttr: push `local.name`; skips the next slot.
    LoadFastAttr(u32),
    /// LoadFast + LoadMethod: the method lookup on the local; skips the next slot.
    LoadFastMethod(u32),
    /// LoadFast + StoreAttr: `local.name = top`; skips the next slot.
    LoadFastStoreAttr(u32),
    /// LoadFast before ReturnValue: move the local to the stack (the frame
    /// ends at the next instruction, so nothing can read it again).
    LoadFastTake(u32),
    // --- Fused runs with a fast path on numbers (made by `fuse`). Every slot
    // of the run keeps its instruction: when the fast path does not apply,
    // the fused instruction does what the one it replaced did, and the run
    // goes on unfused from the next slot.
    /// LoadFast + LoadConst + (BinaryOp | CompareOp | CompareJump): with
    /// numbers in the local and the constant, the result (or the jump) at
    /// once; else a plain LoadFast.
    LoadFastConstOp(u32),
    /// LoadFast + LoadFast: push both locals; else a plain LoadFast.
    LoadFastLoadFast(u32),
    /// CompareOp + (PopJumpIfFalse | PopJumpIfTrue): on two numbers, jump
    /// without making a bool; else a plain CompareOp.
    CompareJump(CmpOp),
}

impl Instr {
    /// The jump target of a jump or block-setup instruction.
    pub fn target(&self) -> Option<usize> {
        let mut i = *self;
        i.target_mut().map(|t| *t as usize)
    }
    /// The jump target's operand, to set it (the compiler's back-patching).
    pub fn target_mut(&mut self) -> Option<&mut u32> {
        match self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupExcept(t)
            | Instr::SetupWith(t)
            | Instr::SetupWithBlock(t)
            | Instr::SetupAsyncWith(t)
            | Instr::Send(t)
            | Instr::ExcStarMatch(t) => Some(t),
            _ => None,
        }
    }
}

/// Replace runs of instructions by the fused ones above, where no slot after
/// the first is a jump target (a jump there would skip the fused first part).
pub fn fuse(instrs: &mut [Instr]) {
    let n = instrs.len();
    let mut is_target = vec![false; n + 1];
    for i in instrs.iter() {
        if let Some(t) = i.target() {
            if t < is_target.len() {
                is_target[t] = true;
            }
        }
    }
    // A run of `len` slots from k that nothing jumps into.
    let run = |k: usize, len: usize| k + len <= n && (k + 1..k + len).all(|j| !is_target[j]);
    for k in 0..n {
        if let (Instr::CompareOp(op), true) = (instrs[k], run(k, 2)) {
            if matches!(instrs[k + 1], Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_)) {
                instrs[k] = Instr::CompareJump(op);
            }
        }
    }
    // Backwards, so that a LoadFast pair only takes a second LoadFast that
    // nothing better has taken.
    for k in (0..n).rev() {
        let Instr::LoadFast(a) = instrs[k] else { continue };
        if !run(k, 2) {
            continue;
        }
        instrs[k] = match instrs[k + 1] {
            Instr::LoadAttr(_) => Instr::LoadFastAttr(a),
            Instr::LoadMethod(_) => Instr::LoadFastMethod(a),
            Instr::StoreAttr(_) => Instr::LoadFastStoreAttr(a),
            Instr::ReturnValue => Instr::LoadFastTake(a),
            Instr::LoadFast(_) => Instr::LoadFastLoadFast(a),
            Instr::LoadConst(_)
                if run(k, 3) && matches!(instrs[k + 2], Instr::BinaryOp(_) | Instr::CompareOp(_) | Instr::CompareJump(_)) =>
            {
                Instr::LoadFastConstOp(a)
            }
            _ => continue,
        };
    }
}

/// Flags of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub async_generator: bool,
    /// Module or class body: names go through a namespace dict.
    pub uses_namespace: bool,
    /// Comprehension/genexpr scope (`.0` argument).
    pub is_comprehension: bool,
}

impl CodeFlags {
    /// CPython's `co_flags` bits (inspect.CO_*; 3.11 no longer sets CO_NOFREE).
    pub fn co_flags(&self) -> u32 {
        let mut f = 0;
        if !self.uses_namespace {
            f |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
        }
        if self.varargs {
            f |= 0x4;
        }
        if self.varkw {
            f |= 0x8;
        }
        if self.generator {
            f |= 0x20;
        }
        if self.coroutine {
            f |= 0x80;
        }
        if self.async_generator {
            f |= 0x200;
        }
        f
    }
}

/// A compiled code object. Immutable after compilation, shared via `Arc`.
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: std::sync::Arc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub locs: Vec<Loc>,
    pub consts: Vec<Value>,
    /// Interned str Values for attribute, global and namespace names.
    pub names: Vec<Value>,
    pub varnames: Vec<String>,
    /// Cells created by this scope, then free variables from the enclosing one.
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cellvar that is also an argument: (cell index, arg index).
    pub cell_args: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// The whole program's source, for tracebacks.
    pub source: std::sync::Arc<Source>,
    /// Maximum stack depth hint (for pre-allocation).
    pub stacksize: u32,
    /// `simple_shape` of this code, computed once.
    pub simple: bool,
    /// One slot per instruction: for an attribute load or store, the index
    /// of the instance-dict entry it found last (`Dict::*_hinted`). Only a
    /// hint, checked by key identity under the dict's lock, so threads may
    /// race on it freely (relaxed atomics, plain moves on x86 and wasm).
    pub attr_hints: Box<[std::sync::atomic::AtomicU32]>,
}

/// The `attr_hints` of a code object with `n` instructions.
pub fn attr_hints(n: usize) -> Box<[std::sync::atomic::AtomicU32]> {
    (0..n).map(|_| std::sync::atomic::AtomicU32::new(0)).collect()
}

/// Plain positional parameters only, no cells, not a generator: calls can
/// move arguments straight into the frame.
pub fn simple_shape(f: &CodeFlags, kwonly: u32, ncells: usize, nfree: usize) -> bool {
    !f.varargs && !f.varkw && !f.generator && !f.coroutine && !f.async_generator && kwonly == 0 && ncells == 0 && nfree == 0
}

impl Code {
    /// Plain positional parameters only, no cells, not a generator: calls can
    /// move arguments straight into the frame.
    #[inline]
    pub fn is_simple(&self) -> bool {
        self.simple
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn line_of(&self, pc: usize) -> u32 {
        self.locs.get(pc).map(|l| l.line).unwrap_or(self.first_line)
    }
    pub fn source_line(&self, line: u32) -> Option<&str> {
        if line == 0 {
            return None;
        }
        self.source.line(line as usize - 1)
    }
}

/// A program's source text (shared by its code objects), split into lines
/// only when a traceback first asks for one. The frozen standard library's
/// modules borrow their embedded text.
pub struct Source {
    text: std::borrow::Cow<'static, str>,
    /// (start, len) of each line, as `str::lines` splits them.
    lines: std::sync::OnceLock<Vec<(u32, u32)>>,
}

impl Source {
    pub fn new(text: impl Into<std::borrow::Cow<'static, str>>) -> Source {
        Source { text: text.into(), lines: std::sync::OnceLock::new() }
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Line `i` (0-based), without its line ending.
    pub fn line(&self, i: usize) -> Option<&str> {
        let lines = self.lines.get_or_init(|| {
            let base = self.text.as_ptr() as usize;
            self.text.lines().map(|l| ((l.as_ptr() as usize - base) as u32, l.len() as u32)).collect()
        });
        let &(start, len) = lines.get(i)?;
        self.text.get(start as usize..(start + len) as usize)
    }
}

/// A readable listing of a code object and the code objects in its constants.
pub fn disassemble(code: &Code) -> String {
    let mut out = format!("== {} ({})\n", code.qualname, code.filename);
    for (i, ins) in code.instrs.iter().enumerate() {
        out.push_str(&format!("{:4} L{:<4} {:?}\n", i, code.locs[i].line, ins));
    }
    for c in &code.consts {
        if let Some(crate::vm::value::Payload::Code(inner)) = c.payload() {
            out.push_str(&disassemble(inner));
        }
    }
    out
}
