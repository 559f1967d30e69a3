//! The `pickle` module: CPython's pickle format (protocols 0–5), written in
//! Rust. `dumps` follows the C pickler (`_pickle`) opcode for opcode, so its
//! output is byte-identical to CPython's for the builtin types, classes and
//! functions by reference, and instances of user classes; `loads` reads every
//! protocol. Errors are CPython's (`_pickle.PicklingError: Can't pickle ...`).
//! `dumps_value` / `loads_value` are the codec the runtime uses to send values
//! between isolated processes.

use super::{def, new_module, set};
use crate::vm::dict::Dict;
use crate::vm::eval::ns_dict;
use crate::vm::types::{self, types};
use crate::vm::value::*;
use crate::vm::{bytes_value, exc, intern, ops, Args, Flow, PyResult, Vm};
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const HIGHEST_PROTOCOL: u8 = 5;
pub const DEFAULT_PROTOCOL: u8 = 4;

// ----- opcodes -----
const MARK: u8 = b'(';
const STOP: u8 = b'.';
const POP: u8 = b'0';
const POP_MARK: u8 = b'1';
const DUP: u8 = b'2';
const FLOAT: u8 = b'F';
const INT: u8 = b'I';
const BININT: u8 = b'J';
const BININT1: u8 = b'K';
const LONG: u8 = b'L';
const BININT2: u8 = b'M';
const NONE: u8 = b'N';
const PERSID: u8 = b'P';
const BINPERSID: u8 = b'Q';
const REDUCE: u8 = b'R';
const STRING: u8 = b'S';
const BINSTRING: u8 = b'T';
const SHORT_BINSTRING: u8 = b'U';
const UNICODE: u8 = b'V';
const BINUNICODE: u8 = b'X';
const APPEND: u8 = b'a';
const BUILD: u8 = b'b';
const GLOBAL: u8 = b'c';
const DICT: u8 = b'd';
const EMPTY_DICT: u8 = b'}';
const APPENDS: u8 = b'e';
const GET: u8 = b'g';
const BINGET: u8 = b'h';
const INST: u8 = b'i';
const LONG_BINGET: u8 = b'j';
const LIST: u8 = b'l';
const EMPTY_LIST: u8 = b']';
const OBJ: u8 = b'o';
const PUT: u8 = b'p';
const BINPUT: u8 = b'q';
const LONG_BINPUT: u8 = b'r';
const SETITEM: u8 = b's';
const TUPLE: u8 = b't';
const EMPTY_TUPLE: u8 = b')';
const SETITEMS: u8 = b'u';
const BINFLOAT: u8 = b'G';
const PROTO: u8 = 0x80;
const NEWOBJ: u8 = 0x81;
const EXT1: u8 = 0x82;
const EXT2: u8 = 0x83;
const EXT4: u8 = 0x84;
const TUPLE1: u8 = 0x85;
const TUPLE2: u8 = 0x86;
const TUPLE3: u8 = 0x87;
const NEWTRUE: u8 = 0x88;
const NEWFALSE: u8 = 0x89;
const LONG1: u8 = 0x8a;
const LONG4: u8 = 0x8b;
const BINBYTES: u8 = b'B';
const SHORT_BINBYTES: u8 = b'C';
const SHORT_BINUNICODE: u8 = 0x8c;
const BINUNICODE8: u8 = 0x8d;
const BINBYTES8: u8 = 0x8e;
const EMPTY_SET: u8 = 0x8f;
const ADDITEMS: u8 = 0x90;
const FROZENSET: u8 = 0x91;
const NEWOBJ_EX: u8 = 0x92;
const STACK_GLOBAL: u8 = 0x93;
const MEMOIZE: u8 = 0x94;
const FRAME: u8 = 0x95;
const BYTEARRAY8: u8 = 0x96;
const NEXT_BUFFER: u8 = 0x97;
const READONLY_BUFFER: u8 = 0x98;

const BATCHSIZE: usize = 1000;
const FRAME_SIZE_MIN: usize = 4;
const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_HEADER_SIZE: usize = 9;

// ----- the module -----

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("pickle");
    set(&m, "HIGHEST_PROTOCOL", Value::Int(HIGHEST_PROTOCOL as i64));
    set(&m, "DEFAULT_PROTOCOL", Value::Int(DEFAULT_PROTOCOL as i64));
    let base = exc_class(vm, "PickleError", types().exc("Exception"));
    let pe = exc_class(vm, "PicklingError", base.clone());
    let ue = exc_class(vm, "UnpicklingError", base.clone());
    set(&m, "PickleError", Value::Obj(base));
    set(&m, "PicklingError", Value::Obj(pe));
    set(&m, "UnpicklingError", Value::Obj(ue));
    def(&m, "dumps", py_dumps);
    def(&m, "loads", py_loads);
    def(&m, "dump", py_dump);
    def(&m, "load", py_load);
    def(&m, "_codecs_encode", codecs_encode);
    m
}

/// An exception class as `_pickle` defines it (its `__module__` is `_pickle`,
/// so tracebacks print `_pickle.PicklingError`).
fn exc_class(vm: &mut Vm, name: &str, base: ObjRef) -> ObjRef {
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("_pickle"));
    match types::object::type_new(vm, None, name, vec![base], &ns) {
        Ok(Value::Obj(c)) => c,
        _ => types().exc("Exception"),
    }
}

/// One of the module's exception classes (the module is imported on demand,
/// so the Rust API works before any `import pickle`).
fn pickle_exc(vm: &mut Vm, name: &str) -> ObjRef {
    if let Ok(m) = super::import_module(vm, "pickle") {
        if let Some(Value::Obj(c)) = ns_dict(&super::module_dict(&m)).get_str(name) {
            return c;
        }
    }
    types().exc("Exception")
}

fn pickling_error(vm: &mut Vm, msg: impl Into<String>) -> Flow {
    let c = pickle_exc(vm, "PicklingError");
    Flow::Exc(exc::new_exception(&c, vec![Value::str(msg.into())]))
}

fn unpickling_error(vm: &mut Vm, msg: impl Into<String>) -> Flow {
    let c = pickle_exc(vm, "UnpicklingError");
    Flow::Exc(exc::new_exception(&c, vec![Value::str(msg.into())]))
}

fn protocol_arg(vm: &mut Vm, p: Option<Value>) -> PyResult<u8> {
    match p {
        None | Some(Value::None) => Ok(DEFAULT_PROTOCOL),
        Some(v) => {
            let n = ops::to_index(vm, &v)?;
            if n < 0 {
                Ok(HIGHEST_PROTOCOL)
            } else if n > HIGHEST_PROTOCOL as i64 {
                Err(vm.value_error(format!("pickle protocol must be <= {}", HIGHEST_PROTOCOL)))
            } else {
                Ok(n as u8)
            }
        }
    }
}

fn py_dumps(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(obj) = args.pos.first().cloned() else {
        return Err(vm.type_error("dumps() missing required argument 'obj' (pos 1)"));
    };
    let proto = args.arg(1, "protocol");
    args.take_kw("fix_imports");
    args.take_kw("buffer_callback");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("").to_string();
        return Err(vm.type_error(format!("dumps() got an unexpected keyword argument '{}'", k)));
    }
    let proto = protocol_arg(vm, proto)?;
    Ok(bytes_value(dumps_proto(vm, &obj, proto)?))
}

fn py_dump(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() < 2 && args.kw.iter().all(|(k, _)| k.as_str() != Some("file")) {
        return Err(vm.type_error("dump() missing required argument 'file' (pos 2)"));
    }
    let obj = args.pos[0].clone();
    let file = args.arg(1, "file").unwrap_or(Value::None);
    let proto = args.arg(2, "protocol");
    let proto = protocol_arg(vm, proto)?;
    let write = match ops::getattr_opt(vm, &file, &intern("write"))? {
        Some(w) => w,
        None => return Err(vm.type_error("file must have a 'write' attribute")),
    };
    let data = dumps_proto(vm, &obj, proto)?;
    vm.call(&write, vec![bytes_value(data)])?;
    Ok(Value::None)
}

fn py_loads(vm: &mut Vm, args: Args) -> PyResult {
    let Some(data) = args.pos.first().cloned() else {
        return Err(vm.type_error("loads() missing required argument 'data' (pos 1)"));
    };
    let bytes = match data.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => lock(b).clone(),
        _ => return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(&data)))),
    };
    let mut u = Unpickler::new(bytes, None);
    u.load(vm)
}

fn py_load(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(file) = args.arg(0, "file") else {
        return Err(vm.type_error("load() missing required argument 'file' (pos 1)"));
    };
    let read = ops::getattr_opt(vm, &file, &intern("read"))?;
    let readline = ops::getattr_opt(vm, &file, &intern("readline"))?;
    let (Some(read), Some(readline)) = (read, readline) else {
        return Err(vm.type_error("file must have 'read' and 'readline' attributes"));
    };
    let mut u = Unpickler::new(Vec::new(), Some((read, readline)));
    u.load(vm)
}

/// `_codecs.encode(str, 'latin1')`, which protocols 0–2 use to rebuild bytes.
fn codecs_encode(vm: &mut Vm, args: Args) -> PyResult {
    let s = args.pos.first().and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
    let enc = args.pos.get(1).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_else(|| "utf-8".into());
    let b = types::bytes::encode_str(vm, &s, &enc, "strict")?;
    Ok(bytes_value(b))
}

// ----- the Rust API -----

/// Pickle `v` with the default protocol (4), as `pickle.dumps(v)` does.
pub fn dumps_value(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    dumps_proto(vm, v, DEFAULT_PROTOCOL)
}

/// Unpickle `data`, as `pickle.loads(data)` does.
pub fn loads_value(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    Unpickler::new(data.to_vec(), None).load(vm)
}

pub fn dumps_proto(vm: &mut Vm, v: &Value, proto: u8) -> PyResult<Vec<u8>> {
    let mut p = Pickler {
        proto,
        out: Vec::new(),
        framing: false,
        frame_start: None,
        memo: HashMap::new(),
        keep: Vec::new(),
        depth: 0,
    };
    if proto >= 2 {
        p.write(&[PROTO, proto]);
        if proto >= 4 {
            p.framing = true;
        }
    }
    p.save(vm, v)?;
    p.write(&[STOP]);
    p.commit_frame();
    Ok(p.out)
}

// ----- pickling -----

/// What the memo is keyed on. Objects by identity, like CPython; but strings
/// CPython shares (interned identifiers, one-character strings) by value, so
/// that repeated attribute names and dict keys are written once, as there.
#[derive(Hash, PartialEq, Eq)]
enum MemoKey {
    Id(usize),
    Str(Box<str>),
    Bytes(Vec<u8>),
    /// A module name written by save_global: CPython's builtin functions
    /// share one `'builtins'` string and builtin types another.
    ModName(String, bool),
    Global(&'static str, &'static str),
}

struct Pickler {
    proto: u8,
    out: Vec<u8>,
    framing: bool,
    frame_start: Option<usize>,
    memo: HashMap<MemoKey, u32>,
    /// Keeps every memoized object alive, so no id is reused while pickling.
    keep: Vec<Value>,
    depth: u32,
}

fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn memo_key(v: &Value) -> Option<MemoKey> {
    let o = v.obj()?;
    match &o.payload {
        Payload::Str(s) if o.cls.is_none() && (s.nchars <= 1 || is_identifier_like(&s.s)) => Some(MemoKey::Str(s.s.as_str().into())),
        Payload::Bytes(b) if o.cls.is_none() && b.len() <= 1 => Some(MemoKey::Bytes(b.to_vec())),
        _ => Some(MemoKey::Id(Arc::as_ptr(o) as *const u8 as usize)),
    }
}

/// A str that is memoized by identity (CPython's runtime-made strings are
/// never shared with the interned ones).
fn fresh_str(s: String) -> Value {
    Value::Obj(Obj::with_class(types().str.clone(), Payload::Str(PyStr::new(s)), None))
}

fn exact(v: &Value, cls: &ObjRef) -> bool {
    Arc::ptr_eq(ops::class_ref(v), cls)
}

/// What `__reduce__` returns, unpacked.
struct Reduce {
    func: Value,
    args: Value,
    state: Option<Value>,
    listitems: Option<Vec<Value>>,
    dictitems: Option<Vec<(Value, Value)>>,
    state_setter: Option<Value>,
}

impl Reduce {
    fn simple(func: Value, args: Vec<Value>) -> Reduce {
        Reduce { func, args: Value::tuple(args), state: None, listitems: None, dictitems: None, state_setter: None }
    }
}

impl Pickler {
    fn write(&mut self, b: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.out.len());
            self.out.extend_from_slice(&[0; FRAME_HEADER_SIZE]);
        }
        self.out.extend_from_slice(b);
    }

    fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else { return };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = FRAME;
            self.out[start + 1..start + 9].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// A header and a payload; payloads of 64 KiB or more go outside frames.
    fn write_bytes(&mut self, header: &[u8], data: &[u8]) {
        if data.len() >= FRAME_SIZE_TARGET && self.framing {
            self.commit_frame();
            self.framing = false;
            self.write(header);
            self.write(data);
            self.framing = true;
        } else {
            self.write(header);
            self.write(data);
        }
    }

    fn put(&mut self, n: u32) {
        if self.proto >= 4 {
            self.write(&[MEMOIZE]);
        } else if self.proto >= 1 {
            if n < 256 {
                self.write(&[BINPUT, n as u8]);
            } else {
                let mut b = vec![LONG_BINPUT];
                b.extend_from_slice(&n.to_le_bytes());
                self.write(&b);
            }
        } else {
            self.write(format!("p{}\n", n).as_bytes());
        }
    }

    fn get(&mut self, n: u32) {
        if self.proto >= 1 {
            if n < 256 {
                self.write(&[BINGET, n as u8]);
            } else {
                let mut b = vec![LONG_BINGET];
                b.extend_from_slice(&n.to_le_bytes());
                self.write(&b);
            }
        } else {
            self.write(format!("g{}\n", n).as_bytes());
        }
    }

    fn memoize_key(&mut self, key: MemoKey, keep: Value) {
        let n = self.memo.len() as u32;
        self.put(n);
        self.memo.insert(key, n);
        self.keep.push(keep);
    }

    fn memoize(&mut self, v: &Value) {
        if let Some(k) = memo_key(v) {
            self.memoize_key(k, v.clone());
        }
    }

    fn memo_get(&self, v: &Value) -> Option<u32> {
        memo_key(v).and_then(|k| self.memo.get(&k).copied())
    }

    fn save(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        // The C pickler's opcode boundary: a frame is closed once it
        // reaches the target size, before the next object starts.
        if self.framing {
            if let Some(start) = self.frame_start {
                if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
                    self.commit_frame();
                }
            }
        }
        // Counted as CPython's C pickler counts (once per object and once
        // more per list or dict level), on top of the Python frames.
        if self.depth as usize + vm.frames.len() >= vm.run.recursion_limit() {
            return Err(vm.err(&types().exc("RecursionError"), "maximum recursion depth exceeded while pickling an object"));
        }
        self.depth += 1;
        let r = self.save_inner(vm, v);
        self.depth -= 1;
        r
    }

    fn save_inner(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => {
                self.write(&[NONE]);
                return Ok(());
            }
            Value::Bool(b) => {
                if self.proto >= 2 {
                    self.write(&[if *b { NEWTRUE } else { NEWFALSE }]);
                } else {
                    self.write(if *b { b"I01\n" } else { b"I00\n" });
                }
                return Ok(());
            }
            Value::Int(i) => {
                self.save_int(*i);
                return Ok(());
            }
            Value::Float(f) => {
                self.save_float(*f);
                return Ok(());
            }
            Value::Obj(_) => {}
        }
        if let Some(n) = self.memo_get(v) {
            self.get(n);
            return Ok(());
        }
        let t = types();
        let o = v.obj().unwrap();
        match &o.payload {
            Payload::Int(b) if exact(v, &t.int) => {
                self.save_bigint(b);
                Ok(())
            }
            Payload::Float(f) if exact(v, &t.float) => {
                self.save_float(*f);
                Ok(())
            }
            Payload::Str(s) if exact(v, &t.str) => {
                self.save_str(&s.s);
                self.memoize(v);
                Ok(())
            }
            Payload::Bytes(b) if exact(v, &t.bytes) => self.save_bytes(vm, v, b),
            Payload::ByteArray(b) if exact(v, &t.bytearray) && self.proto >= 5 => {
                let data = lock(b).clone();
                let mut h = vec![BYTEARRAY8];
                h.extend_from_slice(&(data.len() as u64).to_le_bytes());
                self.write_bytes(&h, &data);
                self.memoize(v);
                Ok(())
            }
            Payload::Tuple(items) if exact(v, &t.tuple) => self.save_tuple(vm, v, items),
            Payload::List(items) if exact(v, &t.list) => {
                self.write(if self.proto >= 1 { &[EMPTY_LIST][..] } else { &[MARK, LIST][..] });
                self.memoize(v);
                let items = lock(items).clone();
                self.depth += 1;
                let r = self.batch_list_exact(vm, &items);
                self.depth -= 1;
                r
            }
            Payload::Dict(d) if exact(v, &t.dict) => {
                self.write(if self.proto >= 1 { &[EMPTY_DICT][..] } else { &[MARK, DICT][..] });
                self.memoize(v);
                let items = d.items();
                self.depth += 1;
                let r = self.batch_dict_exact(vm, &items);
                self.depth -= 1;
                r
            }
            Payload::Set(d) if exact(v, &t.set) && self.proto >= 4 => {
                self.write(&[EMPTY_SET]);
                self.memoize(v);
                let items = types::set::cpython_order(d);
                if items.is_empty() {
                    return Ok(());
                }
                let mut i = 0;
                loop {
                    self.write(&[MARK]);
                    let chunk = &items[i..(i + BATCHSIZE).min(items.len())];
                    for x in chunk {
                        self.save(vm, x)?;
                    }
                    self.write(&[ADDITEMS]);
                    i += chunk.len();
                    if chunk.len() < BATCHSIZE {
                        return Ok(());
                    }
                }
            }
            Payload::FrozenSet(d) if exact(v, &t.frozenset) && self.proto >= 4 => {
                self.write(&[MARK]);
                for x in types::set::cpython_order(d) {
                    self.save(vm, &x)?;
                }
                if let Some(n) = self.memo_get(v) {
                    self.write(&[POP_MARK]);
                    self.get(n);
                    return Ok(());
                }
                self.write(&[FROZENSET]);
                self.memoize(v);
                Ok(())
            }
            Payload::Class(_) => self.save_type(vm, v),
            Payload::Function(_) => self.save_global(vm, v, None),
            _ => self.save_reduce_of(vm, v),
        }
    }

    fn save_int(&mut self, i: i64) {
        if i >= i32::MIN as i64 && i <= i32::MAX as i64 {
            if self.proto >= 1 {
                if (0..256).contains(&i) {
                    self.write(&[BININT1, i as u8]);
                } else if (0..65536).contains(&i) {
                    let b = (i as u16).to_le_bytes();
                    self.write(&[BININT2, b[0], b[1]]);
                } else {
                    let mut b = vec![BININT];
                    b.extend_from_slice(&(i as i32).to_le_bytes());
                    self.write(&b);
                }
            } else {
                self.write(format!("I{}\n", i).as_bytes());
            }
            return;
        }
        self.save_bigint(&BigInt::from(i));
    }

    fn save_bigint(&mut self, b: &BigInt) {
        if self.proto >= 2 {
            let bytes = if b.sign() == num_bigint::Sign::NoSign { Vec::new() } else { b.to_signed_bytes_le() };
            if bytes.len() < 256 {
                self.write(&[LONG1, bytes.len() as u8]);
            } else {
                let mut h = vec![LONG4];
                h.extend_from_slice(&(bytes.len() as i32).to_le_bytes());
                self.write(&h);
            }
            self.write(&bytes);
        } else {
            self.write(format!("L{}L\n", b).as_bytes());
        }
    }

    fn save_float(&mut self, f: f64) {
        if self.proto >= 1 {
            let mut b = vec![BINFLOAT];
            b.extend_from_slice(&f.to_bits().to_be_bytes());
            self.write(&b);
        } else {
            self.write(format!("F{}\n", crate::vm::format::float_repr(f)).as_bytes());
        }
    }

    /// The string opcode (the caller memoizes).
    fn save_str(&mut self, s: &str) {
        if self.proto == 0 {
            let mut out = vec![UNICODE];
            for c in s.chars() {
                match c {
                    '\\' | '\0' | '\n' | '\r' | '\x1a' => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
                    c if (c as u32) < 256 => out.push(c as u32 as u8),
                    c if (c as u32) < 0x10000 => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
                    c => out.extend_from_slice(format!("\\U{:08x}", c as u32).as_bytes()),
                }
            }
            out.push(b'\n');
            self.write(&out);
            return;
        }
        let data = s.as_bytes();
        let n = data.len();
        let mut h = Vec::with_capacity(9);
        if n <= 0xff && self.proto >= 4 {
            h.push(SHORT_BINUNICODE);
            h.push(n as u8);
        } else if n <= 0xffff_ffff {
            h.push(BINUNICODE);
            h.extend_from_slice(&(n as u32).to_le_bytes());
        } else {
            h.push(BINUNICODE8);
            h.extend_from_slice(&(n as u64).to_le_bytes());
        }
        self.write_bytes(&h, data);
    }

    fn save_bytes(&mut self, vm: &mut Vm, v: &Value, b: &[u8]) -> PyResult<()> {
        if self.proto < 3 {
            let r = if b.is_empty() {
                Reduce::simple(Value::Obj(types().bytes.clone()), vec![])
            } else {
                let s: String = b.iter().map(|&c| c as char).collect();
                // `_codecs.encode`, written by name (Spindle has no _codecs).
                Reduce::simple(Value::Obj(Obj::new(Payload::Singleton("_codecs.encode"))), vec![fresh_str(s), intern("latin1")])
            };
            return self.save_reduce(vm, r, Some(v));
        }
        let n = b.len();
        let mut h = Vec::with_capacity(9);
        if n <= 0xff {
            h.push(SHORT_BINBYTES);
            h.push(n as u8);
        } else if n > 0xffff_ffff && self.proto >= 4 {
            h.push(BINBYTES8);
            h.extend_from_slice(&(n as u64).to_le_bytes());
        } else {
            h.push(BINBYTES);
            h.extend_from_slice(&(n as u32).to_le_bytes());
        }
        self.write_bytes(&h, b);
        self.memoize(v);
        Ok(())
    }

    fn save_tuple(&mut self, vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<()> {
        let n = items.len();
        if n == 0 {
            self.write(if self.proto >= 1 { &[EMPTY_TUPLE][..] } else { &[MARK, TUPLE][..] });
            return Ok(());
        }
        if n <= 3 && self.proto >= 2 {
            for x in items {
                self.save(vm, x)?;
            }
            if let Some(m) = self.memo_get(v) {
                self.write(&vec![POP; n]);
                self.get(m);
            } else {
                self.write(&[[TUPLE1, TUPLE2, TUPLE3][n - 1]]);
                self.memoize(v);
            }
            return Ok(());
        }
        self.write(&[MARK]);
        for x in items {
            self.save(vm, x)?;
        }
        if let Some(m) = self.memo_get(v) {
            if self.proto >= 1 {
                self.write(&[POP_MARK]);
            } else {
                self.write(&vec![POP; n + 1]);
            }
            self.get(m);
            return Ok(());
        }
        self.write(&[TUPLE]);
        self.memoize(v);
        Ok(())
    }

    /// A list's items, as the C pickler's batch_list_exact writes them.
    fn batch_list_exact(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            return Ok(());
        }
        if self.proto == 0 {
            for x in items {
                self.save(vm, x)?;
                self.write(&[APPEND]);
            }
            return Ok(());
        }
        if items.len() == 1 {
            self.save(vm, &items[0])?;
            self.write(&[APPEND]);
            return Ok(());
        }
        for chunk in items.chunks(BATCHSIZE) {
            self.write(&[MARK]);
            for x in chunk {
                self.save(vm, x)?;
            }
            self.write(&[APPENDS]);
        }
        Ok(())
    }

    /// Items from a `__reduce__` iterator (batch_list): a batch of one is APPEND.
    fn batch_list(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<()> {
        if self.proto == 0 {
            return self.batch_list_exact(vm, items);
        }
        for chunk in items.chunks(BATCHSIZE) {
            if chunk.len() == 1 {
                self.save(vm, &chunk[0])?;
                self.write(&[APPEND]);
            } else {
                self.write(&[MARK]);
                for x in chunk {
                    self.save(vm, x)?;
                }
                self.write(&[APPENDS]);
            }
        }
        Ok(())
    }

    /// A dict's items, as batch_dict_exact writes them (a size that is a
    /// multiple of the batch size ends with an empty MARK SETITEMS, as there).
    fn batch_dict_exact(&mut self, vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<()> {
        if items.is_empty() {
            return Ok(());
        }
        if self.proto == 0 || items.len() == 1 {
            for (k, x) in items {
                self.save(vm, k)?;
                self.save(vm, x)?;
                self.write(&[SETITEM]);
            }
            return Ok(());
        }
        let mut i = 0;
        loop {
            self.write(&[MARK]);
            let chunk = &items[i..(i + BATCHSIZE).min(items.len())];
            for (k, x) in chunk {
                self.save(vm, k)?;
                self.save(vm, x)?;
            }
            self.write(&[SETITEMS]);
            i += chunk.len();
            if chunk.len() < BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn batch_dict(&mut self, vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<()> {
        if self.proto == 0 {
            return self.batch_dict_exact(vm, items);
        }
        for chunk in items.chunks(BATCHSIZE) {
            if chunk.len() == 1 {
                self.save(vm, &chunk[0].0)?;
                self.save(vm, &chunk[0].1)?;
                self.write(&[SETITEM]);
            } else {
                self.write(&[MARK]);
                for (k, x) in chunk {
                    self.save(vm, k)?;
                    self.save(vm, x)?;
                }
                self.write(&[SETITEMS]);
            }
        }
        Ok(())
    }

    fn save_type(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let t = types();
        let o = v.obj().unwrap();
        let special = if Arc::ptr_eq(o, &t.none_type) {
            Some(Value::None)
        } else if Arc::ptr_eq(o, &t.not_implemented_type) {
            Some(t.not_implemented.clone())
        } else if Arc::ptr_eq(o, &t.ellipsis_type) {
            Some(t.ellipsis.clone())
        } else {
            None
        };
        if let Some(arg) = special {
            return self.save_reduce(vm, Reduce::simple(Value::Obj(t.type_.clone()), vec![arg]), Some(v));
        }
        self.save_global(vm, v, None)
    }

    /// A class or function by reference: module and qualified name.
    fn save_global(&mut self, vm: &mut Vm, v: &Value, name: Option<Value>) -> PyResult<()> {
        let global_name = match name {
            Some(n) => n,
            None => match v.payload() {
                // A builtin type's or function's __qualname__ is a new string
                // each time in CPython; a class statement's is interned.
                Some(Payload::Class(c)) if c.builtin => fresh_str(lock(&c.qualname).clone()),
                Some(Payload::Class(c)) => Value::str(lock(&c.qualname).as_str()),
                Some(Payload::Function(f)) => Value::str(lock(&f.qualname).as_str()),
                Some(Payload::Builtin(b)) => fresh_str(b.name.to_string()),
                _ => match ops::getattr_opt(vm, v, &intern("__qualname__"))? {
                    Some(q) => q,
                    None => ops::getattr(vm, v, &intern("__name__"))?,
                },
            },
        };
        let gname = match global_name.as_str() {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error(format!("attribute name must be string, not '{}'", ops::type_name(&global_name)))),
        };
        let path: Vec<&str> = gname.split('.').collect();
        if path.contains(&"<locals>") {
            let r = ops::repr(vm, &global_name)?;
            return Err(vm.attr_error(format!("Can't pickle local object {}", r)));
        }
        let (module_name, builtin_type) = self.which_module(vm, v)?;
        let module = match super::import_module(vm, &module_name) {
            Ok(m) => m,
            Err(Flow::Exc(_)) => {
                let r = ops::repr(vm, v)?;
                return Err(pickling_error(vm, format!("Can't pickle {}: import of module '{}' failed", r, module_name)));
            }
            Err(e) => return Err(e),
        };
        let mut parent = module.clone();
        let mut cur = Some(module.clone());
        for part in &path {
            let Some(c) = cur.clone() else { break };
            parent = c.clone();
            cur = match ops::getattr_opt(vm, &c, &Value::str(*part)) {
                Ok(x) => x,
                Err(Flow::Exc(_)) => None,
                Err(e) => return Err(e),
            };
        }
        let Some(found) = cur else {
            let r = ops::repr(vm, v)?;
            return Err(pickling_error(vm, format!("Can't pickle {}: attribute lookup {} on {} failed", r, gname, module_name)));
        };
        if !found.is(v) {
            let r = ops::repr(vm, v)?;
            return Err(pickling_error(vm, format!("Can't pickle {}: it's not the same object as {}.{}", r, module_name, gname)));
        }
        let lastname = path[path.len() - 1].to_string();
        let parent_is_module = parent.is(&module);
        let name_v = if parent_is_module && path.len() > 1 { Value::str(lastname.as_str()) } else { global_name.clone() };
        if self.proto >= 4 {
            self.save_module_name(vm, &module_name, builtin_type)?;
            self.save(vm, &name_v)?;
            self.write(&[STACK_GLOBAL]);
        } else if !parent_is_module {
            let getattr = ns_dict(&vm.run.builtins).get_str("getattr").unwrap_or(Value::None);
            let r = Reduce::simple(getattr, vec![parent, Value::str(lastname.as_str())]);
            self.save_reduce(vm, r, None)?;
        } else {
            let (m, n) = if self.proto < 3 { py2_name(&module_name, &gname) } else { (module_name.clone(), gname.clone()) };
            if self.proto < 3 && !(m.is_ascii() && n.is_ascii()) {
                return Err(pickling_error(vm, format!("can't pickle global identifier '{}.{}' using pickle protocol {}", module_name, gname, self.proto)));
            }
            self.write(format!("c{}\n{}\n", m, n).as_bytes());
        }
        self.memoize(v);
        Ok(())
    }

    fn save_module_name(&mut self, vm: &mut Vm, name: &str, builtin_type: bool) -> PyResult<()> {
        let key = MemoKey::ModName(name.to_string(), builtin_type);
        if let Some(&n) = self.memo.get(&key) {
            self.get(n);
            return Ok(());
        }
        self.save_str(name);
        let _ = vm;
        self.memoize_key(key, Value::None);
        Ok(())
    }

    /// The module a class or function belongs to (`__module__`, or for a
    /// builtin function, the module that has it).
    fn which_module(&mut self, vm: &mut Vm, v: &Value) -> PyResult<(String, bool)> {
        match v.payload() {
            Some(Payload::Class(c)) => {
                if let Some(m) = c.dict.get_str("__module__").and_then(|m| m.as_str().map(|s| s.to_string())) {
                    return Ok((m, c.builtin));
                }
                let o = v.obj().unwrap();
                return Ok((types::object::class_module(o), c.builtin));
            }
            Some(Payload::Function(f)) => {
                if let Some(m) = f.module.as_str() {
                    return Ok((m.to_string(), false));
                }
            }
            Some(Payload::Singleton(_)) => return Ok(("builtins".into(), true)),
            Some(Payload::Builtin(b)) => {
                if ns_dict(&vm.run.builtins).get_str(b.name).map(|x| x.is(v)).unwrap_or(false) {
                    // Some of Spindle's builtin functions are types in CPython.
                    let is_type = matches!(b.name, "zip" | "map" | "filter" | "enumerate" | "reversed");
                    return Ok(("builtins".into(), is_type));
                }
                let mut mods: Vec<(String, Value)> = lock(&vm.run.modules).iter().map(|(k, m)| (k.clone(), m.clone())).collect();
                mods.sort_by(|a, b| a.0.cmp(&b.0));
                for (name, m) in mods {
                    if let Some(Payload::Module(md)) = m.payload() {
                        if ns_dict(&md.dict).get_str(b.name).map(|x| x.is(v)).unwrap_or(false) {
                            // This module's functions are `_pickle`'s in CPython.
                            let name = if name == "pickle" { "_pickle".to_string() } else { name };
                            return Ok((name, false));
                        }
                    }
                }
                return Ok(("__main__".into(), false));
            }
            _ => {}
        }
        match ops::getattr_opt(vm, v, &intern("__module__"))? {
            Some(m) if m.as_str().is_some() => Ok((m.as_str().unwrap().to_string(), false)),
            _ => Ok(("__main__".into(), false)),
        }
    }

    /// Objects without a dedicated opcode: reduce them (copyreg's dispatch
    /// table, `__reduce_ex__`, `__reduce__`, or the builtin reductions).
    fn save_reduce_of(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let cls = ops::class_of(v);
        // copyreg.dispatch_table, when copyreg is loaded.
        let copyreg = lock(&vm.run.modules).get("copyreg").cloned();
        if let Some(cr) = copyreg {
            if let Some(table) = ns_dict(&super::module_dict(&cr)).get_str("dispatch_table") {
                if let Some(Payload::Dict(d)) = table.payload() {
                    if let Some(f) = d.get(vm, &Value::Obj(cls.clone()))? {
                        let rv = vm.call(&f, vec![v.clone()])?;
                        return self.save_reduce_value(vm, rv, v);
                    }
                }
            }
        }
        if ops::lookup_type(&cls, "__reduce_ex__").is_some() {
            let rv = ops::call_method(vm, v, "__reduce_ex__", vec![Value::Int(self.proto as i64)])?;
            return self.save_reduce_value(vm, rv, v);
        }
        if ops::lookup_type(&cls, "__reduce__").is_some() {
            let rv = ops::call_method(vm, v, "__reduce__", vec![])?;
            return self.save_reduce_value(vm, rv, v);
        }
        if let Some(Payload::Singleton(n)) = v.payload() {
            if *n == "Ellipsis" || *n == "NotImplemented" {
                return self.save_global(vm, v, Some(Value::str(*n)));
            }
        }
        let r = self.default_reduce(vm, v, &cls)?;
        match r {
            Some(r) => self.save_reduce(vm, r, Some(v)),
            None => self.save_global(vm, v, None),
        }
    }

    /// The reductions of CPython's builtin types and `object.__reduce_ex__`.
    /// None means "by reference" (builtin functions, singletons).
    fn default_reduce(&mut self, vm: &mut Vm, v: &Value, cls: &ObjRef) -> PyResult<Option<Reduce>> {
        let t = types();
        let clsv = Value::Obj(cls.clone());
        let o = v.obj().unwrap();
        match &o.payload {
            Payload::Complex(re, im) if exact(v, &t.complex) => {
                return Ok(Some(Reduce::simple(clsv, vec![Value::Float(*re), Value::Float(*im)])));
            }
            Payload::Range(a, b, c) => {
                return Ok(Some(Reduce::simple(clsv, vec![Value::Int(*a), Value::Int(*b), Value::Int(*c)])));
            }
            Payload::Slice(a, b, c) => return Ok(Some(Reduce::simple(clsv, vec![a.clone(), b.clone(), c.clone()]))),
            Payload::Exception(d) => {
                let args = lock(&d.args).clone();
                let mut r = Reduce { func: clsv, args, state: None, listitems: None, dictitems: None, state_setter: None };
                if let Some(dict) = &o.dict {
                    if !dict.is_empty() {
                        r.state = Some(Value::Obj(Obj::new(Payload::Dict(dict.copy()))));
                    }
                }
                return Ok(Some(r));
            }
            Payload::ByteArray(b) if exact(v, &t.bytearray) => {
                let data = lock(b).clone();
                let args = if data.is_empty() {
                    vec![]
                } else {
                    vec![bytes_value(data)]
                };
                return Ok(Some(Reduce::simple(clsv, args)));
            }
            Payload::Set(d) | Payload::FrozenSet(d) => {
                let items = Value::list(types::set::cpython_order(d));
                let mut r = Reduce::simple(clsv, vec![items]);
                if let Some(dict) = &o.dict {
                    if !dict.is_empty() {
                        r.state = Some(Value::Obj(Obj::new(Payload::Dict(dict.copy()))));
                    }
                }
                return Ok(Some(r));
            }
            Payload::Builtin(b) => {
                return match &b.bound {
                    Some(recv) if !matches!(recv.payload(), Some(Payload::Module(_))) => {
                        let getattr = ns_dict(&vm.run.builtins).get_str("getattr").unwrap_or(Value::None);
                        Ok(Some(Reduce::simple(getattr, vec![recv.clone(), Value::str(b.name)])))
                    }
                    _ => Ok(None),
                };
            }
            Payload::BoundMethod(recv, f) => {
                let getattr = ns_dict(&vm.run.builtins).get_str("getattr").unwrap_or(Value::None);
                let name = ops::getattr(vm, f, &intern("__name__"))?;
                return Ok(Some(Reduce::simple(getattr, vec![recv.clone(), name])));
            }
            Payload::Singleton(n) if *n == "Ellipsis" || *n == "NotImplemented" => {
                return Ok(None);
            }
            _ => {}
        }
        // object.__reduce_ex__: copyreg.__newobj__ (protocol 2+) or
        // copyreg._reconstructor (0 and 1).
        let picklable = match &o.payload {
            Payload::Instance => true,
            Payload::Int(_) | Payload::Float(_) | Payload::Complex(..) | Payload::Str(_) | Payload::Bytes(_) | Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) | Payload::ByteArray(_) => {
                !cls.class_data().map(|c| c.builtin).unwrap_or(true)
            }
            _ => false,
        };
        if !picklable {
            return Err(vm.type_error(format!("cannot pickle '{}' object", tp_name(cls))));
        }
        let base_value: Option<Value> = match &o.payload {
            Payload::Int(b) => Some(Value::bigint(b.clone())),
            Payload::Float(f) => Some(Value::Float(*f)),
            Payload::Complex(re, im) => Some(crate::vm::complex_value(*re, *im)),
            Payload::Str(s) => Some(Value::str(s.s.clone())),
            Payload::Bytes(b) => Some(bytes_value(b.to_vec())),
            Payload::Tuple(items) => Some(Value::tuple(items.to_vec())),
            _ => None,
        };
        let state = self.get_state(vm, v, cls)?;
        if self.proto < 2 {
            let copyreg = super::import_module(vm, "copyreg")?;
            let recon = ns_dict(&super::module_dict(&copyreg)).get_str("_reconstructor").unwrap_or(Value::None);
            let (base, bstate) = match (&o.payload, base_value) {
                (Payload::List(items), _) => (Value::Obj(t.list.clone()), Value::list(lock(items).clone())),
                (Payload::Dict(d), _) => (Value::Obj(t.dict.clone()), Value::Obj(Obj::new(Payload::Dict(d.copy())))),
                (_, Some(bv)) => (Value::Obj(ops::class_of(&bv)), bv),
                _ => (Value::Obj(t.object.clone()), Value::None),
            };
            let mut r = Reduce::simple(recon, vec![clsv, base, bstate]);
            r.state = state;
            return Ok(Some(r));
        }
        // __getnewargs_ex__ / __getnewargs__, or the builtin base's value.
        let mut args: Vec<Value> = Vec::new();
        let mut kwargs: Option<Value> = None;
        if ops::lookup_type(cls, "__getnewargs_ex__").is_some() {
            let r = ops::call_method(vm, v, "__getnewargs_ex__", vec![])?;
            let Some(items) = r.tuple_items().map(|x| x.to_vec()) else {
                return Err(vm.type_error(format!("__getnewargs_ex__ should return a tuple, not '{}'", ops::type_name(&r))));
            };
            if items.len() != 2 {
                return Err(vm.value_error(format!("__getnewargs_ex__ should return a tuple of length 2, not {}", items.len())));
            }
            let Some(a) = items[0].tuple_items() else {
                return Err(vm.type_error(format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", ops::type_name(&items[0]))));
            };
            if !matches!(items[1].payload(), Some(Payload::Dict(_))) {
                return Err(vm.type_error(format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", ops::type_name(&items[1]))));
            }
            args = a.to_vec();
            kwargs = Some(items[1].clone());
        } else if ops::lookup_type(cls, "__getnewargs__").is_some() {
            let r = ops::call_method(vm, v, "__getnewargs__", vec![])?;
            let Some(a) = r.tuple_items() else {
                return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{}'", ops::type_name(&r))));
            };
            args = a.to_vec();
        } else if let Some(bv) = base_value {
            args = vec![bv];
        }
        let listitems = match &o.payload {
            Payload::List(items) => Some(lock(items).clone()),
            _ => None,
        };
        let dictitems = match &o.payload {
            Payload::Dict(d) => Some(d.items()),
            _ => None,
        };
        let has_kwargs = kwargs.as_ref().map(|k| matches!(k.payload(), Some(Payload::Dict(d)) if !d.is_empty())).unwrap_or(false);
        if has_kwargs {
            let copyreg = super::import_module(vm, "copyreg")?;
            let f = ns_dict(&super::module_dict(&copyreg)).get_str("__newobj_ex__").unwrap_or(Value::None);
            return Ok(Some(Reduce { func: f, args: Value::tuple(vec![clsv, Value::tuple(args), kwargs.unwrap()]), state, listitems, dictitems, state_setter: None }));
        }
        let mut a = vec![clsv];
        a.extend(args);
        Ok(Some(Reduce { func: newobj_marker(), args: Value::tuple(a), state, listitems, dictitems, state_setter: None }))
    }

    /// `__getstate__()`, or the instance dict (None when empty).
    fn get_state(&mut self, vm: &mut Vm, v: &Value, cls: &ObjRef) -> PyResult<Option<Value>> {
        if ops::lookup_type(cls, "__getstate__").is_some() {
            let s = ops::call_method(vm, v, "__getstate__", vec![])?;
            return Ok(if s.is_none() { None } else { Some(s) });
        }
        let o = v.obj().unwrap();
        Ok(match &o.dict {
            Some(d) if !d.is_empty() => Some(Value::Obj(Obj::new(Payload::Dict(d.copy())))),
            _ => None,
        })
    }

    /// Check and save what a user's `__reduce__`/`__reduce_ex__` returned.
    fn save_reduce_value(&mut self, vm: &mut Vm, rv: Value, v: &Value) -> PyResult<()> {
        if rv.as_str().is_some() {
            return self.save_global(vm, v, Some(rv));
        }
        let Some(items) = rv.tuple_items().map(|t| t.to_vec()) else {
            return Err(pickling_error(vm, "__reduce__ must return a string or tuple"));
        };
        if items.len() < 2 || items.len() > 6 {
            return Err(pickling_error(vm, "tuple returned by __reduce__ must contain 2 through 6 elements"));
        }
        let opt = |i: usize| items.get(i).filter(|x| !x.is_none()).cloned();
        let listitems = match opt(3) {
            Some(it) => Some(ops::iterate(vm, &it)?),
            None => None,
        };
        let dictitems = match opt(4) {
            Some(it) => {
                let mut pairs = Vec::new();
                for p in ops::iterate(vm, &it)? {
                    match p.tuple_items() {
                        Some(kv) if kv.len() == 2 => pairs.push((kv[0].clone(), kv[1].clone())),
                        _ => return Err(vm.type_error("dict items iterator must return 2-tuples")),
                    }
                }
                Some(pairs)
            }
            None => None,
        };
        let state_setter = opt(5);
        if let Some(s) = &state_setter {
            if !ops::callable(s) {
                let tn = ops::type_name(s);
                return Err(pickling_error(vm, format!("sixth element of the tuple returned by __reduce__ must be a function, not {}", tn)));
            }
        }
        let r = Reduce { func: items[0].clone(), args: items[1].clone(), state: opt(2), listitems, dictitems, state_setter };
        self.save_reduce(vm, r, Some(v))
    }

    fn save_reduce(&mut self, vm: &mut Vm, r: Reduce, obj: Option<&Value>) -> PyResult<()> {
        let func_is_marker = is_newobj_marker(&r.func);
        let global_func = global_marker(&r.func);
        if !func_is_marker && global_func.is_none() && !ops::callable(&r.func) {
            return Err(pickling_error(vm, "first item of the tuple returned by __reduce__ must be callable"));
        }
        let Some(args) = r.args.tuple_items().map(|t| t.to_vec()) else {
            return Err(pickling_error(vm, "second item of the tuple returned by __reduce__ must be a tuple"));
        };
        let fname = if func_is_marker {
            Some("__newobj__".to_string())
        } else if global_func.is_some() {
            None
        } else {
            match ops::getattr_opt(vm, &r.func, &intern("__name__")) {
                Ok(Some(n)) => n.as_str().map(|s| s.to_string()),
                Ok(None) | Err(Flow::Exc(_)) => None,
                Err(e) => return Err(e),
            }
        };
        let use_newobj = self.proto >= 2 && fname.as_deref() == Some("__newobj__");
        let use_newobj_ex = self.proto >= 2 && fname.as_deref() == Some("__newobj_ex__");
        if use_newobj_ex {
            if args.len() != 3 {
                return Err(pickling_error(vm, format!("length of the NEWOBJ_EX argument tuple must be exactly 3, not {}", args.len())));
            }
            if !matches!(args[0].payload(), Some(Payload::Class(_))) {
                let tn = ops::type_name(&args[0]);
                return Err(pickling_error(vm, format!("first item from NEWOBJ_EX argument tuple must be a class, not {}", tn)));
            }
            if args[1].tuple_items().is_none() {
                let tn = ops::type_name(&args[1]);
                return Err(pickling_error(vm, format!("second item from NEWOBJ_EX argument tuple must be a tuple, not {}", tn)));
            }
            if !matches!(args[2].payload(), Some(Payload::Dict(_))) {
                let tn = ops::type_name(&args[2]);
                return Err(pickling_error(vm, format!("third item from NEWOBJ_EX argument tuple must be a dict, not {}", tn)));
            }
            if self.proto >= 4 {
                self.save(vm, &args[0])?;
                self.save(vm, &args[1])?;
                self.save(vm, &args[2])?;
                self.write(&[NEWOBJ_EX]);
            } else {
                // partial(cls.__new__, cls, *args, **kwargs)()
                let functools = super::import_module(vm, "functools")?;
                let partial = ops::getattr(vm, &functools, &intern("partial"))?;
                let new = ops::getattr(vm, &args[0], &intern("__new__"))?;
                let mut pa = vec![new, args[0].clone()];
                pa.extend(args[1].tuple_items().unwrap().iter().cloned());
                let kw = match args[2].payload() {
                    Some(Payload::Dict(d)) => d.items(),
                    _ => vec![],
                };
                let p = vm.call_args(&partial, Args { pos: pa, kw })?;
                self.keep.push(p.clone());
                self.save(vm, &p)?;
                self.write(&[EMPTY_TUPLE, REDUCE]);
            }
        } else if use_newobj {
            if args.is_empty() {
                return Err(pickling_error(vm, "__newobj__ arglist is empty"));
            }
            let cls = &args[0];
            if !matches!(cls.payload(), Some(Payload::Class(_))) {
                return Err(pickling_error(vm, "args[0] from __newobj__ args is not a type"));
            }
            if let Some(o) = obj {
                if !Arc::ptr_eq(&ops::class_of(o), cls.obj().unwrap()) {
                    return Err(pickling_error(vm, "args[0] from __newobj__ args has the wrong class"));
                }
            }
            self.save(vm, cls)?;
            let rest = Value::tuple(args[1..].to_vec());
            self.keep.push(rest.clone());
            self.save(vm, &rest)?;
            self.write(&[NEWOBJ]);
        } else if func_is_marker {
            // Protocols 0 and 1 have no NEWOBJ: copyreg.__newobj__(cls, *args).
            let copyreg = super::import_module(vm, "copyreg")?;
            let f = ns_dict(&super::module_dict(&copyreg)).get_str("__newobj__").unwrap_or(Value::None);
            self.save(vm, &f)?;
            self.save(vm, &r.args)?;
            self.write(&[REDUCE]);
        } else {
            match global_func {
                Some((m, n)) => {
                    let key = MemoKey::Global(m, n);
                    if let Some(&i) = self.memo.get(&key) {
                        self.get(i);
                    } else {
                        if self.proto >= 4 {
                            self.save(vm, &Value::str(m))?;
                            self.save(vm, &Value::str(n))?;
                            self.write(&[STACK_GLOBAL]);
                        } else {
                            self.write(format!("c{}\n{}\n", m, n).as_bytes());
                        }
                        self.memoize_key(key, Value::None);
                    }
                }
                None => self.save(vm, &r.func)?,
            }
            self.keep.push(r.args.clone());
            self.save(vm, &r.args)?;
            self.write(&[REDUCE]);
        }
        if let Some(o) = obj {
            if let Some(n) = self.memo_get(o) {
                self.write(&[POP]);
                self.get(n);
                return Ok(());
            }
            self.memoize(o);
        }
        if let Some(items) = &r.listitems {
            self.batch_list(vm, items)?;
        }
        if let Some(items) = &r.dictitems {
            self.batch_dict(vm, items)?;
        }
        if let Some(state) = &r.state {
            match &r.state_setter {
                None => {
                    self.save(vm, state)?;
                    self.write(&[BUILD]);
                }
                Some(setter) => {
                    self.save(vm, setter)?;
                    self.save(vm, obj.unwrap_or(&Value::None))?;
                    self.save(vm, state)?;
                    self.write(&[TUPLE2, REDUCE, POP]);
                }
            }
        }
        Ok(())
    }
}

/// The internal stand-in for `copyreg.__newobj__` in the default reduction.
fn newobj_marker() -> Value {
    Value::Obj(Obj::new(Payload::Singleton("__newobj__")))
}

fn is_newobj_marker(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Singleton("__newobj__")))
}

fn global_marker(v: &Value) -> Option<(&'static str, &'static str)> {
    match v.payload() {
        Some(Payload::Singleton("_codecs.encode")) => Some(("_codecs", "encode")),
        _ => None,
    }
}

/// CPython's `tp_name`: the bare name for builtins and user classes, and
/// `module.name` for types defined by extension modules (`_thread.lock`).
fn tp_name(cls: &ObjRef) -> String {
    let Some(cd) = cls.class_data() else { return "?".into() };
    let name = lock(&cd.name).clone();
    if cd.builtin {
        if let Some(m) = cd.dict.get_str("__module__").and_then(|m| m.as_str().map(|s| s.to_string())) {
            if m != "builtins" {
                return format!("{}.{}", m, name);
            }
        }
    }
    name
}

/// Python 3 names as protocols 0–2 write them (`_compat_pickle`'s reverse maps).
fn py2_name(module: &str, name: &str) -> (String, String) {
    if module == "builtins" {
        let renamed = match name {
            "range" => Some(("__builtin__", "xrange")),
            "chr" => Some(("__builtin__", "unichr")),
            "str" => Some(("__builtin__", "unicode")),
            "int" => Some(("__builtin__", "long")),
            "zip" => Some(("itertools", "izip")),
            "map" => Some(("itertools", "imap")),
            "filter" => Some(("itertools", "ifilter")),
            "BrokenPipeError" | "ChildProcessError" | "ConnectionAbortedError" | "ConnectionError" | "ConnectionRefusedError" | "ConnectionResetError" | "FileExistsError"
            | "FileNotFoundError" | "InterruptedError" | "IsADirectoryError" | "NotADirectoryError" | "PermissionError" | "ProcessLookupError" | "TimeoutError" => {
                Some(("exceptions", "OSError"))
            }
            "ModuleNotFoundError" => Some(("exceptions", "ImportError")),
            n if PY2_EXCEPTIONS.contains(&n) => Some(("exceptions", n)),
            _ => None,
        };
        if let Some((m, n)) = renamed {
            return (m.to_string(), n.to_string());
        }
        return ("__builtin__".into(), name.to_string());
    }
    if module == "copyreg" {
        return ("copy_reg".into(), name.to_string());
    }
    (module.to_string(), name.to_string())
}

const PY2_EXCEPTIONS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BufferError",
    "BytesWarning",
    "DeprecationWarning",
    "EOFError",
    "EnvironmentError",
    "Exception",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "ReferenceError",
    "RuntimeError",
    "RuntimeWarning",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
];

/// Python 2 names read by protocols 0–2 (`_compat_pickle`'s maps).
fn py3_name(module: &str, name: &str) -> (String, String) {
    let pair = match (module, name) {
        ("__builtin__", "xrange") => Some(("builtins", "range")),
        ("__builtin__", "reduce") => Some(("functools", "reduce")),
        ("__builtin__", "intern") => Some(("sys", "intern")),
        ("__builtin__", "unichr") => Some(("builtins", "chr")),
        ("__builtin__", "unicode") | ("__builtin__", "basestring") => Some(("builtins", "str")),
        ("__builtin__", "long") => Some(("builtins", "int")),
        ("itertools", "izip") => Some(("builtins", "zip")),
        ("itertools", "imap") => Some(("builtins", "map")),
        ("itertools", "ifilter") => Some(("builtins", "filter")),
        ("exceptions", n) if PY2_EXCEPTIONS.contains(&n) => Some(("builtins", n)),
        _ => None,
    };
    if let Some((m, n)) = pair {
        return (m.into(), n.into());
    }
    let m = match module {
        "__builtin__" => "builtins",
        "copy_reg" => "copyreg",
        m => m,
    };
    (m.to_string(), name.to_string())
}

// ----- unpickling -----

struct Unpickler {
    data: Vec<u8>,
    pos: usize,
    /// A file's `read` and `readline`, for `load(file)`: bytes are read as
    /// needed, so a file can hold several pickles one after another.
    file: Option<(Value, Value)>,
    stack: Vec<Value>,
    metastack: Vec<Vec<Value>>,
    memo: HashMap<u64, Value>,
    proto: u8,
}

impl Unpickler {
    fn new(data: Vec<u8>, file: Option<(Value, Value)>) -> Unpickler {
        Unpickler { data, pos: 0, file, stack: Vec::new(), metastack: Vec::new(), memo: HashMap::new(), proto: 0 }
    }

    /// Make `n` more bytes available; false at the end of the input.
    fn fill(&mut self, vm: &mut Vm, n: usize) -> PyResult<bool> {
        if self.data.len() - self.pos >= n {
            return Ok(true);
        }
        let Some((read, _)) = self.file.clone() else { return Ok(false) };
        let want = n - (self.data.len() - self.pos);
        let got = vm.call(&read, vec![Value::Int(want as i64)])?;
        match got.payload() {
            Some(Payload::Bytes(b)) => self.data.extend_from_slice(b),
            Some(Payload::ByteArray(b)) => self.data.extend_from_slice(&lock(b)),
            _ => return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(&got)))),
        }
        Ok(self.data.len() - self.pos >= n)
    }

    fn read(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        if !self.fill(vm, n)? {
            return Err(unpickling_error(vm, "pickle data was truncated"));
        }
        let s = self.pos;
        self.pos += n;
        Ok(&self.data[s..s + n])
    }

    fn read_u8(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.read(vm, 1)?[0])
    }

    fn read_u32(&mut self, vm: &mut Vm) -> PyResult<u32> {
        let b = self.read(vm, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn read_u64(&mut self, vm: &mut Vm) -> PyResult<u64> {
        let b = self.read(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// A line without its newline (text opcodes).
    fn readline(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        loop {
            if let Some(i) = self.data[self.pos..].iter().position(|&b| b == b'\n') {
                let line = self.data[self.pos..self.pos + i].to_vec();
                self.pos += i + 1;
                return Ok(line);
            }
            let Some((_, readline)) = self.file.clone() else {
                return Err(unpickling_error(vm, "pickle data was truncated"));
            };
            let got = vm.call(&readline, vec![])?;
            let b = types::bytes::data(&got);
            if b.is_empty() {
                return Err(unpickling_error(vm, "pickle data was truncated"));
            }
            self.data.extend_from_slice(&b);
        }
    }

    fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    fn underflow(&self, vm: &mut Vm) -> Flow {
        unpickling_error(vm, if self.metastack.is_empty() { "unpickling stack underflow" } else { "unexpected MARK found" })
    }

    fn pop(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.stack.pop() {
            Some(v) => Ok(v),
            None => Err(self.underflow(vm)),
        }
    }

    fn top(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.stack.last() {
            Some(v) => Ok(v.clone()),
            None => Err(self.underflow(vm)),
        }
    }

    fn pop_mark(&mut self, vm: &mut Vm) -> PyResult<Vec<Value>> {
        match self.metastack.pop() {
            Some(prev) => Ok(std::mem::replace(&mut self.stack, prev)),
            None => Err(unpickling_error(vm, "could not find MARK")),
        }
    }

    fn memo_get(&mut self, vm: &mut Vm, i: u64) -> PyResult<()> {
        match self.memo.get(&i) {
            Some(v) => {
                let v = v.clone();
                self.push(v);
                Ok(())
            }
            None => Err(unpickling_error(vm, format!("Memo value not found at index {}", i))),
        }
    }

    fn memo_put(&mut self, vm: &mut Vm, i: u64) -> PyResult<()> {
        let v = self.top(vm)?;
        self.memo.insert(i, v);
        Ok(())
    }

    fn load(&mut self, vm: &mut Vm) -> PyResult {
        loop {
            if !self.fill(vm, 1)? {
                return Err(vm.err(&types().exc("EOFError"), "Ran out of input"));
            }
            let op = self.data[self.pos];
            self.pos += 1;
            if op == STOP {
                return self.pop(vm);
            }
            self.dispatch(vm, op)?;
        }
    }

    fn dispatch(&mut self, vm: &mut Vm, op: u8) -> PyResult<()> {
        let t = types();
        match op {
            PROTO => {
                let p = self.read_u8(vm)?;
                if p > HIGHEST_PROTOCOL {
                    return Err(vm.value_error(format!("unsupported pickle protocol: {}", p)));
                }
                self.proto = p;
            }
            FRAME => {
                let n = self.read_u64(vm)? as usize;
                // Read the whole frame at once from a file.
                self.fill(vm, n)?;
            }
            MARK => {
                let s = std::mem::take(&mut self.stack);
                self.metastack.push(s);
            }
            POP => {
                if self.stack.is_empty() {
                    if self.metastack.is_empty() {
                        return Err(self.underflow(vm));
                    }
                    self.pop_mark(vm)?;
                } else {
                    self.stack.pop();
                }
            }
            POP_MARK => {
                self.pop_mark(vm)?;
            }
            DUP => {
                let v = self.top(vm)?;
                self.push(v);
            }
            NONE => self.push(Value::None),
            NEWTRUE => self.push(Value::Bool(true)),
            NEWFALSE => self.push(Value::Bool(false)),
            BININT => {
                let v = self.read_u32(vm)? as i32;
                self.push(Value::Int(v as i64));
            }
            BININT1 => {
                let v = self.read_u8(vm)?;
                self.push(Value::Int(v as i64));
            }
            BININT2 => {
                let b = self.read(vm, 2)?;
                let v = u16::from_le_bytes([b[0], b[1]]);
                self.push(Value::Int(v as i64));
            }
            LONG1 | LONG4 => {
                let n = if op == LONG1 {
                    self.read_u8(vm)? as i64
                } else {
                    self.read_u32(vm)? as i32 as i64
                };
                if n < 0 {
                    return Err(unpickling_error(vm, "LONG pickle has negative byte count"));
                }
                let b = self.read(vm, n as usize)?;
                let v = if b.is_empty() { BigInt::from(0) } else { BigInt::from_signed_bytes_le(b) };
                self.push(Value::bigint(v));
            }
            INT | LONG => {
                let line = self.readline(vm)?;
                let s = String::from_utf8_lossy(&line).to_string();
                if op == INT && s == "00" {
                    self.push(Value::Bool(false));
                } else if op == INT && s == "01" {
                    self.push(Value::Bool(true));
                } else {
                    let digits = s.trim_end_matches('L');
                    match digits.parse::<BigInt>() {
                        Ok(v) => self.push(Value::bigint(v)),
                        Err(_) => {
                            let r = ops::repr(vm, &Value::str(s.as_str()))?;
                            return Err(vm.value_error(format!("invalid literal for int() with base 10: {}", r)));
                        }
                    }
                }
            }
            FLOAT => {
                let line = self.readline(vm)?;
                let s = String::from_utf8_lossy(&line).to_string();
                let v = ops::to_f64(vm, &Value::str(s.as_str()));
                let f = match v {
                    Ok(f) => f,
                    Err(_) => {
                        let fl = Value::Obj(t.float.clone());
                        let r = vm.call(&fl, vec![Value::str(s.as_str())])?;
                        ops::to_f64(vm, &r)?
                    }
                };
                self.push(Value::Float(f));
            }
            BINFLOAT => {
                let b = self.read(vm, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                self.push(Value::Float(f64::from_bits(u64::from_be_bytes(a))));
            }
            STRING => {
                let line = self.readline(vm)?;
                let raw = match (line.first(), line.last()) {
                    (Some(&q), Some(&e)) if line.len() >= 2 && (q == b'"' || q == b'\'') && q == e => &line[1..line.len() - 1],
                    _ => return Err(unpickling_error(vm, "the STRING opcode argument must be quoted")),
                };
                let b = unescape_bytes(raw);
                let s = types::bytes::decode_bytes(vm, &b, "ascii", "strict")?;
                self.push(Value::str(s));
            }
            BINSTRING | SHORT_BINSTRING => {
                let n = if op == SHORT_BINSTRING { self.read_u8(vm)? as i64 } else { self.read_u32(vm)? as i32 as i64 };
                if n < 0 {
                    return Err(unpickling_error(vm, "BINSTRING pickle has negative byte count"));
                }
                let b = self.read(vm, n as usize)?.to_vec();
                let s = types::bytes::decode_bytes(vm, &b, "ascii", "strict")?;
                self.push(Value::str(s));
            }
            UNICODE => {
                let line = self.readline(vm)?;
                let s = raw_unicode_unescape(&line);
                self.push(Value::str(s));
            }
            BINUNICODE | SHORT_BINUNICODE | BINUNICODE8 => {
                let n = match op {
                    SHORT_BINUNICODE => self.read_u8(vm)? as u64,
                    BINUNICODE => self.read_u32(vm)? as u64,
                    _ => self.read_u64(vm)?,
                };
                let b = self.read(vm, n as usize)?.to_vec();
                let s = match String::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => types::bytes::decode_bytes(vm, e.as_bytes(), "utf-8", "strict")?,
                };
                self.push(Value::str(s));
            }
            BINBYTES | SHORT_BINBYTES | BINBYTES8 | BYTEARRAY8 => {
                let n = match op {
                    SHORT_BINBYTES => self.read_u8(vm)? as u64,
                    BINBYTES => self.read_u32(vm)? as u64,
                    _ => self.read_u64(vm)?,
                };
                let b = self.read(vm, n as usize)?.to_vec();
                if op == BYTEARRAY8 {
                    self.push(Value::Obj(Obj::new(Payload::ByteArray(Mutex::new(b)))));
                } else {
                    self.push(bytes_value(b));
                }
            }
            NEXT_BUFFER => return Err(unpickling_error(vm, "pickle stream refers to out-of-band data but no *buffers* argument was given")),
            READONLY_BUFFER => {}
            EMPTY_TUPLE => self.push(Value::tuple(vec![])),
            TUPLE => {
                let items = self.pop_mark(vm)?;
                self.push(Value::tuple(items));
            }
            TUPLE1 | TUPLE2 | TUPLE3 => {
                let n = (op - TUPLE1 + 1) as usize;
                if self.stack.len() < n {
                    return Err(self.underflow(vm));
                }
                let items = self.stack.split_off(self.stack.len() - n);
                self.push(Value::tuple(items));
            }
            EMPTY_LIST => self.push(Value::list(vec![])),
            LIST => {
                let items = self.pop_mark(vm)?;
                self.push(Value::list(items));
            }
            APPEND => {
                let v = self.pop(vm)?;
                let l = self.top(vm)?;
                self.extend(vm, &l, vec![v])?;
            }
            APPENDS => {
                let items = self.pop_mark(vm)?;
                let l = self.top(vm)?;
                self.extend(vm, &l, items)?;
            }
            EMPTY_DICT => self.push(crate::vm::new_dict()),
            DICT => {
                let items = self.pop_mark(vm)?;
                let d = Dict::new();
                for kv in items.chunks(2) {
                    if kv.len() == 2 {
                        d.set(vm, kv[0].clone(), kv[1].clone())?;
                    }
                }
                self.push(Value::Obj(Obj::new(Payload::Dict(d))));
            }
            SETITEM => {
                let v = self.pop(vm)?;
                let k = self.pop(vm)?;
                let d = self.top(vm)?;
                ops::setitem(vm, &d, k, v)?;
            }
            SETITEMS => {
                let items = self.pop_mark(vm)?;
                let d = self.top(vm)?;
                for kv in items.chunks(2) {
                    if kv.len() == 2 {
                        ops::setitem(vm, &d, kv[0].clone(), kv[1].clone())?;
                    }
                }
            }
            EMPTY_SET => self.push(Value::Obj(Obj::new(Payload::Set(Dict::new())))),
            ADDITEMS => {
                let items = self.pop_mark(vm)?;
                let s = self.top(vm)?;
                if exact(&s, &t.set) {
                    for x in items {
                        types::set::set_add(vm, &s, x)?;
                    }
                } else {
                    for x in items {
                        ops::call_method(vm, &s, "add", vec![x])?;
                    }
                }
            }
            FROZENSET => {
                let items = self.pop_mark(vm)?;
                let s = types::set::new_set(vm, items, true)?;
                self.push(s);
            }
            GLOBAL => {
                let m = self.readline(vm)?;
                let n = self.readline(vm)?;
                let m = String::from_utf8_lossy(&m).to_string();
                let n = String::from_utf8_lossy(&n).to_string();
                let v = self.find_class(vm, &m, &n)?;
                self.push(v);
            }
            STACK_GLOBAL => {
                let n = self.pop(vm)?;
                let m = self.pop(vm)?;
                let (Some(m), Some(n)) = (m.as_str(), n.as_str()) else {
                    return Err(unpickling_error(vm, "STACK_GLOBAL requires str"));
                };
                let (m, n) = (m.to_string(), n.to_string());
                let v = self.find_class(vm, &m, &n)?;
                self.push(v);
            }
            INST => {
                let m = self.readline(vm)?;
                let n = self.readline(vm)?;
                let m = String::from_utf8_lossy(&m).to_string();
                let n = String::from_utf8_lossy(&n).to_string();
                let cls = self.find_class(vm, &m, &n)?;
                let args = self.pop_mark(vm)?;
                let v = instantiate(vm, &cls, args)?;
                self.push(v);
            }
            OBJ => {
                let mut args = self.pop_mark(vm)?;
                if args.is_empty() {
                    return Err(self.underflow(vm));
                }
                let cls = args.remove(0);
                let v = instantiate(vm, &cls, args)?;
                self.push(v);
            }
            NEWOBJ | NEWOBJ_EX => {
                let kwargs = if op == NEWOBJ_EX { Some(self.pop(vm)?) } else { None };
                let args = self.pop(vm)?;
                let cls = self.pop(vm)?;
                let opname = if op == NEWOBJ { "NEWOBJ" } else { "NEWOBJ_EX" };
                if !matches!(cls.payload(), Some(Payload::Class(_))) {
                    let tn = tp_name(ops::class_ref(&cls));
                    return Err(unpickling_error(vm, format!("{} class argument must be a type, not {}", opname, tn)));
                }
                let Some(a) = args.tuple_items().map(|x| x.to_vec()) else {
                    let tn = tp_name(ops::class_ref(&args));
                    return Err(unpickling_error(vm, format!("{} args argument must be a tuple, not {}", opname, tn)));
                };
                let kw = match &kwargs {
                    None => vec![],
                    Some(k) => match k.payload() {
                        Some(Payload::Dict(d)) => d.items(),
                        _ => {
                            let tn = tp_name(ops::class_ref(k));
                            return Err(unpickling_error(vm, format!("{} kwargs argument must be a dict, not {}", opname, tn)));
                        }
                    },
                };
                let new = ops::getattr(vm, &cls, &intern("__new__"))?;
                let mut pos = vec![cls.clone()];
                pos.extend(a);
                let v = vm.call_args(&new, Args { pos, kw })?;
                self.push(v);
            }
            REDUCE => {
                let args = self.pop(vm)?;
                let f = self.pop(vm)?;
                let Some(a) = args.tuple_items().map(|x| x.to_vec()) else {
                    return Err(unpickling_error(vm, "REDUCE argument must be a tuple"));
                };
                let v = vm.call(&f, a)?;
                self.push(v);
            }
            BUILD => {
                let state = self.pop(vm)?;
                let inst = self.top(vm)?;
                build(vm, &inst, state)?;
            }
            GET => {
                let line = self.readline(vm)?;
                let i = parse_index(&line);
                match i {
                    Some(i) => self.memo_get(vm, i)?,
                    None => return Err(vm.value_error("invalid literal for int() with base 10")),
                }
            }
            BINGET => {
                let i = self.read_u8(vm)? as u64;
                self.memo_get(vm, i)?;
            }
            LONG_BINGET => {
                let i = self.read_u32(vm)? as u64;
                self.memo_get(vm, i)?;
            }
            PUT => {
                let line = self.readline(vm)?;
                match parse_index(&line) {
                    Some(i) => self.memo_put(vm, i)?,
                    None => return Err(vm.value_error("invalid literal for int() with base 10")),
                }
            }
            BINPUT => {
                let i = self.read_u8(vm)? as u64;
                self.memo_put(vm, i)?;
            }
            LONG_BINPUT => {
                let i = self.read_u32(vm)? as u64;
                self.memo_put(vm, i)?;
            }
            MEMOIZE => {
                let i = self.memo.len() as u64;
                self.memo_put(vm, i)?;
            }
            EXT1 | EXT2 | EXT4 => {
                let code = match op {
                    EXT1 => self.read_u8(vm)? as i64,
                    EXT2 => {
                        let b = self.read(vm, 2)?;
                        u16::from_le_bytes([b[0], b[1]]) as i64
                    }
                    _ => self.read_u32(vm)? as i32 as i64,
                };
                let copyreg = super::import_module(vm, "copyreg")?;
                let inv = ns_dict(&super::module_dict(&copyreg)).get_str("_inverted_registry");
                let key = match inv.as_ref().and_then(|d| d.payload()) {
                    Some(Payload::Dict(d)) => d.get(vm, &Value::Int(code))?,
                    _ => None,
                };
                let Some(key) = key else {
                    return Err(vm.value_error(format!("unregistered extension code {}", code)));
                };
                let parts = key.tuple_items().map(|x| x.to_vec()).unwrap_or_default();
                let (m, n) = (
                    parts.first().and_then(|x| x.as_str()).unwrap_or("").to_string(),
                    parts.get(1).and_then(|x| x.as_str()).unwrap_or("").to_string(),
                );
                let v = self.find_class(vm, &m, &n)?;
                self.push(v);
            }
            PERSID | BINPERSID => {
                return Err(unpickling_error(vm, "A load persistent id instruction was encountered,\nbut no persistent_load function was specified."));
            }
            _ => {
                let key = if (0x20..=0x7e).contains(&op) && op != b'\'' && op != b'\\' { (op as char).to_string() } else { format!("\\x{:02x}", op) };
                return Err(unpickling_error(vm, format!("invalid load key, '{}'.", key)));
            }
        }
        Ok(())
    }

    fn extend(&mut self, vm: &mut Vm, l: &Value, items: Vec<Value>) -> PyResult<()> {
        if exact(l, &types().list) {
            if let Some(Payload::List(v)) = l.payload() {
                lock(v).extend(items);
            }
            return Ok(());
        }
        if let Some(ext) = ops::getattr_opt(vm, l, &intern("extend"))? {
            vm.call(&ext, vec![Value::list(items)])?;
            return Ok(());
        }
        let append = ops::getattr(vm, l, &intern("append"))?;
        for x in items {
            vm.call(&append, vec![x])?;
        }
        Ok(())
    }

    fn find_class(&mut self, vm: &mut Vm, module: &str, name: &str) -> PyResult {
        let (module, name) = if self.proto < 3 { py3_name(module, name) } else { (module.to_string(), name.to_string()) };
        if module == "_codecs" && name == "encode" {
            let p = super::import_module(vm, "pickle")?;
            return ops::getattr(vm, &p, &intern("_codecs_encode"));
        }
        let m = super::import_module(vm, &module)?;
        let parts: Vec<&str> = if self.proto >= 4 { name.split('.').collect() } else { vec![name.as_str()] };
        let mut cur = m;
        for part in &parts {
            if *part == "<locals>" {
                let r = ops::repr(vm, &Value::str(name.as_str()))?;
                let mr = ops::repr(vm, &cur)?;
                return Err(vm.attr_error(format!("Can't get local attribute {} on {}", r, mr)));
            }
            match ops::getattr_opt(vm, &cur, &Value::str(*part))? {
                Some(v) => cur = v,
                None => {
                    let r = ops::repr(vm, &Value::str(name.as_str()))?;
                    let mr = ops::repr(vm, &cur)?;
                    return Err(vm.attr_error(format!("Can't get attribute {} on {}", r, mr)));
                }
            }
        }
        Ok(cur)
    }
}

fn parse_index(line: &[u8]) -> Option<u64> {
    std::str::from_utf8(line).ok()?.trim().parse().ok()
}

/// INST and OBJ: call the class, or `cls.__new__(cls)` when there are no args.
fn instantiate(vm: &mut Vm, cls: &Value, args: Vec<Value>) -> PyResult {
    let is_class = matches!(cls.payload(), Some(Payload::Class(_)));
    if !args.is_empty() || !is_class || ops::getattr_opt(vm, cls, &intern("__getinitargs__"))?.is_some() {
        return vm.call(cls, args);
    }
    let new = ops::getattr(vm, cls, &intern("__new__"))?;
    vm.call(&new, vec![cls.clone()])
}

/// BUILD: `__setstate__(state)`, or update the instance dict (and set slots).
fn build(vm: &mut Vm, inst: &Value, state: Value) -> PyResult<()> {
    let cls = ops::class_of(inst);
    if ops::lookup_type(&cls, "__setstate__").is_some() {
        ops::call_method(vm, inst, "__setstate__", vec![state])?;
        return Ok(());
    }
    let (state, slots) = match state.tuple_items() {
        Some(t) if t.len() == 2 => (t[0].clone(), Some(t[1].clone())),
        _ => (state, None),
    };
    if !state.is_none() {
        let Some(Payload::Dict(d)) = state.payload() else {
            return Err(unpickling_error(vm, "state is not a dictionary"));
        };
        let items = d.items();
        match inst.obj().and_then(|o| o.dict.as_ref()) {
            Some(idict) => {
                for (k, v) in items {
                    idict.set(vm, k, v)?;
                }
            }
            None => {
                for (k, v) in items {
                    ops::setattr(vm, inst, &k, v)?;
                }
            }
        }
    }
    if let Some(s) = slots {
        if !s.is_none() {
            let Some(Payload::Dict(d)) = s.payload() else {
                return Err(unpickling_error(vm, "slot state is not a dictionary"));
            };
            for (k, v) in d.items() {
                ops::setattr(vm, inst, &k, v)?;
            }
        }
    }
    Ok(())
}

/// The body of a protocol 0 STRING: Python's escapes in a quoted literal.
fn unescape_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i];
        if c != b'\\' || i + 1 >= raw.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = raw[i + 1];
        i += 2;
        match e {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'\\' | b'\'' | b'"' => out.push(e),
            b'\n' => {}
            b'x' if i + 2 <= raw.len() => {
                let h = std::str::from_utf8(&raw[i..i + 2]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match h {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.extend_from_slice(b"\\x"),
                }
            }
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < raw.len() && (b'0'..=b'7').contains(&raw[i]) {
                    v = v * 8 + (raw[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v as u8);
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    out
}

/// raw-unicode-escape: Latin-1 bytes with \uXXXX and \UXXXXXXXX escapes.
fn raw_unicode_unescape(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() && (b[i + 1] == b'u' || b[i + 1] == b'U') {
            let n = if b[i + 1] == b'u' { 4 } else { 8 };
            if i + 2 + n <= b.len() {
                if let Some(c) = std::str::from_utf8(&b[i + 2..i + 2 + n]).ok().and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32) {
                    out.push(c);
                    i += 2 + n;
                    continue;
                }
            }
        }
        out.push(b[i] as char);
        i += 1;
    }
    out
}
