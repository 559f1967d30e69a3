//! The fork codec: copies values into a process that shares nothing, as a
//! `fork()` would copy them. Unlike pickle, functions, lambdas, closures and
//! classes of `__main__` travel by value: functions as the path of their code
//! object inside `__main__`'s compiled code (the child compiles the same
//! source), plus defaults, closure cells and attributes; classes as name,
//! bases and namespace. Everything from other modules travels by reference
//! (module name and qualified name), and the child imports it.
//!
//! The format is a tagged byte stream with a memo, so shared and cyclic
//! references keep their identity (`a = []; args = (a, a)` arrives as one list).

use crate::vm::code::Code;
use crate::vm::eval::ns_dict;
use crate::vm::types::{self, types};
use crate::vm::value::*;
use crate::vm::{exc, ops, Flow, PyResult, Vm};
use std::collections::HashMap;
use std::sync::Arc;

mod tag {
    pub const NONE: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIGINT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const COMPLEX: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const BYTEARRAY: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const LIST: u8 = 11;
    pub const DICT: u8 = 12;
    pub const SET: u8 = 13;
    pub const FROZENSET: u8 = 14;
    pub const RANGE: u8 = 15;
    pub const SLICE: u8 = 16;
    pub const MEMO: u8 = 17;
    pub const FUNC: u8 = 18;
    pub const REF: u8 = 19;
    pub const CLASS: u8 = 20;
    pub const INSTANCE: u8 = 21;
    pub const MODULE: u8 = 22;
    pub const BUILTIN: u8 = 23;
    pub const BOUND_BUILTIN: u8 = 24;
    pub const BOUND: u8 = 25;
    pub const EXC: u8 = 26;
    pub const CELL: u8 = 27;
    pub const SINGLETON: u8 = 28;
    pub const MAIN_GLOBALS: u8 = 29;
    pub const STATICMETHOD: u8 = 30;
    pub const CLASSMETHOD: u8 = 31;
    pub const PROPERTY: u8 = 32;
    pub const TYPE_REF: u8 = 33;
}

/// Encodes values; one encoder per snapshot so the memo spans all of it.
pub struct Encoder {
    out: Vec<u8>,
    memo: HashMap<usize, u32>,
    /// Memo keys in insertion order, to roll back a value that failed.
    order: Vec<usize>,
    /// Where each code object of `__main__` sits (const indices from the module code).
    code_paths: HashMap<usize, Vec<u32>>,
    main_globals: usize,
    /// Keeps memoised objects alive (their addresses are the memo keys).
    keep: Vec<Value>,
}

fn index_code(code: &Arc<Code>, path: &mut Vec<u32>, out: &mut HashMap<usize, Vec<u32>>) {
    out.insert(Arc::as_ptr(code) as usize, path.clone());
    for (i, c) in code.consts.iter().enumerate() {
        if let Some(Payload::Code(inner)) = c.payload() {
            path.push(i as u32);
            index_code(inner, path, out);
            path.pop();
        }
    }
}

fn cannot(vm: &Vm, what: &str) -> Flow {
    vm.type_error(format!("cannot pickle '{}' object", what))
}

impl Encoder {
    /// An encoder for a program whose `__main__` was compiled to `main_code`
    /// and runs with globals `main_globals`.
    pub fn new(main_code: &Arc<Code>, main_globals: &ObjRef) -> Encoder {
        let mut code_paths = HashMap::new();
        index_code(main_code, &mut Vec::new(), &mut code_paths);
        Encoder { out: Vec::new(), memo: HashMap::new(), order: Vec::new(), code_paths, main_globals: Arc::as_ptr(main_globals) as usize, keep: Vec::new() }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn u8(&mut self, b: u8) {
        self.out.push(b);
    }
    fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.out.extend_from_slice(s.as_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.out.extend_from_slice(b);
    }

    /// Memoised already? Emit a MEMO reference and return true. Otherwise
    /// record it (the decoder numbers objects in the same order).
    fn memo(&mut self, o: &ObjRef) -> bool {
        let key = Arc::as_ptr(o) as usize;
        if let Some(&i) = self.memo.get(&key) {
            self.u8(tag::MEMO);
            self.u32(i);
            return true;
        }
        let i = self.order.len() as u32;
        self.memo.insert(key, i);
        self.order.push(key);
        self.keep.push(Value::Obj(o.clone()));
        false
    }

    /// Encode one top-level value; on failure the stream and memo are as before.
    pub fn try_value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let (len, n) = (self.out.len(), self.order.len());
        let r = self.value(vm, v);
        if r.is_err() {
            self.out.truncate(len);
            for k in self.order.drain(n..) {
                self.memo.remove(&k);
            }
        }
        r
    }

    pub fn value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let o = match v {
            Value::None => return Ok(self.u8(tag::NONE)),
            Value::Bool(true) => return Ok(self.u8(tag::TRUE)),
            Value::Bool(false) => return Ok(self.u8(tag::FALSE)),
            Value::Int(i) => {
                self.u8(tag::INT);
                self.out.extend_from_slice(&i.to_le_bytes());
                return Ok(());
            }
            Value::Float(f) => {
                self.u8(tag::FLOAT);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
                return Ok(());
            }
            Value::Obj(o) => o.clone(),
        };
        // Classes and singletons by reference need no memo.
        match &o.payload {
            Payload::Singleton(name) => {
                self.u8(tag::SINGLETON);
                self.str(name);
                return Ok(());
            }
            Payload::Class(c) if c.builtin => {
                self.u8(tag::TYPE_REF);
                self.str(&ops::class_name(&o));
                return Ok(());
            }
            _ => {}
        }
        if Arc::as_ptr(&o) as usize == self.main_globals {
            self.u8(tag::MAIN_GLOBALS);
            return Ok(());
        }
        if self.memo(&o) {
            return Ok(());
        }
        let custom_class = o.cls.as_ref().filter(|c| c.class_data().is_some_and(|d| !d.builtin)).cloned();
        match &o.payload {
            Payload::Int(b) if custom_class.is_none() => {
                self.u8(tag::BIGINT);
                self.str(&b.to_string());
            }
            Payload::Complex(re, im) => {
                self.u8(tag::COMPLEX);
                self.out.extend_from_slice(&re.to_bits().to_le_bytes());
                self.out.extend_from_slice(&im.to_bits().to_le_bytes());
            }
            Payload::Str(s) if custom_class.is_none() => {
                self.u8(tag::STR);
                self.str(&s.s);
            }
            Payload::Bytes(b) if custom_class.is_none() => {
                self.u8(tag::BYTES);
                self.bytes(b);
            }
            Payload::ByteArray(b) if custom_class.is_none() => {
                let b = lock(b).clone();
                self.u8(tag::BYTEARRAY);
                self.bytes(&b);
            }
            Payload::Tuple(items) if custom_class.is_none() => {
                self.u8(tag::TUPLE);
                self.u32(items.len() as u32);
                for x in items.iter() {
                    self.value(vm, x)?;
                }
            }
            Payload::List(l) if custom_class.is_none() => {
                let items = lock(l).clone();
                self.u8(tag::LIST);
                self.u32(items.len() as u32);
                for x in &items {
                    self.value(vm, x)?;
                }
            }
            Payload::Dict(d) if custom_class.is_none() => {
                let items = d.items();
                self.u8(tag::DICT);
                self.u32(items.len() as u32);
                for (k, x) in &items {
                    self.value(vm, k)?;
                    self.value(vm, x)?;
                }
            }
            Payload::Set(d) | Payload::FrozenSet(d) if custom_class.is_none() => {
                let frozen = matches!(o.payload, Payload::FrozenSet(_));
                let items = d.items();
                self.u8(if frozen { tag::FROZENSET } else { tag::SET });
                self.u32(items.len() as u32);
                for (k, _) in &items {
                    self.value(vm, k)?;
                }
            }
            Payload::Range(a, b, c) => {
                self.u8(tag::RANGE);
                for x in [a, b, c] {
                    self.out.extend_from_slice(&x.to_le_bytes());
                }
            }
            Payload::Slice(a, b, c) => {
                self.u8(tag::SLICE);
                for x in [a, b, c] {
                    self.value(vm, x)?;
                }
            }
            Payload::Cell(c) => {
                let inner = lock(c).clone();
                self.u8(tag::CELL);
                match inner {
                    Some(x) => {
                        self.u8(1);
                        self.value(vm, &x)?;
                    }
                    None => self.u8(0),
                }
            }
            Payload::StaticMethod(f) | Payload::ClassMethod(f) => {
                self.u8(if matches!(o.payload, Payload::StaticMethod(_)) { tag::STATICMETHOD } else { tag::CLASSMETHOD });
                self.value(vm, f)?;
            }
            Payload::Property(a, b, c, d) => {
                self.u8(tag::PROPERTY);
                for x in [a, b, c, d] {
                    self.value(vm, x)?;
                }
            }
            Payload::Module(m) => {
                self.u8(tag::MODULE);
                self.str(&m.name);
            }
            Payload::Function(f) => self.function(vm, &o, f)?,
            Payload::BoundMethod(recv, func) => {
                self.u8(tag::BOUND);
                self.value(vm, recv)?;
                self.value(vm, func)?;
            }
            Payload::Builtin(b) => match &b.bound {
                Some(recv) if b.data.is_none() => {
                    self.u8(tag::BOUND_BUILTIN);
                    self.value(vm, recv)?;
                    self.str(b.name);
                }
                None if b.data.is_none() => {
                    // A module-level builtin: find which module has it.
                    let module = builtin_home(vm, &o, b.name).ok_or_else(|| cannot(vm, "builtin_function_or_method"))?;
                    self.u8(tag::BUILTIN);
                    self.str(&module);
                    self.str(b.name);
                }
                _ => return Err(cannot(vm, "builtin_function_or_method")),
            },
            Payload::Class(c) => {
                let module = types::object::class_module(&o);
                if module != "__main__" {
                    self.u8(tag::REF);
                    self.str(&module);
                    self.str(&lock(&c.qualname));
                    return Ok(());
                }
                self.u8(tag::CLASS);
                self.str(&lock(&c.name));
                self.str(&lock(&c.qualname));
                self.value(vm, &c.meta.clone().map(Value::Obj).unwrap_or(Value::None))?;
                self.u32(c.bases.len() as u32);
                for b in &c.bases {
                    self.value(vm, &Value::Obj(b.clone()))?;
                }
                let items: Vec<(Value, Value)> = c.dict.items().into_iter().filter(|(k, _)| !matches!(k.as_str(), Some("__dict__" | "__weakref__"))).collect();
                self.u32(items.len() as u32);
                for (k, x) in &items {
                    self.value(vm, k)?;
                    self.value(vm, x)?;
                }
            }
            Payload::Exception(_) => {
                self.u8(tag::EXC);
                self.value(vm, &Value::Obj(ops::class_of(v)))?;
                self.value(vm, &Value::tuple(exc::args_of(v)))?;
                self.dict_items(vm, &o)?;
            }
            Payload::Instance => {
                self.u8(tag::INSTANCE);
                self.value(vm, &Value::Obj(ops::class_of(v)))?;
                self.dict_items(vm, &o)?;
            }
            _ => return Err(cannot(vm, &ops::type_name(v))),
        }
        Ok(())
    }

    fn dict_items(&mut self, vm: &mut Vm, o: &ObjRef) -> PyResult<()> {
        let items = o.dict.as_ref().map(|d| d.items()).unwrap_or_default();
        self.u32(items.len() as u32);
        for (k, x) in &items {
            self.value(vm, k)?;
            self.value(vm, x)?;
        }
        Ok(())
    }

    fn function(&mut self, vm: &mut Vm, o: &ObjRef, f: &Function) -> PyResult<()> {
        let module = f.module.as_str().unwrap_or("").to_string();
        let in_main = Arc::as_ptr(&f.globals) as usize == self.main_globals;
        let path = self.code_paths.get(&(Arc::as_ptr(&f.code) as usize)).cloned();
        match path {
            Some(path) if in_main => {
                self.u8(tag::FUNC);
                self.u32(path.len() as u32);
                for i in &path {
                    self.u32(*i);
                }
                self.str(&lock(&f.name));
                self.str(&lock(&f.qualname));
                self.value(vm, &Value::tuple(f.defaults.clone()))?;
                self.u32(f.kwdefaults.len() as u32);
                for (k, x) in &f.kwdefaults {
                    self.str(k);
                    self.value(vm, x)?;
                }
                self.u32(f.closure.len() as u32);
                for c in &f.closure {
                    self.value(vm, &Value::Obj(c.clone()))?;
                }
                self.dict_items(vm, o)
            }
            _ => {
                // Another module's function: by reference, as pickle does.
                let qual = lock(&f.qualname).clone();
                if qual.contains("<locals>") || qual.contains("<lambda>") {
                    return Err(vm.err(&types().exc("AttributeError"), format!("Can't pickle local object '{}'", qual)));
                }
                self.u8(tag::REF);
                self.str(&module);
                self.str(&qual);
                Ok(())
            }
        }
    }
}

/// Which module a module-level builtin function lives in, under its own
/// name (`threading.Lock` is `_thread.allocate_lock`: only `_thread` has it
/// as `allocate_lock`).
fn builtin_home(vm: &mut Vm, f: &ObjRef, fname: &str) -> Option<String> {
    let is_f = |(k, v): &(Value, Value)| k.as_str() == Some(fname) && v.obj().is_some_and(|o| Arc::ptr_eq(o, f));
    let builtins = vm.run.builtins.clone();
    if ns_dict(&builtins).items().iter().any(is_f) {
        return Some("builtins".into());
    }
    let modules: Vec<(String, Value)> = lock(&vm.run.modules).iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (name, m) in modules {
        if let Some(Payload::Module(md)) = m.payload() {
            if ns_dict(&md.dict).items().iter().any(is_f) {
                return Some(name);
            }
        }
    }
    None
}

/// Decodes a snapshot in the child.
pub struct Decoder<'a> {
    data: &'a [u8],
    pos: usize,
    memo: Vec<Option<Value>>,
    main_code: Arc<Code>,
    main_globals: ObjRef,
}

impl<'a> Decoder<'a> {
    pub fn new(data: &'a [u8], main_code: Arc<Code>, main_globals: ObjRef) -> Decoder<'a> {
        Decoder { data, pos: 0, memo: Vec::new(), main_code, main_globals }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn bad(&self, vm: &Vm) -> Flow {
        vm.runtime_error("spindle: corrupt process snapshot")
    }
    fn u8(&mut self, vm: &Vm) -> PyResult<u8> {
        let b = *self.data.get(self.pos).ok_or_else(|| self.bad(vm))?;
        self.pos += 1;
        Ok(b)
    }
    fn take(&mut self, vm: &Vm, n: usize) -> PyResult<&'a [u8]> {
        let s = self.data.get(self.pos..self.pos + n).ok_or_else(|| self.bad(vm))?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self, vm: &Vm) -> PyResult<u32> {
        Ok(u32::from_le_bytes(self.take(vm, 4)?.try_into().unwrap()))
    }
    /// The item count of a container: each item takes at least one byte, so
    /// a count past the bytes left is corrupt (and must not size an allocation).
    fn count(&mut self, vm: &Vm) -> PyResult<usize> {
        let n = self.u32(vm)? as usize;
        if n > self.data.len() - self.pos {
            return Err(self.bad(vm));
        }
        Ok(n)
    }
    fn u64(&mut self, vm: &Vm) -> PyResult<u64> {
        Ok(u64::from_le_bytes(self.take(vm, 8)?.try_into().unwrap()))
    }
    fn string(&mut self, vm: &Vm) -> PyResult<String> {
        let n = self.u32(vm)? as usize;
        Ok(String::from_utf8_lossy(self.take(vm, n)?).into_owned())
    }
    fn raw(&mut self, vm: &Vm) -> PyResult<Vec<u8>> {
        let n = self.u32(vm)? as usize;
        Ok(self.take(vm, n)?.to_vec())
    }
    /// Reserve the next memo slot (objects are numbered in encoding order).
    fn reserve(&mut self) -> usize {
        self.memo.push(None);
        self.memo.len() - 1
    }
    fn fill(&mut self, i: usize, v: &Value) {
        self.memo[i] = Some(v.clone());
    }

    pub fn value(&mut self, vm: &mut Vm) -> PyResult {
        let t = self.u8(vm)?;
        Ok(match t {
            tag::NONE => Value::None,
            tag::TRUE => Value::Bool(true),
            tag::FALSE => Value::Bool(false),
            tag::INT => Value::Int(self.u64(vm)? as i64),
            tag::FLOAT => Value::Float(f64::from_bits(self.u64(vm)?)),
            tag::SINGLETON => {
                let name = self.string(vm)?;
                let tys = types();
                match name.as_str() {
                    "NotImplemented" => tys.not_implemented.clone(),
                    "Ellipsis" => tys.ellipsis.clone(),
                    _ => return Err(self.bad(vm)),
                }
            }
            tag::TYPE_REF => {
                let name = self.string(vm)?;
                let b = ns_dict(&vm.run.builtins).get_str(&name);
                match b {
                    Some(c) => c,
                    None => types().exceptions.get(name.as_str()).cloned().map(Value::Obj).ok_or_else(|| vm.runtime_error(format!("spindle: unknown type {name}")))?,
                }
            }
            tag::MAIN_GLOBALS => Value::Obj(self.main_globals.clone()),
            tag::MEMO => {
                let i = self.u32(vm)? as usize;
                match self.memo.get(i) {
                    Some(Some(v)) => v.clone(),
                    _ => return Err(vm.runtime_error("spindle: a recursive tuple cannot be copied to a process")),
                }
            }
            _ => return self.object(vm, t),
        })
    }

    fn object(&mut self, vm: &mut Vm, t: u8) -> PyResult {
        let slot = self.reserve();
        let v = match t {
            tag::BIGINT => {
                let s = self.string(vm)?;
                Value::bigint(s.parse().map_err(|_| self.bad(vm))?)
            }
            tag::COMPLEX => {
                let re = f64::from_bits(self.u64(vm)?);
                let im = f64::from_bits(self.u64(vm)?);
                Value::Obj(Obj::new(Payload::Complex(re, im)))
            }
            tag::STR => Value::str(self.string(vm)?),
            tag::BYTES => crate::vm::bytes_value(self.raw(vm)?),
            tag::BYTEARRAY => Value::Obj(Obj::new(Payload::ByteArray(std::sync::Mutex::new(self.raw(vm)?)))),
            tag::TUPLE => {
                let n = self.count(vm)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                Value::tuple(items)
            }
            tag::LIST => {
                let l = Value::list(vec![]);
                self.fill(slot, &l);
                let n = self.count(vm)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                if let Some(Payload::List(m)) = l.payload() {
                    *lock(m) = items;
                }
                l
            }
            tag::DICT => {
                let d = crate::vm::new_dict();
                self.fill(slot, &d);
                let n = self.u32(vm)?;
                for _ in 0..n {
                    let k = self.value(vm)?;
                    let x = self.value(vm)?;
                    ops::setitem(vm, &d, k, x)?;
                }
                d
            }
            tag::SET | tag::FROZENSET => {
                let n = self.count(vm)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                let ctor = if t == tag::SET { "set" } else { "frozenset" };
                let f = ns_dict(&vm.run.builtins).get_str(ctor).ok_or_else(|| self.bad(vm))?;
                vm.call(&f, vec![Value::list(items)])?
            }
            tag::RANGE => {
                let a = self.u64(vm)? as i64;
                let b = self.u64(vm)? as i64;
                let c = self.u64(vm)? as i64;
                Value::Obj(Obj::new(Payload::Range(a, b, c)))
            }
            tag::SLICE => {
                let a = self.value(vm)?;
                let b = self.value(vm)?;
                let c = self.value(vm)?;
                Value::Obj(Obj::new(Payload::Slice(a, b, c)))
            }
            tag::CELL => {
                let cell = Value::Obj(Obj::new(Payload::Cell(std::sync::Mutex::new(None))));
                self.fill(slot, &cell);
                if self.u8(vm)? == 1 {
                    let x = self.value(vm)?;
                    if let Some(Payload::Cell(m)) = cell.payload() {
                        *lock(m) = Some(x);
                    }
                }
                cell
            }
            tag::STATICMETHOD => Value::Obj(Obj::new(Payload::StaticMethod(self.value(vm)?))),
            tag::CLASSMETHOD => Value::Obj(Obj::new(Payload::ClassMethod(self.value(vm)?))),
            tag::PROPERTY => {
                let a = self.value(vm)?;
                let b = self.value(vm)?;
                let c = self.value(vm)?;
                let d = self.value(vm)?;
                Value::Obj(Obj::new(Payload::Property(a, b, c, d)))
            }
            tag::MODULE => {
                let name = self.string(vm)?;
                if name == "__main__" {
                    lock(&vm.run.modules).get("__main__").cloned().ok_or_else(|| self.bad(vm))?
                } else {
                    crate::stdlib::import_module(vm, &name)?
                }
            }
            tag::REF => {
                let module = self.string(vm)?;
                let qual = self.string(vm)?;
                let mut v = crate::stdlib::import_module(vm, &module)?;
                for part in qual.split('.') {
                    v = ops::getattr(vm, &v, &Value::str(part))?;
                }
                v
            }
            tag::BUILTIN => {
                let module = self.string(vm)?;
                let name = self.string(vm)?;
                let m = if module == "builtins" { Value::Obj(vm.run.builtins.clone()) } else { crate::stdlib::import_module(vm, &module)? };
                match m.payload() {
                    Some(Payload::Dict(_)) => ns_dict(m.obj().unwrap()).get_str(&name).ok_or_else(|| self.bad(vm))?,
                    _ => ops::getattr(vm, &m, &Value::str(name))?,
                }
            }
            tag::BOUND_BUILTIN => {
                let recv = self.value(vm)?;
                let name = self.string(vm)?;
                ops::getattr(vm, &recv, &Value::str(name))?
            }
            tag::BOUND => {
                let recv = self.value(vm)?;
                let func = self.value(vm)?;
                Value::Obj(Obj::new(Payload::BoundMethod(recv, func)))
            }
            tag::FUNC => self.function(vm, slot)?,
            tag::CLASS => {
                let name = self.string(vm)?;
                let qual = self.string(vm)?;
                let meta = self.value(vm)?;
                let n = self.u32(vm)?;
                let mut bases = Vec::new();
                for _ in 0..n {
                    bases.push(self.value(vm)?.obj().cloned().ok_or_else(|| self.bad(vm))?);
                }
                let ns = crate::vm::dict::Dict::new();
                ns.set_str("__module__", Value::str("__main__"));
                ns.set_str("__qualname__", Value::str(qual));
                let cls = types::object::type_new(vm, meta.obj().cloned(), &name, bases, &ns)?;
                self.fill(slot, &cls);
                let n = self.u32(vm)?;
                for _ in 0..n {
                    let k = self.value(vm)?;
                    // ops::setattr takes a str name (a class's namespace keys are).
                    if k.as_str().is_none() {
                        return Err(self.bad(vm));
                    }
                    let x = self.value(vm)?;
                    ops::setattr(vm, &cls, &k, x)?;
                }
                cls
            }
            tag::INSTANCE | tag::EXC => {
                let cls = self.value(vm)?;
                let cls_ref = cls.obj().cloned().ok_or_else(|| self.bad(vm))?;
                let inst = if t == tag::EXC {
                    let args = self.value(vm)?;
                    exc::new_exception_of(&cls_ref, args.tuple_items().map(|a| a.to_vec()).unwrap_or_default())
                } else {
                    Value::Obj(Obj::with_class(cls_ref, Payload::Instance, Some(crate::vm::dict::Dict::new())))
                };
                self.fill(slot, &inst);
                self.dict_items(vm, &inst)?;
                inst
            }
            _ => return Err(self.bad(vm)),
        };
        self.fill(slot, &v);
        Ok(v)
    }

    fn function(&mut self, vm: &mut Vm, slot: usize) -> PyResult {
        let n = self.u32(vm)?;
        let mut code = self.main_code.clone();
        for _ in 0..n {
            let i = self.u32(vm)? as usize;
            code = match code.consts.get(i).and_then(|c| c.payload()) {
                Some(Payload::Code(c)) => c.clone(),
                _ => return Err(vm.runtime_error("spindle: the child's __main__ does not match the parent's")),
            };
        }
        let name = self.string(vm)?;
        let qual = self.string(vm)?;
        // The function exists (for cycles through its defaults or closure)
        // before its parts are decoded; they are filled in below.
        let defaults = self.value(vm)?;
        let nk = self.u32(vm)?;
        let mut kwdefaults = Vec::new();
        for _ in 0..nk {
            let k = self.string(vm)?;
            kwdefaults.push((k, self.value(vm)?));
        }
        let nc = self.u32(vm)?;
        let mut closure = Vec::new();
        for _ in 0..nc {
            closure.push(self.value(vm)?.obj().cloned().ok_or_else(|| self.bad(vm))?);
        }
        let f = Function {
            code,
            globals: self.main_globals.clone(),
            defaults: defaults.tuple_items().map(|t| t.to_vec()).unwrap_or_default(),
            kwdefaults,
            closure,
            name: std::sync::Mutex::new(name),
            qualname: std::sync::Mutex::new(qual),
            module: Value::str("__main__"),
        };
        let fv = Value::Obj(Arc::new(Obj { cls: None, payload: Payload::Function(f), dict: Some(crate::vm::value::InstDict::default()) }));
        self.fill(slot, &fv);
        self.dict_items(vm, &fv)?;
        Ok(fv)
    }

    /// The counterpart of `Encoder::dict_items`: set the items into `obj`'s dict.
    fn dict_items(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let n = self.u32(vm)?;
        for _ in 0..n {
            let k = self.value(vm)?;
            let x = self.value(vm)?;
            if let Some(d) = obj.obj().and_then(|o| o.dict.as_ref()) {
                d.set(vm, k, x)?;
            }
        }
        Ok(())
    }
}

/// Snapshot `__main__`'s globals (those that can be copied; others, such as
/// locks or open generators, are left out as a child that uses them would
/// fail anyway) followed by `values`, sharing one memo.
pub fn snapshot(vm: &mut Vm, main_code: &Arc<Code>, main_globals: &ObjRef, values: &[Value]) -> PyResult<Vec<u8>> {
    let mut enc = Encoder::new(main_code, main_globals);
    let count_at = enc.out.len();
    enc.u32(0);
    let mut kept = 0u32;
    for (k, v) in ns_dict(main_globals).items() {
        if matches!(k.as_str(), Some("__builtins__")) {
            continue;
        }
        if enc.try_value(vm, &Value::tuple(vec![k, v])).is_ok() {
            kept += 1;
        }
    }
    enc.out[count_at..count_at + 4].copy_from_slice(&kept.to_le_bytes());
    enc.u32(values.len() as u32);
    for v in values {
        enc.value(vm, v)?;
    }
    Ok(enc.finish())
}

/// The child's side of `snapshot`: fill `__main__`'s globals and return the values.
pub fn restore(vm: &mut Vm, data: &[u8], main_code: Arc<Code>, main_globals: ObjRef) -> PyResult<Vec<Value>> {
    let mut dec = Decoder::new(data, main_code, main_globals.clone());
    let n = dec.u32(vm)?;
    for _ in 0..n {
        let pair = dec.value(vm)?;
        if let Some([k, v]) = pair.tuple_items().map(|t| t.to_vec()).as_deref() {
            ns_dict(&main_globals).set(vm, k.clone(), v.clone())?;
        }
    }
    let n = dec.u32(vm)?;
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(dec.value(vm)?);
    }
    Ok(out)
}
