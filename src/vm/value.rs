//! Values and heap objects. `Value` is a small tagged enum: None, bools, small
//! ints and floats are immediates; everything else is an `Arc<Obj>`. All of it is
//! `Send + Sync`: immutable payloads need no lock, mutable ones carry a short one.

use crate::vm::code::Code;
use crate::vm::dict::Dict;
use crate::vm::spin::{SpinGuard, SpinLock};
use num_bigint::BigInt;
use std::any::Any;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub type ObjRef = Arc<Obj>;

/// A Python value.
///
/// `repr(C, u8)` puts every payload at offset 8 (a Rust-layout enum keeps
/// `Bool`'s byte at offset 1), so bytes 1-7 are padding in every variant and
/// a move copies the tag and one word: with data in bytes 1-7, LLVM copied
/// them piecewise through stack temporaries on every push and drain.
#[repr(C, u8)]
pub enum Value {
    None = 0,
    Bool(bool) = 1,
    /// The small-int fast path; results that don't fit become `Payload::Int`.
    Int(i64) = 2,
    Float(f64) = 3,
    Obj(ObjRef) = 4,
}

impl Value {
    /// Writes `self` to `dst` as one 16-byte store. A value built from its
    /// parts (an arithmetic result) is otherwise stored as a tag byte and a
    /// payload word, and the 16-byte load of the pop or clone that reads it
    /// next cannot be forwarded from two stores: a stall of a dozen cycles.
    ///
    /// # Safety
    /// `dst` must be valid for a 16-byte write; what it held is not dropped.
    #[inline(always)]
    pub unsafe fn write_whole(self, dst: *mut Value) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
            // The tags are the explicit discriminants above; with
            // `repr(C, u8)` the tag is byte 0 and the payload is at offset 8.
            let (tag, bits) = match self {
                Value::None => (0i64, 0i64),
                Value::Bool(b) => (1, b as i64),
                Value::Int(i) => (2, i),
                Value::Float(f) => (3, f.to_bits() as i64),
                obj => return unsafe { std::ptr::write(dst, obj) },
            };
            unsafe { _mm_storeu_si128(dst as *mut __m128i, _mm_set_epi64x(bits, tag)) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        unsafe {
            std::ptr::write(dst, self)
        }
    }
}

/// A clone copies all 16 bytes at once, after counting the reference. The
/// derived clone rebuilt the value from its tag and payload, two narrow stores
/// that the 16-byte load of the next push could not forward from: a stall of
/// a dozen cycles on every clone pushed onto a stack or into a list.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            std::mem::forget(ObjRef::clone(o));
        }
        // SAFETY: immediates are plain data, and the reference an `Obj` holds
        // was counted just above, so the copy owns one reference of its own.
        unsafe { std::ptr::read(self) }
    }
}

/// A heap object: its class (None = the builtin class implied by the payload),
/// its payload, and an optional instance `__dict__`.
pub struct Obj {
    pub cls: Option<ObjRef>,
    pub payload: Payload,
    pub dict: Option<InstDict>,
}

/// An instance's `__dict__`: a plain dict object of its own, so that
/// `obj.__dict__` and `vars(obj)` hand out the live dict (writes through it
/// are the instance's attributes). Derefs to its `Dict`.
pub struct InstDict(ObjRef);

impl InstDict {
    pub fn new(d: Dict) -> InstDict {
        InstDict(Obj::new(Payload::Dict(d)))
    }
    /// The dict object itself (what `__dict__` returns).
    pub fn object(&self) -> &ObjRef {
        &self.0
    }
}

impl Default for InstDict {
    fn default() -> InstDict {
        InstDict::new(Dict::default())
    }
}

impl std::ops::Deref for InstDict {
    type Target = Dict;
    #[inline(always)]
    fn deref(&self) -> &Dict {
        match &self.0.payload {
            Payload::Dict(d) => d,
            // `new` is the only constructor, and a payload never changes.
            _ => unreachable!("an instance dict is a dict"),
        }
    }
}

/// Lock a std mutex or a `SpinLock` (a list's or a dict's), ignoring
/// poisoning (a panicking thread is a VM bug, reported elsewhere; the data is
/// still structurally valid).
#[inline(always)]
pub fn lock<L: ShortLock + ?Sized>(m: &L) -> L::Guard<'_> {
    m.short_lock()
}

/// What `lock` can take.
pub trait ShortLock {
    type Guard<'a>
    where
        Self: 'a;
    fn short_lock(&self) -> Self::Guard<'_>;
}

impl<T> ShortLock for Mutex<T> {
    type Guard<'a>
        = MutexGuard<'a, T>
    where
        T: 'a;
    #[inline]
    fn short_lock(&self) -> MutexGuard<'_, T> {
        self.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> ShortLock for SpinLock<T> {
    type Guard<'a>
        = SpinGuard<'a, T>
    where
        T: 'a;
    #[inline(always)]
    fn short_lock(&self) -> SpinGuard<'_, T> {
        self.lock()
    }
}

/// An immutable Python str with a cached char count and hash.
///
/// The text is a `String` rather than a `Box<str>`: most strings are built
/// in a `String` (formatting, joining, concatenation), and boxing one
/// reallocates it whenever its capacity exceeds its length. Only a buffer
/// with more than 32 spare bytes and more than a quarter of its length spare
/// is shrunk.
pub struct PyStr {
    pub s: String,
    pub nchars: usize,
    hash: AtomicI64,
}

impl PyStr {
    pub fn new(s: impl Into<String>) -> PyStr {
        let mut s = s.into();
        if s.capacity() - s.len() > 32.max(s.len() / 4) {
            s.shrink_to_fit();
        }
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, nchars, hash: AtomicI64::new(-1) }
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// The hash of a str (FNV-1a; CPython randomises str hashes, so no program can
/// depend on the exact values).
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Which generator-like object a frame-owning object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// A user-visible function: code plus everything captured at `def` time.
pub struct Function {
    pub code: Arc<Code>,
    pub globals: ObjRef,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(String, Value)>,
    pub closure: Vec<ObjRef>,
    pub name: Mutex<String>,
    pub qualname: Mutex<String>,
    pub module: Value,
}

/// Signature of a function implemented in Rust.
pub type NativeFn = fn(&mut crate::vm::Vm, crate::vm::Args) -> crate::vm::PyResult;

/// A builtin function or method descriptor. `bound` is the receiver for a
/// bound builtin method (e.g. `[].append`).
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub bound: Option<Value>,
    /// True for methods defined on a class (bind `self` on attribute access).
    pub is_method: bool,
    /// Extra data for closures made in Rust (e.g. functools.partial internals).
    pub data: Option<Value>,
}

/// A class object's data.
pub struct ClassData {
    pub name: Mutex<String>,
    pub qualname: Mutex<String>,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    pub dict: Dict,
    /// Builtin (static) type: its methods are implemented natively.
    pub builtin: bool,
    /// The payload kind instances of this class carry (inherited from the
    /// nearest builtin base).
    pub base_kind: BaseKind,
    /// The metaclass, None = `type`.
    pub meta: Option<ObjRef>,
    /// Cached facts about the class and its MRO (CLASS_* bits), kept up to
    /// date when class attributes are set; they let attribute access skip
    /// MRO walks.
    pub flags: std::sync::atomic::AtomicU32,
    /// A 64-bit Bloom filter of the names of data descriptors in the MRO
    /// (bit `hash & 63`): a clear bit proves a name is not one.
    pub descr_bloom: std::sync::atomic::AtomicU64,
    /// For a builtin class: its builtin `__new__` when its `__init__` is
    /// object's, so a call is just that (`str(x)`, `range(n)`); None when
    /// it is not that simple. Found at the first call: builtin classes are
    /// complete before any Python runs, and immutable after.
    pub ctor: std::sync::OnceLock<Option<Value>>,
}

/// Some class in the MRO defines __getattribute__ in Python.
pub const CLASS_GETATTRIBUTE: u32 = 1;
/// Some class in the MRO defines __getattr__ in Python.
pub const CLASS_GETATTR: u32 = 2;
/// Some class attribute in the MRO is a data descriptor (property, __set__).
pub const CLASS_DATA_DESCR: u32 = 4;
/// Some class in the MRO defines __setattr__ or __delattr__ in Python.
pub const CLASS_SETATTR: u32 = 8;

/// The kind of payload a class's instances are created with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BaseKind {
    Object,
    Exception,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    Type,
    Other,
}

/// A module: a name and its namespace dict (a Python dict object).
pub struct ModuleData {
    pub name: String,
    pub dict: ObjRef,
}

/// An exception instance's builtin state.
pub struct ExcData {
    pub args: Mutex<Value>,
    pub traceback: Mutex<Vec<TbEntry>>,
    pub cause: Mutex<Value>,
    pub context: Mutex<Value>,
    pub suppress_context: std::sync::atomic::AtomicBool,
    /// The traceback object built from `traceback` (see
    /// `types::exceptions::traceback_object`), kept so identity holds, and
    /// how many entries its chain covers.
    pub tb_cache: Mutex<(Value, usize)>,
}

/// One traceback line: which code, which instruction.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Arc<Code>,
    pub pc: usize,
    /// The frame's globals (for `tb_frame.f_globals`).
    pub globals: Option<ObjRef>,
}

/// Generators, coroutines and async generators own their suspended frame.
pub struct GenData {
    pub kind: GenKind,
    /// The suspended frame, and whether it runs or has finished.
    pub frame: crate::vm::types::generator::FrameSlot,
    pub name: String,
    pub qualname: String,
    /// Its code (gi_code / cr_code / ag_code), also while the frame runs.
    pub code: Arc<crate::vm::code::Code>,
}

/// Iterators over builtin containers.
pub enum IterState {
    Seq { seq: Value, idx: usize },
    Range { cur: i64, stop: i64, step: i64 },
    Str { s: ObjRef, byte_pos: usize },
    /// Over a dict/set table; `size` is the length seen at the first step
    /// (a change raises RuntimeError, as in CPython).
    DictKeys { dict: ObjRef, idx: usize, kind: u8, size: usize },
    Callable { func: Value, sentinel: Value, done: bool },
    Native(Box<dyn NativeIter>),
    Done,
}

/// A Rust iterator-like object (enumerate, zip, map, itertools...).
pub trait NativeIter: Send + Sync {
    fn next(&mut self, vm: &mut crate::vm::Vm) -> crate::vm::PyResult<Option<Value>>;
    /// The Python type name (`type(it).__name__`).
    fn type_name(&self) -> &'static str {
        "iterator"
    }
}

/// The payload of a heap object.
pub enum Payload {
    /// A plain instance of a user class; all state lives in `Obj::dict`.
    Instance,
    Int(BigInt),
    /// A float that is an instance of a float subclass.
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(Mutex<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(SpinLock<Vec<Value>>),
    Dict(Dict),
    Set(Dict),
    FrozenSet(Dict),
    Range(i64, i64, i64),
    Slice(Value, Value, Value),
    Function(Function),
    BoundMethod(Value, Value),
    Builtin(Builtin),
    /// Boxed, like Exception's data and the instance dict, to keep `Obj`
    /// small: every str and tuple is an `Obj`.
    Class(Box<ClassData>),
    Module(ModuleData),
    Cell(Mutex<Option<Value>>),
    Generator(GenData),
    Iterator(SpinLock<IterState>),
    Exception(Box<ExcData>),
    Property(Value, Value, Value, Value),
    StaticMethod(Value),
    ClassMethod(Value),
    Super(Value, Value),
    /// Sentinels: NotImplemented, Ellipsis and the internal NULL marker.
    Singleton(&'static str),
    Code(Arc<Code>),
    /// Objects implemented in Rust by a stdlib module.
    Native(Box<dyn Any + Send + Sync>),
}

impl Obj {
    pub fn new(payload: Payload) -> ObjRef {
        Arc::new(Obj { cls: None, payload, dict: None })
    }
    pub fn with_class(cls: ObjRef, payload: Payload, dict: Option<Dict>) -> ObjRef {
        Arc::new(Obj { cls: Some(cls), payload, dict: dict.map(InstDict::new) })
    }
    pub fn class_data(&self) -> Option<&ClassData> {
        match &self.payload {
            Payload::Class(c) => Some(c),
            _ => None,
        }
    }
}

impl Value {
    #[inline]
    pub fn obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }
    pub fn str(s: impl Into<String>) -> Value {
        Value::Obj(Obj::new(Payload::Str(PyStr::new(s))))
    }
    pub fn as_str(&self) -> Option<&str> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(&s.s),
            _ => None,
        }
    }
    pub fn as_pystr(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Obj(Obj::new(Payload::Tuple(items.into_boxed_slice())))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::Obj(Obj::new(Payload::List(SpinLock::new(items))))
    }
    pub fn bigint(i: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match i.to_i64() {
            Some(v) => Value::Int(v),
            None => Value::Obj(Obj::new(Payload::Int(i))),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
    /// A stable id for `id()` and default reprs.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => Arc::as_ptr(o) as *const u8 as usize,
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as usize,
            Value::Int(i) => 0x10_0000usize.wrapping_add((*i as usize).wrapping_mul(32)),
            Value::Float(f) => f.to_bits() as usize,
        }
    }
    pub fn tuple_items(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Value {
        Value::Int(i as i64)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::str(s)
    }
}

// Compile-time proof of the thread-safety requirement: every value can cross
// threads and be shared between them.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Value>();
    assert_send_sync::<Obj>();
};

// ----- dropping deep object graphs without deep recursion -----
// A long chain of nested lists or linked instances would otherwise be freed
// recursively and overflow the Rust (or wasm) stack. Like CPython's
// "trashcan", children of a dying container are queued and freed in a loop.

thread_local! {
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static DROP_QUEUE: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    static DROP_PAYLOADS: std::cell::RefCell<Vec<Payload>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for Obj {
    fn drop(&mut self) {
        let mut children: Vec<Value> = match &mut self.payload {
            Payload::List(m) => std::mem::take(m.get_mut()),
            Payload::Tuple(t) => std::mem::take(t).into_vec(),
            Payload::Dict(d) | Payload::Set(d) | Payload::FrozenSet(d) => d.take_all(),
            _ => Vec::new(),
        };
        if let Some(d) = self.dict.take() {
            children.push(Value::Obj(d.0));
        }
        // Only objects can recurse; immediates need no care.
        children.retain(|v| matches!(v, Value::Obj(_)));
        // Other payloads that hold objects chain too (map(f, map(f, ...)),
        // generators whose frames hold generators, closures over closures,
        // exception contexts, slices of slices, properties of properties):
        // such a payload is taken out whole and freed the same way.
        let payload = match &self.payload {
            Payload::Instance
            | Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(..)
            | Payload::Singleton(_)
            | Payload::Code(_)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_) => None,
            _ => Some(std::mem::replace(&mut self.payload, Payload::Instance)),
        };
        if children.is_empty() && payload.is_none() {
            return;
        }
        let depth = DROP_DEPTH.try_with(|d| d.get()).unwrap_or(0);
        if depth > 0 {
            let _ = DROP_QUEUE.try_with(|q| q.borrow_mut().extend(children));
            if let Some(p) = payload {
                let _ = DROP_PAYLOADS.try_with(|q| q.borrow_mut().push(p));
            }
            return;
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(1));
        drop(children);
        drop(payload);
        loop {
            let batch = DROP_QUEUE.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default();
            let payloads = DROP_PAYLOADS.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default();
            if batch.is_empty() && payloads.is_empty() {
                break;
            }
            drop(batch);
            drop(payloads);
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(0));
    }
}
