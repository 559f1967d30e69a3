//! The builtin types: one registry (`types()`) of class objects shared by all
//! threads of an instance, and native dispatch of operators to each type's
//! module. Methods are registered once per instance by `init()`.

pub mod bytes;
pub mod dict;
pub mod exc_group;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod object;
pub mod range;
pub mod set;
pub mod str;
pub mod tuple;

use crate::vm::code::{BinOp, CmpOp, UnOp};
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{ops, PyResult, Vm};
use std::collections::HashMap;
use std::sync::{Mutex, Once, OnceLock};

/// Every builtin class, plus the interpreter's singletons.
pub struct Types {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub none_type: ObjRef,
    pub bool: ObjRef,
    pub int: ObjRef,
    pub float: ObjRef,
    pub complex: ObjRef,
    pub str: ObjRef,
    pub bytes: ObjRef,
    pub bytearray: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub function: ObjRef,
    pub method: ObjRef,
    pub builtin: ObjRef,
    pub builtin_method: ObjRef,
    pub module: ObjRef,
    pub cell: ObjRef,
    pub generator: ObjRef,
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub iterator: ObjRef,
    pub property: ObjRef,
    pub staticmethod: ObjRef,
    pub classmethod: ObjRef,
    pub super_: ObjRef,
    pub not_implemented_type: ObjRef,
    pub ellipsis_type: ObjRef,
    pub code: ObjRef,
    pub exceptions: HashMap<&'static str, ObjRef>,
    pub not_implemented: Value,
    pub ellipsis: Value,
    /// Internal marker (LoadMethod without self, missing values).
    pub null: Value,
    pub build_class: Value,
}

impl Types {
    /// A builtin exception class by name (panics on a typo: a VM bug).
    pub fn exc(&self, name: &str) -> ObjRef {
        self.exceptions.get(name).unwrap_or_else(|| panic!("no builtin exception {}", name)).clone()
    }
}

static TYPES: OnceLock<Types> = OnceLock::new();
static METHODS: Once = Once::new();

/// The registry of builtin classes.
pub fn types() -> &'static Types {
    TYPES.get_or_init(create)
}

/// Make sure every builtin type has its methods (idempotent, thread-safe).
pub fn init() {
    types();
    METHODS.call_once(|| {
        object::register();
        function::register();
        generator::register();
        int::register();
        float::register();
        str::register();
        bytes::register();
        list::register();
        tuple::register();
        dict::register();
        set::register();
        range::register();
        iter::register();
        exceptions::register();
        exc_group::register();
        register_number_dunders();
        // Mutable containers are unhashable: their __hash__ is None.
        let t = types();
        for c in [&t.list, &t.dict, &t.set, &t.bytearray] {
            class_dict(c).set_str("__hash__", Value::None);
        }
    });
}

/// Create a builtin class with the given bases (C3 MRO over their MROs).
pub fn make_class(name: &str, bases: Vec<ObjRef>, kind: BaseKind) -> ObjRef {
    let mro = object::c3_mro(&bases).unwrap_or_default();
    Obj::new(Payload::Class(Box::new(ClassData {
        name: Mutex::new(name.to_string()),
        qualname: Mutex::new(name.to_string()),
        bases,
        mro,
        dict: Dict::new(),
        builtin: true,
        base_kind: kind,
        meta: None,
        flags: std::sync::atomic::AtomicU32::new(0),
        descr_bloom: std::sync::atomic::AtomicU64::new(0),
        ctor: std::sync::OnceLock::new(),
    })))
}

fn create() -> Types {
    let object = make_class("object", vec![], BaseKind::Object);
    let o = || vec![object.clone()];
    let type_ = make_class("type", o(), BaseKind::Type);
    let int = make_class("int", o(), BaseKind::Int);
    let bool_ = make_class("bool", vec![int.clone()], BaseKind::Int);
    let mut exceptions = HashMap::new();
    let base_exc = make_class("BaseException", o(), BaseKind::Exception);
    exceptions.insert("BaseException", base_exc.clone());
    for (name, parent) in exceptions::HIERARCHY {
        let p = exceptions.get(parent).expect("parent exception defined first").clone();
        let mut bases = vec![p];
        if *name == "ExceptionGroup" {
            // class ExceptionGroup(BaseExceptionGroup, Exception)
            bases.push(exceptions.get("Exception").expect("Exception defined first").clone());
        }
        let c = make_class(name, bases, BaseKind::Exception);
        exceptions.insert(name, c);
    }
    let t = Types {
        type_,
        none_type: make_class("NoneType", o(), BaseKind::Other),
        bool: bool_,
        int,
        float: make_class("float", o(), BaseKind::Float),
        complex: make_class("complex", o(), BaseKind::Other),
        str: make_class("str", o(), BaseKind::Str),
        bytes: make_class("bytes", o(), BaseKind::Other),
        bytearray: make_class("bytearray", o(), BaseKind::Other),
        tuple: make_class("tuple", o(), BaseKind::Tuple),
        list: make_class("list", o(), BaseKind::List),
        dict: make_class("dict", o(), BaseKind::Dict),
        set: make_class("set", o(), BaseKind::Set),
        frozenset: make_class("frozenset", o(), BaseKind::Other),
        range: make_class("range", o(), BaseKind::Other),
        slice: make_class("slice", o(), BaseKind::Other),
        function: make_class("function", o(), BaseKind::Other),
        method: make_class("method", o(), BaseKind::Other),
        builtin: make_class("builtin_function_or_method", o(), BaseKind::Other),
        builtin_method: make_class("builtin_function_or_method", o(), BaseKind::Other),
        module: make_class("module", o(), BaseKind::Object),
        cell: make_class("cell", o(), BaseKind::Other),
        generator: make_class("generator", o(), BaseKind::Other),
        coroutine: make_class("coroutine", o(), BaseKind::Other),
        async_generator: make_class("async_generator", o(), BaseKind::Other),
        iterator: make_class("iterator", o(), BaseKind::Other),
        property: make_class("property", o(), BaseKind::Other),
        staticmethod: make_class("staticmethod", o(), BaseKind::Other),
        classmethod: make_class("classmethod", o(), BaseKind::Other),
        super_: make_class("super", o(), BaseKind::Other),
        not_implemented_type: make_class("NotImplementedType", o(), BaseKind::Other),
        ellipsis_type: make_class("ellipsis", o(), BaseKind::Other),
        code: make_class("code", o(), BaseKind::Other),
        exceptions,
        not_implemented: Value::Obj(Obj::new(Payload::Singleton("NotImplemented"))),
        ellipsis: Value::Obj(Obj::new(Payload::Singleton("Ellipsis"))),
        null: Value::Obj(Obj::new(Payload::Singleton("<NULL>"))),
        build_class: Value::Obj(Obj::new(Payload::Builtin(Builtin {
            name: "__build_class__",
            func: object::build_class,
            bound: None,
            is_method: false,
            data: None,
        }))),
        object,
    };
    t
}

/// Register a native method on a builtin class.
pub fn method(cls: &ObjRef, name: &'static str, func: NativeFn) {
    let f = Value::Obj(Obj::new(Payload::Builtin(Builtin { name, func, bound: None, is_method: true, data: None })));
    class_dict(cls).set_str(name, f);
}

/// Register a native classmethod (receives the class as first argument).
pub fn class_method(cls: &ObjRef, name: &'static str, func: NativeFn) {
    let f = Value::Obj(Obj::new(Payload::Builtin(Builtin { name, func, bound: None, is_method: false, data: None })));
    class_dict(cls).set_str(name, Value::Obj(Obj::new(Payload::ClassMethod(f))));
}

/// Register a native staticmethod.
pub fn static_method(cls: &ObjRef, name: &'static str, func: NativeFn) {
    let f = Value::Obj(Obj::new(Payload::Builtin(Builtin { name, func, bound: None, is_method: false, data: None })));
    class_dict(cls).set_str(name, Value::Obj(Obj::new(Payload::StaticMethod(f))));
}

/// A free-standing native function value.
pub fn native_fn(name: &'static str, func: NativeFn) -> Value {
    Value::Obj(Obj::new(Payload::Builtin(Builtin { name, func, bound: None, is_method: false, data: None })))
}

/// A native function carrying a data value (passed as its first argument).
pub fn native_closure(name: &'static str, func: NativeFn, data: Value) -> Value {
    Value::Obj(Obj::new(Payload::Builtin(Builtin { name, func, bound: None, is_method: false, data: Some(data) })))
}

pub fn class_dict(cls: &ObjRef) -> &Dict {
    match &cls.payload {
        Payload::Class(c) => &c.dict,
        _ => panic!("not a class"),
    }
}

/// Check the number of positional arguments of a native function.
pub fn check_args(vm: &Vm, name: &str, args: &crate::vm::Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{}() takes no arguments ({} given)", name, n)
            } else if min == 1 {
                format!("{}() takes exactly one argument ({} given)", name, n)
            } else {
                format!("{}() takes exactly {} arguments ({} given)", name, min, n)
            }
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

// ----- native dispatch by payload -----

pub fn native_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if matches!(a.payload(), Some(Payload::Complex(..))) || matches!(b.payload(), Some(Payload::Complex(..))) {
        return float::complex_binop(vm, op, a, b);
    }
    if let Some(r) = int::binop(vm, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = float::binop(vm, op, a, b)? {
        return Ok(Some(r));
    }
    let (Some(pa), pb) = (a.payload(), b.payload()) else {
        // a is an immediate: only sequence repetition remains (3 * "ab").
        if op == BinOp::Mul {
            if let Some(pb) = b.payload() {
                return seq_repeat(vm, b, pb, a);
            }
        }
        return Ok(None);
    };
    match (pa, op) {
        (Payload::Str(_), _) => str::binop(vm, op, a, b),
        (Payload::List(_), _) => list::binop(vm, op, a, b),
        (Payload::Tuple(_), _) => tuple::binop(vm, op, a, b),
        (Payload::Bytes(_) | Payload::ByteArray(_), _) => bytes::binop(vm, op, a, b),
        (Payload::Set(_) | Payload::FrozenSet(_), _) => set::binop(vm, op, a, b),
        (Payload::Dict(_), BinOp::Or) => dict::binop(vm, op, a, b),
        (Payload::Complex(..), _) => float::complex_binop(vm, op, a, b),
        _ => {
            if let Some(pb) = pb {
                if matches!(pb, Payload::Complex(..)) {
                    return float::complex_binop(vm, op, a, b);
                }
            }
            Ok(None)
        }
    }
}

fn seq_repeat(vm: &mut Vm, seq: &Value, p: &Payload, n: &Value) -> PyResult<Option<Value>> {
    match p {
        Payload::Str(_) => str::binop(vm, BinOp::Mul, seq, n),
        Payload::List(_) => list::binop(vm, BinOp::Mul, seq, n),
        Payload::Tuple(_) => tuple::binop(vm, BinOp::Mul, seq, n),
        Payload::Bytes(_) | Payload::ByteArray(_) => bytes::binop(vm, BinOp::Mul, seq, n),
        _ => Ok(None),
    }
}

pub fn native_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match a.payload() {
        Some(Payload::List(_)) => list::inplace(vm, op, a, b),
        Some(Payload::Set(_)) => set::inplace(vm, op, a, b),
        Some(Payload::Dict(_)) if op == BinOp::Or => {
            dict::update_from(vm, a, b, false)?;
            Ok(Some(a.clone()))
        }
        Some(Payload::ByteArray(_)) => bytes::inplace(vm, op, a, b),
        _ => Ok(None),
    }
}

pub fn native_unary(vm: &mut Vm, op: UnOp, v: &Value) -> PyResult<Option<Value>> {
    if let Some(r) = int::unary(vm, op, v)? {
        return Ok(Some(r));
    }
    float::unary(vm, op, v)
}

pub fn native_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let Some(r) = bytes::compare(vm, op, a, b)? {
        return Ok(Some(r));
    }
    Ok(None)
}

pub fn native_getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Option<Value>> {
    match obj.payload() {
        Some(Payload::List(_)) => list::getitem(vm, obj, key).map(Some),
        Some(Payload::Tuple(_)) => tuple::getitem(vm, obj, key).map(Some),
        Some(Payload::Str(_)) => str::getitem(vm, obj, key).map(Some),
        Some(Payload::Dict(_)) => dict::getitem(vm, obj, key).map(Some),
        Some(Payload::Range(..)) => range::getitem(vm, obj, key).map(Some),
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) => bytes::getitem(vm, obj, key).map(Some),
        Some(Payload::Native(_)) => native_dunder(vm, obj, "__getitem__", vec![key.clone()]),
        _ => Ok(None),
    }
}

pub fn native_setitem(vm: &mut Vm, obj: &Value, key: Value, val: Value) -> PyResult<bool> {
    match obj.payload() {
        Some(Payload::List(_)) => list::setitem(vm, obj, key, val).map(|_| true),
        Some(Payload::Dict(d)) => d.set(vm, key, val).map(|_| true),
        Some(Payload::ByteArray(_)) => bytes::setitem(vm, obj, key, val).map(|_| true),
        Some(Payload::Native(_)) => native_dunder(vm, obj, "__setitem__", vec![key, val]).map(|r| r.is_some()),
        _ => Ok(false),
    }
}

pub fn native_delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<bool> {
    match obj.payload() {
        Some(Payload::List(_)) => list::delitem(vm, obj, key).map(|_| true),
        Some(Payload::ByteArray(_)) => bytes::delitem(vm, obj, key).map(|_| true),
        Some(Payload::Dict(d)) => match d.remove(vm, key)? {
            Some(_) => Ok(true),
            None => Err(vm.key_error(key.clone())),
        },
        Some(Payload::Native(_)) => native_dunder(vm, obj, "__delitem__", vec![key.clone()]).map(|r| r.is_some()),
        _ => Ok(false),
    }
}

/// Objects implemented by stdlib modules expose their protocols as native
/// dunder methods in their class dict.
fn native_dunder(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
    match ops::lookup_special(obj, name) {
        Some(f) => {
            let mut a = vec![obj.clone()];
            a.extend(args);
            vm.call(&f, a).map(Some)
        }
        None => Ok(None),
    }
}

pub fn native_len(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match native_dunder(vm, v, "__len__", vec![])? {
        Some(n) => Ok(Some(ops::to_index(vm, &n)? as usize)),
        None => Ok(None),
    }
}

pub fn native_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if let Some(Payload::Native(_)) = v.payload() {
        return native_dunder(vm, v, "__iter__", vec![]);
    }
    Ok(None)
}

pub fn native_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else { return ops::repr(vm, v) };
    Ok(match &o.payload {
        Payload::Int(b) => b.to_string(),
        Payload::Float(f) => crate::vm::format::float_repr(*f),
        Payload::Complex(re, im) => float::complex_repr(*re, *im),
        Payload::Str(s) => crate::vm::format::str_repr(&s.s),
        Payload::Bytes(b) => bytes::bytes_repr(b),
        Payload::ByteArray(b) => bytes::bytearray_repr(&lock(b)),
        Payload::Tuple(_) => tuple::repr(vm, v)?,
        Payload::List(_) => list::repr(vm, v)?,
        Payload::Dict(_) => dict::repr(vm, v)?,
        Payload::Set(_) | Payload::FrozenSet(_) => set::repr(vm, v)?,
        Payload::Range(a, b, c) => {
            if *c == 1 {
                format!("range({}, {})", a, b)
            } else {
                format!("range({}, {}, {})", a, b, c)
            }
        }
        Payload::Slice(a, b, c) => format!("slice({}, {}, {})", ops::repr(vm, a)?, ops::repr(vm, b)?, ops::repr(vm, c)?),
        Payload::Function(f) => format!("<function {} at {:#x}>", lock(&f.qualname), v.id()),
        Payload::BoundMethod(recv, f) => {
            let fname = match f.payload() {
                Some(Payload::Function(func)) => lock(&func.qualname).clone(),
                Some(Payload::Builtin(b)) => b.name.to_string(),
                _ => "?".into(),
            };
            format!("<bound method {} of {}>", fname, ops::repr(vm, recv)?)
        }
        Payload::Builtin(b) => match &b.bound {
            Some(r) => format!("<built-in method {} of {} object at {:#x}>", b.name, ops::type_name(r), r.id()),
            None => format!("<built-in function {}>", b.name),
        },
        Payload::Class(c) => {
            let module = c.dict.get_str("__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
            match module {
                Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, lock(&c.qualname)),
                _ => format!("<class '{}'>", lock(&c.name)),
            }
        }
        Payload::Module(m) => {
            if crate::stdlib::is_builtin_module(&m.name) {
                format!("<module '{}' (built-in)>", m.name)
            } else {
                format!("<module '{}'>", m.name)
            }
        }
        Payload::Generator(g) => {
            let what = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            format!("<{} object {} at {:#x}>", what, g.qualname, v.id())
        }
        Payload::Exception(_) => exceptions::repr(vm, v)?,
        Payload::Singleton(n) => n.to_string(),
        Payload::Cell(_) => format!("<cell at {:#x}>", v.id()),
        Payload::Code(c) => format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, v.id(), c.filename, c.first_line),
        Payload::Property(..) => format!("<property object at {:#x}>", v.id()),
        Payload::Iterator(_) => format!("<iterator object at {:#x}>", v.id()),
        _ => {
            if let Some(r) = native_dunder(vm, v, "__repr__", vec![])? {
                if let Some(s) = r.as_str() {
                    return Ok(s.to_string());
                }
            }
            let cls = ops::class_of(v);
            let module = crate::vm::types::object::class_module(&cls);
            let qual = match &cls.payload {
                Payload::Class(c) => lock(&c.qualname).clone(),
                _ => "?".into(),
            };
            if module == "builtins" {
                format!("<{} object at {:#x}>", qual, v.id())
            } else {
                format!("<{}.{} object at {:#x}>", module, qual, v.id())
            }
        }
    })
}

pub fn is_sequence_class(c: &ObjRef) -> bool {
    let t = types();
    ops::is_subclass(c, &t.list) || ops::is_subclass(c, &t.tuple) || ops::is_subclass(c, &t.range)
        || ops::lookup_type(c, "__spindle_sequence__").is_some()
}

pub fn is_mapping_class(c: &ObjRef) -> bool {
    ops::is_subclass(c, &types().dict) || ops::lookup_type(c, "__spindle_mapping__").is_some()
}

// ----- dunder methods of the builtin number and str types -----
// Explicit calls like `(2).__pow__(10)` and `super().__add__(x)` in subclasses
// use these; operators on builtins take the native fast paths instead.

macro_rules! binop_dunder {
    ($name:ident, $op:expr, $rev:expr) => {
        fn $name(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
            if args.pos.len() != 2 {
                return Err(vm.type_error("expected 1 argument"));
            }
            let (a, b) = if $rev { (&args.pos[1], &args.pos[0]) } else { (&args.pos[0], &args.pos[1]) };
            Ok(native_binop(vm, $op, a, b)?.unwrap_or_else(|| types().not_implemented.clone()))
        }
    };
}

binop_dunder!(d_add, BinOp::Add, false);
binop_dunder!(d_radd, BinOp::Add, true);
binop_dunder!(d_sub, BinOp::Sub, false);
binop_dunder!(d_rsub, BinOp::Sub, true);
binop_dunder!(d_mul, BinOp::Mul, false);
binop_dunder!(d_rmul, BinOp::Mul, true);
binop_dunder!(d_truediv, BinOp::TrueDiv, false);
binop_dunder!(d_rtruediv, BinOp::TrueDiv, true);
binop_dunder!(d_floordiv, BinOp::FloorDiv, false);
binop_dunder!(d_rfloordiv, BinOp::FloorDiv, true);
binop_dunder!(d_mod, BinOp::Mod, false);
binop_dunder!(d_rmod, BinOp::Mod, true);
binop_dunder!(d_pow, BinOp::Pow, false);
binop_dunder!(d_rpow, BinOp::Pow, true);
binop_dunder!(d_and, BinOp::And, false);
binop_dunder!(d_or, BinOp::Or, false);
binop_dunder!(d_xor, BinOp::Xor, false);
binop_dunder!(d_lshift, BinOp::LShift, false);
binop_dunder!(d_rshift, BinOp::RShift, false);

macro_rules! cmp_dunder {
    ($name:ident, $op:expr) => {
        fn $name(_vm: &mut Vm, args: crate::vm::Args) -> PyResult {
            let (a, b) = (&args.pos[0], &args.pos[1]);
            if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                let o = x.cmp(y);
                return Ok(Value::Bool(ops::ord_result($op, Some(o))));
            }
            match ops::num_ordering(a, b) {
                Some(o) => Ok(Value::Bool(ops::ord_result($op, o))),
                None => Ok(types().not_implemented.clone()),
            }
        }
    };
}

cmp_dunder!(d_eq, CmpOp::Eq);
cmp_dunder!(d_ne, CmpOp::Ne);
cmp_dunder!(d_lt, CmpOp::Lt);
cmp_dunder!(d_le, CmpOp::Le);
cmp_dunder!(d_gt, CmpOp::Gt);
cmp_dunder!(d_ge, CmpOp::Ge);

fn d_neg(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    Ok(native_unary(vm, UnOp::Neg, &args.pos[0])?.unwrap_or(Value::None))
}
fn d_pos(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    Ok(native_unary(vm, UnOp::Pos, &args.pos[0])?.unwrap_or(Value::None))
}
fn d_invert(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    Ok(native_unary(vm, UnOp::Invert, &args.pos[0])?.unwrap_or(Value::None))
}
fn d_abs(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let v = &args.pos[0];
    let neg = ops::num_ordering(v, &Value::Int(0)) == Some(Some(std::cmp::Ordering::Less));
    if neg {
        d_neg(vm, args)
    } else {
        d_pos(vm, args)
    }
}
fn d_bool(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let plain = match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Value::Int(i),
        Some(ops::Num::B(b)) => Value::bigint(b),
        Some(ops::Num::F(f)) => Value::Float(f),
        None => Value::Bool(true),
    };
    Ok(Value::Bool(ops::truthy(vm, &plain)?))
}
fn d_hash(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let plain = match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Value::Int(i),
        Some(ops::Num::B(b)) => Value::bigint(b),
        Some(ops::Num::F(f)) => Value::Float(f),
        None => return Ok(Value::Int(args.pos[0].id() as i64 >> 4)),
    };
    Ok(Value::Int(ops::hash(vm, &plain)?))
}
fn d_float(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    Ok(Value::Float(ops::to_f64(vm, &args.pos[0])?))
}
fn d_int(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Ok(Value::Int(i)),
        Some(ops::Num::B(b)) => Ok(Value::bigint(b)),
        Some(ops::Num::F(f)) => int::float_to_int(vm, f),
        None => Err(vm.type_error("__int__ of a non-number")),
    }
}
fn d_repr(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let plain = match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Value::Int(i),
        Some(ops::Num::B(b)) => Value::bigint(b),
        Some(ops::Num::F(f)) => Value::Float(f),
        None => return Ok(Value::str(native_repr(vm, &args.pos[0])?)),
    };
    Ok(Value::str(ops::repr(vm, &plain)?))
}
fn d_format(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
    let plain = match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Value::Int(i),
        Some(ops::Num::B(b)) => Value::bigint(b),
        Some(ops::Num::F(f)) => Value::Float(f),
        None => args.pos[0].clone(),
    };
    Ok(Value::str(crate::vm::format::format_value(vm, &plain, &spec)?))
}
fn d_trunc(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    d_int(vm, args)
}
fn d_round(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    let round = crate::vm::eval::ns_dict(&vm.run.builtins).get_str("round").unwrap();
    let plain = match ops::as_num(&args.pos[0]) {
        Some(ops::Num::I(i)) => Value::Int(i),
        Some(ops::Num::B(b)) => Value::bigint(b),
        Some(ops::Num::F(f)) => Value::Float(f),
        None => args.pos[0].clone(),
    };
    let mut a = vec![plain];
    a.extend(args.pos[1..].iter().cloned());
    vm.call(&round, a)
}
fn d_index(vm: &mut Vm, args: crate::vm::Args) -> PyResult {
    match int::as_int(&args.pos[0]) {
        Some(i) => Ok(Value::bigint(i.big())),
        None => Err(vm.type_error("__index__ of a non-int")),
    }
}

fn register_number_dunders() {
    let t = types();
    let bin: &[(&'static str, NativeFn)] = &[
        ("__add__", d_add),
        ("__radd__", d_radd),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__mul__", d_mul),
        ("__rmul__", d_rmul),
        ("__truediv__", d_truediv),
        ("__rtruediv__", d_rtruediv),
        ("__floordiv__", d_floordiv),
        ("__rfloordiv__", d_rfloordiv),
        ("__mod__", d_mod),
        ("__rmod__", d_rmod),
        ("__pow__", d_pow),
        ("__rpow__", d_rpow),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
        ("__neg__", d_neg),
        ("__pos__", d_pos),
        ("__abs__", d_abs),
        ("__bool__", d_bool),
        ("__hash__", d_hash),
        ("__float__", d_float),
        ("__int__", d_int),
        ("__repr__", d_repr),
        ("__str__", d_repr),
        ("__format__", d_format),
        ("__trunc__", d_trunc),
        ("__round__", d_round),
    ];
    for c in [&t.int, &t.float] {
        for (n, f) in bin {
            method(c, n, *f);
        }
    }
    for (n, f) in [("__and__", d_and as NativeFn), ("__or__", d_or), ("__xor__", d_xor), ("__lshift__", d_lshift), ("__rshift__", d_rshift), ("__invert__", d_invert), ("__index__", d_index)] {
        method(&t.int, n, f);
    }
    for (n, f) in [("__eq__", d_eq as NativeFn), ("__ne__", d_ne), ("__lt__", d_lt), ("__le__", d_le), ("__gt__", d_gt), ("__ge__", d_ge), ("__mul__", d_mul), ("__rmul__", d_rmul), ("__mod__", d_mod)] {
        method(&t.str, n, f);
    }
}
