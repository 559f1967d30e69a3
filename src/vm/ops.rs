//! Object protocols: attribute access, operators, comparison, hashing,
//! truthiness, iteration, indexing, repr/str. Builtin types take native fast
//! paths; instances of user classes dispatch to their dunder methods.

use crate::vm::code::{BinOp, CmpOp, UnOp};
use crate::vm::dict::fast_eq;
use crate::vm::eval::ns_dict;
use crate::vm::exc;
use crate::vm::types::{self, int as pyint, types};
use crate::vm::value::*;
use crate::vm::{Args, Flow, PyResult, Vm};
use num_bigint::BigInt;
use std::sync::Arc;

// ----- classes -----

/// The class of any value (owned).
pub fn class_of(v: &Value) -> ObjRef {
    class_ref(v).clone()
}

/// The class of any value, borrowed (no reference-count traffic).
pub fn class_ref(v: &Value) -> &ObjRef {
    let t = types();
    match v {
        Value::None => &t.none_type,
        Value::Bool(_) => &t.bool,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Obj(o) => {
            if let Some(c) = &o.cls {
                return c;
            }
            match &o.payload {
                Payload::Instance => &t.object,
                Payload::Int(_) => &t.int,
                Payload::Float(_) => &t.float,
                Payload::Complex(..) => &t.complex,
                Payload::Str(_) => &t.str,
                Payload::Bytes(_) => &t.bytes,
                Payload::ByteArray(_) => &t.bytearray,
                Payload::Tuple(_) => &t.tuple,
                Payload::List(_) => &t.list,
                Payload::Dict(_) => &t.dict,
                Payload::Set(_) => &t.set,
                Payload::FrozenSet(_) => &t.frozenset,
                Payload::Range(..) => &t.range,
                Payload::Slice(..) => &t.slice,
                Payload::Function(_) => &t.function,
                Payload::BoundMethod(..) => &t.method,
                Payload::Builtin(b) => {
                    if b.bound.is_some() || b.is_method {
                        &t.builtin_method
                    } else {
                        &t.builtin
                    }
                }
                Payload::Class(c) => c.meta.as_ref().unwrap_or(&t.type_),
                Payload::Module(_) => &t.module,
                Payload::Cell(_) => &t.cell,
                Payload::Generator(g) => match g.kind {
                    GenKind::Generator => &t.generator,
                    GenKind::Coroutine => &t.coroutine,
                    GenKind::AsyncGenerator => &t.async_generator,
                },
                Payload::Iterator(st) => types::iter::iterator_class(st),
                Payload::Exception(_) => t.exceptions.get("BaseException").unwrap(),
                Payload::Property(..) => &t.property,
                Payload::StaticMethod(_) => &t.staticmethod,
                Payload::ClassMethod(_) => &t.classmethod,
                Payload::Super(..) => &t.super_,
                Payload::Singleton(n) => {
                    if *n == "Ellipsis" {
                        &t.ellipsis_type
                    } else {
                        &t.not_implemented_type
                    }
                }
                Payload::Code(_) => &t.code,
                Payload::Native(_) => &t.object,
            }
        }
    }
}

pub fn class_name(cls: &ObjRef) -> String {
    match &cls.payload {
        Payload::Class(c) => lock(&c.name).clone(),
        _ => "?".into(),
    }
}

/// `type(v).__name__`
pub fn type_name(v: &Value) -> String {
    class_name(class_ref(v))
}

/// Is `cls` a subclass of `base` (by MRO)?
pub fn is_subclass(cls: &ObjRef, base: &ObjRef) -> bool {
    if Arc::ptr_eq(cls, base) {
        return true;
    }
    match &cls.payload {
        Payload::Class(c) => c.mro.iter().any(|m| Arc::ptr_eq(m, base)),
        _ => false,
    }
}

pub fn isinstance_cls(v: &Value, cls: &ObjRef) -> bool {
    is_subclass(class_ref(v), cls)
}

/// Find `name` in the class and its MRO.
pub fn lookup_type(cls: &ObjRef, name: &str) -> Option<Value> {
    let Payload::Class(c) = &cls.payload else { return None };
    if let Some(v) = c.dict.get_str(name) {
        return Some(v);
    }
    for m in &c.mro {
        if let Payload::Class(mc) = &m.payload {
            if let Some(v) = mc.dict.get_str(name) {
                return Some(v);
            }
        }
    }
    None
}

/// Like `lookup_type` with an interned str key (pointer-equality fast path).
pub fn lookup_type_v(cls: &ObjRef, name: &Value) -> Option<Value> {
    let Payload::Class(c) = &cls.payload else { return None };
    if let Some(v) = c.dict.get_str_value(name) {
        return Some(v);
    }
    for m in &c.mro {
        if let Payload::Class(mc) = &m.payload {
            if let Some(v) = mc.dict.get_str_value(name) {
                return Some(v);
            }
        }
    }
    None
}

/// The cached CLASS_* flags of a class (0 for non-classes).
#[inline]
pub fn class_flags(cls: &ObjRef) -> u32 {
    match &cls.payload {
        Payload::Class(c) => c.flags.load(std::sync::atomic::Ordering::Acquire),
        _ => 0,
    }
}

/// Could `name` be a data descriptor somewhere in the class's MRO? (A false
/// answer is certain; a true one means "look it up".)
#[inline]
pub fn may_be_data_descr(cls: &ObjRef, name: &Value) -> bool {
    let Payload::Class(c) = &cls.payload else { return true };
    if c.flags.load(std::sync::atomic::Ordering::Acquire) & CLASS_DATA_DESCR == 0 {
        return false;
    }
    match name.as_pystr() {
        Some(ps) => c.descr_bloom.load(std::sync::atomic::Ordering::Acquire) & (1u64 << (ps.hash() as u64 & 63)) != 0,
        None => true,
    }
}

/// Is this a class defined in Python (not a builtin type)?
pub fn is_heap_class(cls: &ObjRef) -> bool {
    matches!(&cls.payload, Payload::Class(c) if !c.builtin)
}

/// A special method defined in Python on the value's class (None for builtins
/// and for methods only the builtin base provides).
pub fn lookup_user_special(v: &Value, name: &str) -> Option<Value> {
    let cls = class_ref(v);
    if !is_heap_class(&cls) {
        return None;
    }
    let Payload::Class(c) = &cls.payload else { return None };
    if let Some(x) = c.dict.get_str(name) {
        return Some(x);
    }
    for m in &c.mro {
        if let Payload::Class(mc) = &m.payload {
            if mc.builtin {
                continue;
            }
            if let Some(x) = mc.dict.get_str(name) {
                return Some(x);
            }
        }
    }
    None
}

/// A special method on the value's class (user-defined or builtin).
pub fn lookup_special(v: &Value, name: &str) -> Option<Value> {
    lookup_type(class_ref(v), name)
}

/// A special method bound to `v`.
pub fn lookup_special_bound(v: &Value, name: &str) -> Option<Value> {
    let f = lookup_special(v, name)?;
    Some(bind(&f, v))
}

/// Bind a function found on a class to an instance.
pub fn bind(f: &Value, inst: &Value) -> Value {
    match f.payload() {
        Some(Payload::Function(_)) => Value::Obj(Obj::new(Payload::BoundMethod(inst.clone(), f.clone()))),
        Some(Payload::Builtin(b)) if b.is_method && b.bound.is_none() => Value::Obj(Obj::new(Payload::Builtin(Builtin {
            name: b.name,
            func: b.func,
            bound: Some(inst.clone()),
            is_method: true,
            data: b.data.clone(),
        }))),
        Some(Payload::ClassMethod(func)) => {
            Value::Obj(Obj::new(Payload::BoundMethod(Value::Obj(class_of(inst)), func.clone())))
        }
        Some(Payload::StaticMethod(func)) => func.clone(),
        _ => f.clone(),
    }
}

/// Call a user-defined or builtin special method; TypeError with `msg` if absent.
pub fn call_special(vm: &mut Vm, v: &Value, name: &str, args: Vec<Value>, msg: &str) -> PyResult {
    match lookup_special(v, name) {
        Some(f) => {
            let mut a = vec![v.clone()];
            a.extend(args);
            vm.call(&f, a)
        }
        None => Err(vm.type_error(format!("{} '{}'", msg, type_name(v)))),
    }
}

/// `obj.name(*args)`
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
    let (f, recv) = load_method(vm, obj, &crate::vm::intern(name))?;
    let mut a = Vec::with_capacity(args.len() + 1);
    if let Some(r) = recv {
        a.push(r);
    }
    a.extend(args);
    vm.call(&f, a)
}

// ----- attributes -----

fn is_data_descriptor(d: &Value) -> bool {
    match d.payload() {
        Some(Payload::Property(..)) => true,
        Some(Payload::Instance) | Some(Payload::Native(_)) => {
            let c = class_of(d);
            is_heap_class(&c) && (lookup_type(&c, "__set__").is_some() || lookup_type(&c, "__delete__").is_some())
        }
        _ => false,
    }
}

/// Apply the descriptor protocol to a class attribute found for `inst`.
fn descr_get(vm: &mut Vm, d: Value, inst: &Value) -> PyResult {
    match d.payload() {
        Some(Payload::Function(_)) | Some(Payload::ClassMethod(_)) | Some(Payload::StaticMethod(_)) => Ok(bind(&d, inst)),
        Some(Payload::Builtin(b)) if b.is_method => Ok(bind(&d, inst)),
        Some(Payload::Property(fget, ..)) => {
            if fget.is_none() {
                return Err(vm.attr_error("property has no getter".to_string()));
            }
            let fget = fget.clone();
            vm.call(&fget, vec![inst.clone()])
        }
        Some(Payload::Instance) | Some(Payload::Native(_)) => {
            let c = class_of(&d);
            if is_heap_class(&c) {
                if let Some(get) = lookup_type(&c, "__get__") {
                    let owner = Value::Obj(class_of(inst));
                    return vm.call(&get, vec![d.clone(), inst.clone(), owner]);
                }
            }
            Ok(d)
        }
        _ => Ok(d),
    }
}

pub fn getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult {
    match getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attr_missing(vm, obj, name)),
    }
}

/// The AttributeError for a missing attribute, in CPython's words.
pub fn attr_missing(vm: &Vm, obj: &Value, name: &Value) -> Flow {
    let n = name.as_str().unwrap_or("");
    match obj.payload() {
        Some(Payload::Module(m)) => vm.attr_error(format!("module '{}' has no attribute '{}'", m.name, n)),
        Some(Payload::Class(c)) => vm.attr_error(format!("type object '{}' has no attribute '{}'", lock(&c.name), n)),
        _ => vm.attr_error(format!("'{}' object has no attribute '{}'", type_name(obj), n)),
    }
}

/// The instance dict that decides `obj.name` outright, if it holds the name:
/// an instance of a Python class with no `__getattribute__` and no data
/// descriptor that could be called `name` (getattr_opt's fast path).
#[inline]
pub fn plain_instance_dict<'a>(obj: &'a Value, name: &Value) -> Option<&'a crate::vm::dict::Dict> {
    let Value::Obj(o) = obj else { return None };
    plain_dict(o, name, CLASS_GETATTRIBUTE)
}

/// The instance dict that `obj.name = v` writes straight into: `obj` is a
/// plain instance of a Python class with no `__setattr__` and no data
/// descriptor that could be called `name` (generic_setattr's common case),
/// and the name is not `__dict__` (assigning that replaces the contents).
#[inline]
pub fn plain_store_dict<'a>(obj: &'a Value, name: &Value) -> Option<&'a crate::vm::dict::Dict> {
    let Value::Obj(o) = obj else { return None };
    if !matches!(o.payload, Payload::Instance) || name.as_str() == Some("__dict__") {
        return None;
    }
    plain_dict(o, name, CLASS_SETATTR)
}

/// `obj.name = val` at an attribute store site: straight into a plain
/// instance's dict, trying the site's `hint` first, else `setattr`.
#[inline]
pub fn setattr_at(vm: &mut Vm, obj: &Value, name: &Value, val: Value, hint: &std::sync::atomic::AtomicU32) -> PyResult<()> {
    match plain_store_dict(obj, name) {
        Some(dict) => {
            dict.set_str_value_hinted(name, val, hint);
            Ok(())
        }
        None => setattr(vm, obj, name, val),
    }
}

/// `f` applied to a plain instance's own attribute `name`, read at an
/// attribute load site (its `hint` tried first) under the dict's lock; None
/// when the instance dict does not decide it (use `getattr`).
#[inline]
pub fn with_instance_attr<R>(obj: &Value, name: &Value, hint: &std::sync::atomic::AtomicU32, f: impl FnOnce(&Value) -> R) -> Option<R> {
    plain_instance_dict(obj, name)?.with_str_value_hinted(name, hint, f)
}

/// `o`'s instance dict, if its class is a Python class with none of the
/// `veto` flags and no data descriptor that could be called `name`.
#[inline(always)]
fn plain_dict<'a>(o: &'a Obj, name: &Value, veto: u32) -> Option<&'a crate::vm::dict::Dict> {
    let dict = o.dict.as_ref()?;
    let cls = o.cls.as_ref()?;
    let Payload::Class(c) = &cls.payload else { return None };
    if c.builtin || c.flags.load(std::sync::atomic::Ordering::Acquire) & veto != 0 || may_be_data_descr(cls, name) {
        return None;
    }
    Some(dict)
}

/// Attribute lookup; Ok(None) when missing (no exception object built).
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let name_s = name.as_str().unwrap_or("");
    if let Value::Obj(o) = obj {
        match &o.payload {
            Payload::Class(_) => return types::object::class_getattr(vm, o, name),
            Payload::Module(m) => {
                if let Some(v) = ns_dict(&m.dict).get_str_value(name) {
                    return Ok(Some(v));
                }
                if name_s == "__dict__" {
                    return Ok(Some(Value::Obj(m.dict.clone())));
                }
                if let Some(ga) = ns_dict(&m.dict).get_str("__getattr__") {
                    return vm.call(&ga, vec![name.clone()]).map(Some);
                }
                return Ok(None);
            }
            _ => {}
        }
    }
    // Fast path: no data descriptors or hooks anywhere in the MRO, so the
    // instance dict wins outright.
    if let Some(dict) = plain_instance_dict(obj, name) {
        if let Some(v) = dict.get_str_value(name) {
            return Ok(Some(v));
        }
    }
    let cls = class_ref(obj);
    let heap = is_heap_class(cls);
    let flags = class_flags(cls);
    // A user-defined __getattribute__ overrides everything.
    if heap && flags & CLASS_GETATTRIBUTE != 0 {
        if let Some(ga) = lookup_user_special(obj, "__getattribute__") {
            return match vm.call(&ga, vec![obj.clone(), name.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.is_exc(&e, "AttributeError") => getattr_hook(vm, obj, name, e),
                Err(e) => Err(e),
            };
        }
    }
    let descr = crate::vm::cache::lookup_type_cached(cls, name);
    if let Some(d) = &descr {
        if is_data_descriptor(d) {
            return descr_get(vm, d.clone(), obj).map(Some);
        }
    }
    if let Value::Obj(o) = obj {
        if let Some(dict) = &o.dict {
            if let Some(v) = dict.get_str_value(name) {
                return Ok(Some(v));
            }
        }
    }
    if let Some(v) = types::object::builtin_attr(vm, obj, name_s)? {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return descr_get(vm, d, obj).map(Some);
    }
    if heap && flags & CLASS_GETATTR != 0 {
        if let Some(ga) = lookup_user_special(obj, "__getattr__") {
            return vm.call(&ga, vec![obj.clone(), name.clone()]).map(Some);
        }
    }
    Ok(None)
}

/// object.__getattribute__: the generic attribute lookup, bypassing a
/// user-defined __getattribute__ and __getattr__ (classes and modules use
/// their own lookup).
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Value::Obj(o) = obj {
        if let Payload::Class(_) | Payload::Module(_) = &o.payload {
            return getattr_opt(vm, obj, name);
        }
    }
    let cls = class_of(obj);
    let descr = crate::vm::cache::lookup_type_cached(&cls, name);
    if let Some(d) = &descr {
        if is_data_descriptor(d) {
            return descr_get(vm, d.clone(), obj).map(Some);
        }
    }
    if let Value::Obj(o) = obj {
        if let Some(dict) = &o.dict {
            if let Some(v) = dict.get_str_value(name) {
                return Ok(Some(v));
            }
        }
    }
    if let Some(v) = types::object::builtin_attr(vm, obj, name.as_str().unwrap_or(""))? {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return descr_get(vm, d, obj).map(Some);
    }
    Ok(None)
}

fn getattr_hook(vm: &mut Vm, obj: &Value, name: &Value, e: Flow) -> PyResult<Option<Value>> {
    match lookup_user_special(obj, "__getattr__") {
        Some(ga) => vm.call(&ga, vec![obj.clone(), name.clone()]).map(Some),
        None => Err(e),
    }
}

pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, val: Value) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        match &o.payload {
            Payload::Class(c) => {
                if c.builtin {
                    return Err(vm.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str().unwrap_or(""),
                        lock(&c.name)
                    )));
                }
                match name.as_str() {
                    Some("__name__") => {
                        *lock(&c.name) = val.as_str().unwrap_or("").to_string();
                        return Ok(());
                    }
                    Some("__qualname__") => {
                        *lock(&c.qualname) = val.as_str().unwrap_or("").to_string();
                        return Ok(());
                    }
                    _ => {}
                }
                c.dict.set_str_value(name, val);
                types::object::recompute_flags(o);
                return Ok(());
            }
            Payload::Module(m) => {
                ns_dict(&m.dict).set_str_value(name, val);
                return Ok(());
            }
            _ => {}
        }
    }
    let cls = class_ref(obj);
    if is_heap_class(cls) && class_flags(cls) & CLASS_SETATTR != 0 {
        if let Some(sa) = lookup_user_special(obj, "__setattr__") {
            vm.call(&sa, vec![obj.clone(), name.clone(), val])?;
            return Ok(());
        }
    }
    generic_setattr(vm, obj, name, val)
}

/// object.__setattr__: data descriptors, then the instance dict.
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, val: Value) -> PyResult<()> {
    let cls = class_ref(obj);
    let descr = if is_heap_class(cls) && !may_be_data_descr(cls, name) { None } else { crate::vm::cache::lookup_type_cached(cls, name) };
    if let Some(d) = descr {
        match d.payload() {
            Some(Payload::Property(_, fset, _, _)) => {
                if fset.is_none() {
                    return Err(vm.attr_error(format!(
                        "property '{}' of '{}' object has no setter",
                        name.as_str().unwrap_or(""),
                        class_name(&cls)
                    )));
                }
                let fset = fset.clone();
                vm.call(&fset, vec![obj.clone(), val])?;
                return Ok(());
            }
            Some(Payload::Instance) | Some(Payload::Native(_)) => {
                let dc = class_of(&d);
                if is_heap_class(&dc) {
                    if let Some(set) = lookup_type(&dc, "__set__") {
                        vm.call(&set, vec![d.clone(), obj.clone(), val])?;
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
    }
    if let Value::Obj(o) = obj {
        if let Payload::Exception(e) = &o.payload {
            match name.as_str() {
                Some("__cause__") => {
                    *lock(&e.cause) = val;
                    e.suppress_context.store(true, std::sync::atomic::Ordering::Relaxed);
                    return Ok(());
                }
                Some("__context__") => {
                    *lock(&e.context) = val;
                    return Ok(());
                }
                Some("args") => {
                    let items = iterate(vm, &val)?;
                    *lock(&e.args) = Value::tuple(items);
                    return Ok(());
                }
                Some("__traceback__") => {
                    types::exceptions::set_traceback(obj, &val);
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(dict) = &o.dict {
            // `obj.__dict__ = d` takes d's items: the instance keeps its own
            // dict object, so later changes to d itself are not seen.
            if name.as_str() == Some("__dict__") {
                return match val.payload() {
                    Some(Payload::Dict(new)) => {
                        dict.replace_from(new);
                        Ok(())
                    }
                    _ => Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", type_name(&val)))),
                };
            }
            if let Payload::Function(f) = &o.payload {
                match name.as_str() {
                    Some("__name__") => *lock(&f.name) = val.as_str().unwrap_or("").to_string(),
                    Some("__qualname__") => *lock(&f.qualname) = val.as_str().unwrap_or("").to_string(),
                    _ => {}
                }
            }
            dict.set_str_value(name, val);
            return Ok(());
        }
    }
    if types::object::builtin_attr(vm, obj, name.as_str().unwrap_or(""))?.is_some() {
        return Err(vm.attr_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            name.as_str().unwrap_or(""),
            type_name(obj)
        )));
    }
    Err(vm.attr_error(format!("'{}' object has no attribute '{}'", type_name(obj), name.as_str().unwrap_or(""))))
}

pub fn delattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<()> {
    let cls = class_of(obj);
    if is_heap_class(&cls) {
        if let Some(da) = lookup_user_special(obj, "__delattr__") {
            vm.call(&da, vec![obj.clone(), name.clone()])?;
            return Ok(());
        }
    }
    generic_delattr(vm, obj, name)
}

pub fn generic_delattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<()> {
    let cls = class_of(obj);
    if let Some(d) = lookup_type_v(&cls, name) {
        if let Some(Payload::Property(_, _, fdel, _)) = d.payload() {
            if fdel.is_none() {
                return Err(vm.attr_error(format!(
                    "property '{}' of '{}' object has no deleter",
                    name.as_str().unwrap_or(""),
                    class_name(&cls)
                )));
            }
            let fdel = fdel.clone();
            vm.call(&fdel, vec![obj.clone()])?;
            return Ok(());
        }
    }
    if let Value::Obj(o) = obj {
        let dict = match &o.payload {
            Payload::Class(c) => Some(&c.dict),
            Payload::Module(m) => Some(ns_dict(&m.dict)),
            _ => o.dict.as_deref(),
        };
        if let Some(d) = dict {
            if d.remove_str(name.as_str().unwrap_or("")).is_some() {
                return Ok(());
            }
        }
    }
    Err(attr_missing(vm, obj, name))
}

/// `f` applied to the class's function for `obj.name(...)` when the common
/// case holds: a plain function (or method descriptor) found on the class,
/// not shadowed by the instance's dict, and no `__getattribute__`; the call
/// then takes `obj` as its first argument. None: look the attribute up.
#[inline]
fn with_plain_method<R>(obj: &Value, name: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
    let dict = match obj {
        Value::Obj(o) if matches!(o.payload, Payload::Class(_) | Payload::Module(_) | Payload::Super(..)) => return None,
        Value::Obj(o) => o.dict.as_ref(),
        _ => None,
    };
    let cls = class_ref(obj);
    let Payload::Class(c) = &cls.payload else { return None };
    if c.flags.load(std::sync::atomic::Ordering::Acquire) & CLASS_GETATTRIBUTE != 0 {
        return None;
    }
    crate::vm::cache::with_type_attr(cls, name, |d| {
        let plain = match d.payload() {
            Some(Payload::Function(_)) => true,
            Some(Payload::Builtin(b)) => b.is_method && b.bound.is_none(),
            _ => false,
        };
        let shadowed = || {
            dict.is_some_and(|dd| name.as_pystr().is_none_or(|n| dd.may_contain_str(n)) && dd.with_str_value(name, |_| ()).is_some())
        };
        (plain && !shadowed()).then(|| f(d))
    })
    .flatten()
}

/// `obj.name` as a method in the common case (`with_plain_method`): pushes
/// the function and the receiver straight onto `stack` and returns true;
/// false: use `load_method`.
#[inline]
pub fn push_method(obj: &Value, name: &Value, stack: &mut Vec<Value>) -> bool {
    with_plain_method(obj, name, |d| {
        stack.push(d.clone());
        stack.push(obj.clone());
    })
    .is_some()
}

/// For `obj.name(...)`: returns (function, Some(self)) when the method can be
/// called unbound with `self` prepended, else (attribute, None).
pub fn load_method(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    match with_plain_method(obj, name, Value::clone) {
        Some(d) => Ok((d, Some(obj.clone()))),
        None => Ok((getattr(vm, obj, name)?, None)),
    }
}

// ----- truthiness, len, hash -----

pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Obj(o) => {
            if o.cls.is_some() && is_heap_class(o.cls.as_ref().unwrap()) {
                if let Some(b) = lookup_user_special(v, "__bool__") {
                    let r = vm.call(&b, vec![v.clone()])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(vm.type_error(format!("__bool__ should return bool, returned {}", type_name(&r)))),
                    };
                }
                if let Some(l) = lookup_user_special(v, "__len__") {
                    let r = vm.call(&l, vec![v.clone()])?;
                    return Ok(to_index(vm, &r)? != 0);
                }
            }
            match &o.payload {
                Payload::Int(i) => i.sign() != num_bigint::Sign::NoSign,
                Payload::Float(f) => *f != 0.0,
                Payload::Complex(a, b) => *a != 0.0 || *b != 0.0,
                Payload::Str(s) => !s.s.is_empty(),
                Payload::Bytes(b) => !b.is_empty(),
                Payload::ByteArray(b) => !lock(b).is_empty(),
                Payload::Tuple(t) => !t.is_empty(),
                Payload::List(l) => !lock(l).is_empty(),
                Payload::Dict(d) | Payload::Set(d) | Payload::FrozenSet(d) => !d.is_empty(),
                Payload::Range(..) => types::range::range_len(v) != 0,
                _ => {
                    if let Some(n) = types::native_len(vm, v)? {
                        n != 0
                    } else {
                        true
                    }
                }
            }
        }
    })
}

pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Value::Obj(o) = v {
        if o.cls.is_some() {
            if let Some(l) = lookup_user_special(v, "__len__") {
                let r = vm.call(&l, vec![v.clone()])?;
                let n = to_index(vm, &r)?;
                if n < 0 {
                    return Err(vm.value_error("__len__() should return >= 0"));
                }
                return Ok(n as usize);
            }
        }
        let n = match &o.payload {
            Payload::Str(s) => Some(s.nchars),
            Payload::Bytes(b) => Some(b.len()),
            Payload::ByteArray(b) => Some(lock(b).len()),
            Payload::Tuple(t) => Some(t.len()),
            Payload::List(l) => Some(lock(l).len()),
            Payload::Dict(d) | Payload::Set(d) | Payload::FrozenSet(d) => Some(d.len()),
            Payload::Range(..) => Some(types::range::range_len(v) as usize),
            _ => types::native_len(vm, v)?,
        };
        if let Some(n) = n {
            return Ok(n);
        }
    }
    Err(vm.type_error(format!("object of type '{}' has no len()", type_name(v))))
}

/// CPython's hash of an int: value modulo 2**61 - 1.
pub fn hash_i64(i: i64) -> i64 {
    const M: i128 = (1 << 61) - 1;
    let r = (i as i128).rem_euclid(M);
    let h = if i < 0 { -((-(i as i128)).rem_euclid(M)) } else { r } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    use num_traits::ToPrimitive;
    let m = BigInt::from((1i64 << 61) - 1);
    let neg = b.sign() == num_bigint::Sign::Minus;
    let r = (if neg { -b } else { b.clone() }) % &m;
    let h = r.to_i64().unwrap_or(0);
    let h = if neg { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float (so that hash(1.0) == hash(1)).
pub fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_i64(f as i64);
    }
    const BITS: i32 = 61;
    const M: u64 = (1 << BITS) - 1;
    let (mut m, mut e) = frexp(f.abs());
    let sign = if f < 0.0 { -1i64 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & M) | x >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= M {
            x -= M;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & M) | x >> (BITS - e);
    let h = (x as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::None => Ok(0x5f3759df),
        Value::Bool(b) => Ok(*b as i64),
        Value::Int(i) => Ok(hash_i64(*i)),
        Value::Float(f) => Ok(hash_f64(*f)),
        Value::Obj(o) => {
            if let Some(cls) = &o.cls {
                if is_heap_class(cls) {
                    match lookup_user_special(v, "__hash__") {
                        Some(h) if h.is_none() => {
                            return Err(vm.type_error(format!("unhashable type: '{}'", type_name(v))));
                        }
                        Some(h) => {
                            let r = vm.call(&h, vec![v.clone()])?;
                            return match r {
                                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                Value::Bool(b) => Ok(b as i64),
                                _ => match r.payload() {
                                    Some(Payload::Int(b)) => Ok(hash_bigint(b)),
                                    _ => Err(vm.type_error("__hash__ method should return an integer")),
                                },
                            };
                        }
                        None => {
                            if lookup_user_special(v, "__eq__").is_some() {
                                return Err(vm.type_error(format!("unhashable type: '{}'", type_name(v))));
                            }
                        }
                    }
                }
            }
            match &o.payload {
                Payload::Str(s) => Ok(s.hash()),
                Payload::Int(b) => Ok(hash_bigint(b)),
                Payload::Float(f) => Ok(hash_f64(*f)),
                Payload::Complex(re, im) => {
                    let h = hash_f64(*re).wrapping_add(1000003i64.wrapping_mul(hash_f64(*im)));
                    Ok(if h == -1 { -2 } else { h })
                }
                Payload::Bytes(b) => Ok(crate::vm::value::str_hash(&String::from_utf8_lossy(b))),
                Payload::Tuple(items) => {
                    // CPython's xxHash-based tuple hash.
                    const P1: u64 = 11400714785074694791;
                    const P2: u64 = 14029467366897019727;
                    const P5: u64 = 2870177450012600261;
                    let mut acc: u64 = P5;
                    for it in items.iter() {
                        let lane = nested(vm, "", |vm| hash(vm, it))? as u64;
                        acc = acc.wrapping_add(lane.wrapping_mul(P2));
                        acc = acc.rotate_left(31);
                        acc = acc.wrapping_mul(P1);
                    }
                    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
                    let h = acc as i64;
                    Ok(if h == -1 { 1546275796 } else { h })
                }
                Payload::FrozenSet(d) => {
                    let mut h: u64 = 0;
                    for (hh, _, _) in d.hashed_items() {
                        let x = hh as u64;
                        h ^= (x ^ (x << 16) ^ 89869747).wrapping_mul(3644798167);
                    }
                    Ok((h ^ ((d.len() as u64 + 1).wrapping_mul(1927868237))) as i64 >> 1)
                }
                Payload::Range(a, b, c) => Ok(hash_i64(a.wrapping_mul(31).wrapping_add(*b).wrapping_mul(31).wrapping_add(*c))),
                Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::ByteArray(_) | Payload::Slice(..) => {
                    Err(vm.type_error(format!("unhashable type: '{}'", type_name(v))))
                }
                Payload::BoundMethod(a, b) => {
                    let ha = hash(vm, a).unwrap_or(0);
                    Ok(ha ^ (b.id() as i64 >> 4))
                }
                _ => Ok((v.id() >> 4) as i64),
            }
        }
    }
}

// ----- equality and comparison -----

/// Equality as containers use it (identity first, like PyObject_RichCompareBool).
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if let Some(r) = fast_eq(a, b) {
        return Ok(r);
    }
    // Nested containers compare their items through here, on the Rust stack.
    let r = nested(vm, " in comparison", |vm| compare(vm, CmpOp::Eq, a, b))?;
    truthy(vm, &r)
}

/// How deeply Rust code may recurse through nested data (comparing or
/// hashing containers of containers), as CPython's C recursion check: past
/// it, RecursionError instead of a stack overflow. A level costs far less
/// stack than a nested eval loop (MAX_NATIVE_DEPTH).
#[cfg(not(target_arch = "wasm32"))]
const MAX_DATA_DEPTH: u32 = 1000;
#[cfg(target_arch = "wasm32")]
const MAX_DATA_DEPTH: u32 = 250;

thread_local! {
    static DATA_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Run `f` one level deeper into nested data.
pub fn nested<T>(vm: &mut Vm, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let depth = DATA_DEPTH.with(|d| d.get());
    if depth >= MAX_DATA_DEPTH {
        return Err(vm.err(&types().exc("RecursionError"), format!("maximum recursion depth exceeded{what}")));
    }
    DATA_DEPTH.with(|d| d.set(depth + 1));
    let r = f(vm);
    DATA_DEPTH.with(|d| d.set(depth));
    r
}

/// Numeric view of a value for mixed comparisons/arithmetic.
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

pub fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Int(i) => Some(Num::I(*i)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(Num::B(b.clone())),
            Payload::Float(f) => Some(Num::F(*f)),
            _ => None,
        },
        _ => None,
    }
}

fn num_cmp(a: &Num, b: &Num) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => int_float_cmp(&BigInt::from(*x), *y),
        (Num::F(x), Num::I(y)) => int_float_cmp(&BigInt::from(*y), *x).map(|o| o.reverse()),
        (Num::B(x), Num::F(y)) => int_float_cmp(x, *y),
        (Num::F(x), Num::B(y)) => int_float_cmp(y, *x).map(|o| o.reverse()),
        (Num::B(x), Num::B(y)) => Some(x.cmp(y)),
        (Num::B(x), Num::I(y)) => Some(x.cmp(&BigInt::from(*y))),
        (Num::I(x), Num::B(y)) => Some(BigInt::from(*x).cmp(y)),
    }
}

/// Numeric ordering of two numbers (None if either isn't a number;
/// Some(None) when unordered, e.g. NaN).
pub fn num_ordering(a: &Value, b: &Value) -> Option<Option<std::cmp::Ordering>> {
    Some(num_cmp(&as_num(a)?, &as_num(b)?))
}

/// Exact comparison of an int with a float.
fn int_float_cmp(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use num_traits::FromPrimitive;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl)?;
    match i.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// Whether ordering `o` satisfies comparison `op` (None = unordered, e.g. NaN).
pub fn ord_result(op: CmpOp, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    match (op, o) {
        (CmpOp::Ne, None) => true,
        (_, None) => false,
        (CmpOp::Lt, Some(o)) => o == Less,
        (CmpOp::Le, Some(o)) => o != Greater,
        (CmpOp::Eq, Some(o)) => o == Equal,
        (CmpOp::Ne, Some(o)) => o != Equal,
        (CmpOp::Gt, Some(o)) => o == Greater,
        (CmpOp::Ge, Some(o)) => o != Less,
    }
}

/// Lexicographic comparison of two sequences.
fn seq_compare(vm: &mut Vm, op: CmpOp, a: &[Value], b: &[Value]) -> PyResult<bool> {
    let n = a.len().min(b.len());
    for i in 0..n {
        if !eq(vm, &a[i], &b[i])? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = compare(vm, op, &a[i], &b[i])?;
                    truthy(vm, &r)
                }
            };
        }
    }
    Ok(ord_result(op, Some(a.len().cmp(&b.len()))))
}

pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult {
    // User-defined rich comparisons first (with the reflected fallback).
    let a_heap = matches!(a, Value::Obj(o) if o.cls.as_ref().map(is_heap_class).unwrap_or(false));
    let b_heap = matches!(b, Value::Obj(o) if o.cls.as_ref().map(is_heap_class).unwrap_or(false));
    if a_heap || b_heap {
        // If b's type is a proper subclass of a's that overrides the reflection, try it first.
        let ca = class_of(a);
        let cb = class_of(b);
        let b_first = b_heap && !Arc::ptr_eq(&ca, &cb) && is_subclass(&cb, &ca);
        let order: [(bool, &Value, &Value, CmpOp); 2] =
            if b_first { [(b_heap, b, a, op.swapped()), (a_heap, a, b, op)] } else { [(a_heap, a, b, op), (b_heap, b, a, op.swapped())] };
        for (heap, x, y, o) in order {
            if !heap {
                continue;
            }
            if let Some(f) = lookup_user_special(x, o.dunder()) {
                let r = vm.call(&f, vec![x.clone(), y.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            } else if o == CmpOp::Ne {
                if let Some(f) = lookup_user_special(x, "__eq__") {
                    let r = vm.call(&f, vec![x.clone(), y.clone()])?;
                    if !r.is(&types().not_implemented) {
                        return Ok(Value::Bool(!truthy(vm, &r)?));
                    }
                }
            }
        }
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(Value::Bool(ord_result(op, num_cmp(&x, &y))));
    }
    // complex == number
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let cx = |v: &Value| match v.payload() {
            Some(Payload::Complex(r, i)) => Some((*r, *i)),
            _ => as_num(v).map(|n| match n {
                Num::I(i) => (i as f64, 0.0),
                Num::B(b) => (num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY), 0.0),
                Num::F(f) => (f, 0.0),
            }),
        };
        if matches!(a.payload(), Some(Payload::Complex(..))) || matches!(b.payload(), Some(Payload::Complex(..))) {
            if let (Some(x), Some(y)) = (cx(a), cx(b)) {
                return Ok(Value::Bool((x == y) == (op == CmpOp::Eq)));
            }
        }
    }
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        match (&x.payload, &y.payload) {
            (Payload::Str(p), Payload::Str(q)) => return Ok(Value::Bool(ord_result(op, Some(p.s.cmp(&q.s))))),
            (Payload::Bytes(p), Payload::Bytes(q)) => return Ok(Value::Bool(ord_result(op, Some(p.cmp(q))))),
            (Payload::Tuple(p), Payload::Tuple(q)) => {
                let (p, q) = (p.to_vec(), q.to_vec());
                return Ok(Value::Bool(seq_compare(vm, op, &p, &q)?));
            }
            (Payload::List(p), Payload::List(q)) => {
                let p = lock(p).clone();
                let q = lock(q).clone();
                return Ok(Value::Bool(seq_compare(vm, op, &p, &q)?));
            }
            (Payload::Complex(a1, b1), Payload::Complex(a2, b2)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                return Ok(Value::Bool((a1 == a2 && b1 == b2) == (op == CmpOp::Eq)));
            }
            (Payload::Dict(p), Payload::Dict(q)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = types::dict::dict_eq(vm, p, q)?;
                return Ok(Value::Bool(e == (op == CmpOp::Eq)));
            }
            (Payload::Set(p) | Payload::FrozenSet(p), Payload::Set(q) | Payload::FrozenSet(q)) => {
                return Ok(Value::Bool(types::set::set_compare(vm, op, p, q)?));
            }
            (Payload::BoundMethod(r1, f1), Payload::BoundMethod(r2, f2)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                return Ok(Value::Bool((r1.is(r2) && f1.is(f2)) == (op == CmpOp::Eq)));
            }
            (Payload::Range(..), Payload::Range(..)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = types::range::range_eq(a, b);
                return Ok(Value::Bool(e == (op == CmpOp::Eq)));
            }
            _ => {}
        }
        if let Some(r) = types::native_compare(vm, op, a, b)? {
            return Ok(r);
        }
    }
    for (x, y, o) in [(a, b, op), (b, a, op.swapped())] {
        if matches!(x.payload(), Some(Payload::Native(_))) {
            if let Some(f) = lookup_special(x, o.dunder()) {
                let r = vm.call(&f, vec![x.clone(), y.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b))),
        CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

/// `a < b` as a bool (for sorting, min, max).
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    let r = compare(vm, CmpOp::Lt, a, b)?;
    truthy(vm, &r)
}

// ----- arithmetic -----

pub fn binary_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult {
    // Instances of Python classes, and classes whose metaclass is one.
    let a_heap = matches!(a, Value::Obj(_)) && is_heap_class(class_ref(a));
    let b_heap = matches!(b, Value::Obj(_)) && is_heap_class(class_ref(b));
    if a_heap || b_heap {
        // CPython's order: the right operand's reflected method first only when
        // its type is a proper subclass of the left's; then the left operand
        // (its Python method, or the builtin operation); then the reflection.
        let (fwd, rev, _) = op.dunders();
        let ca = class_ref(a);
        let cb = class_ref(b);
        let same = Arc::ptr_eq(ca, cb);
        let b_first = b_heap && !same && is_subclass(cb, ca) && lookup_user_special(b, rev).is_some();
        if b_first {
            if let Some(f) = lookup_user_special(b, rev) {
                let r = vm.call(&f, vec![b.clone(), a.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            }
        }
        let a_fwd = if a_heap { lookup_user_special(a, fwd) } else { None };
        match a_fwd {
            Some(f) => {
                let r = vm.call(&f, vec![a.clone(), b.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            }
            None if !a_heap => match types::native_binop(vm, op, a, b) {
                Ok(Some(r)) => return Ok(r),
                Ok(None) => {}
                // A builtin that rejects the operand type (e.g. str + obj) still
                // lets the right operand's reflected method try.
                Err(e) if b_heap && vm.is_exc(&e, "TypeError") => {
                    if let Some(f) = lookup_user_special(b, rev) {
                        let r = vm.call(&f, vec![b.clone(), a.clone()])?;
                        if !r.is(&types().not_implemented) {
                            return Ok(r);
                        }
                    }
                    return Err(e);
                }
                Err(e) => return Err(e),
            },
            None => {}
        }
        if b_heap && !same && !b_first {
            if let Some(f) = lookup_user_special(b, rev) {
                let r = vm.call(&f, vec![b.clone(), a.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    if let Some(r) = types::native_binop(vm, op, a, b)? {
        return Ok(r);
    }
    // Objects implemented by stdlib modules expose operators as native dunders.
    let (fwd, rev, _) = op.dunders();
    for (x, y, name) in [(a, b, fwd), (b, a, rev)] {
        if matches!(x.payload(), Some(Payload::Native(_))) {
            if let Some(f) = lookup_special(x, name) {
                let r = vm.call(&f, vec![x.clone(), y.clone()])?;
                if !r.is(&types().not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    if op == BinOp::Mul && (a.as_str().is_some() || matches!(a.payload(), Some(Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)))) {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b))));
    }
    if op == BinOp::Mul && (b.as_str().is_some() || matches!(b.payload(), Some(Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)))) {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a))));
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    )))
}

pub fn inplace_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult {
    let a_heap = matches!(a, Value::Obj(o) if o.cls.as_ref().map(is_heap_class).unwrap_or(false));
    if a_heap {
        let (_, _, inplace) = op.dunders();
        if let Some(f) = lookup_user_special(a, inplace) {
            let r = vm.call(&f, vec![a.clone(), b.clone()])?;
            if !r.is(&types().not_implemented) {
                return Ok(r);
            }
        }
    }
    // Mutable builtins update in place.
    if let Some(r) = types::native_inplace(vm, op, a, b)? {
        return Ok(r);
    }
    let r = binary_op(vm, op, a, b);
    if let Err(Flow::Exc(e)) = &r {
        if isinstance_cls(e, &types().exc("TypeError")) && op != BinOp::Pow {
            let msg = exc::exc_message(e);
            if msg.starts_with("unsupported operand type(s) for ") {
                return Err(vm.type_error(msg.replacen(&format!("for {}:", op.symbol()), &format!("for {}=:", op.symbol()), 1)));
            }
        }
    }
    r
}

pub fn unary_op(vm: &mut Vm, op: UnOp, v: &Value) -> PyResult {
    let name = match op {
        UnOp::Neg => "__neg__",
        UnOp::Pos => "__pos__",
        UnOp::Invert => "__invert__",
        UnOp::Not => unreachable!(),
    };
    if let Some(f) = lookup_user_special(v, name) {
        return vm.call(&f, vec![v.clone()]);
    }
    if let Some(r) = types::native_unary(vm, op, v)? {
        return Ok(r);
    }
    let sym = match op {
        UnOp::Neg => "-",
        UnOp::Pos => "+",
        _ => "~",
    };
    Err(vm.type_error(format!("bad operand type for unary {}: '{}'", sym, type_name(v))))
}

/// An integer index from an int, bool, or object with __index__.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => {
                use num_traits::ToPrimitive;
                b.to_i64().ok_or_else(|| {
                    vm.err(&types().exc("IndexError"), "cannot fit 'int' into an index-sized integer")
                })
            }
            _ => {
                if let Some(f) = lookup_user_special(v, "__index__") {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return to_index(vm, &r);
                }
                Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
            }
        },
        _ => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Ok(*f),
            Payload::Int(b) => pyint::bigint_to_f64(vm, b),
            _ => {
                if let Some(f) = lookup_user_special(v, "__float__") {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return to_f64(vm, &r);
                }
                if let Some(f) = lookup_user_special(v, "__index__") {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return to_f64(vm, &r);
                }
                Err(vm.type_error(format!("must be real number, not {}", type_name(v))))
            }
        },
        _ => Err(vm.type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

// ----- containers -----

/// `i` as an index into a sequence of `len` items, a negative `i` counting
/// from the end; None when it is out of range.
#[inline]
pub fn seq_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (j >= 0 && j < n).then_some(j as usize)
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    if let Value::Obj(o) = obj {
        if let (Payload::List(l), Value::Int(i)) = (&o.payload, key) {
            if o.cls.is_none() {
                let l = lock(l);
                if let Some(j) = seq_index(*i, l.len()) {
                    return Ok(l[j].clone());
                }
                return Err(vm.index_error("list index out of range"));
            }
        }
        if o.cls.is_some() {
            if let Some(f) = lookup_user_special(obj, "__getitem__") {
                return vm.call(&f, vec![obj.clone(), key.clone()]);
            }
        }
        if let Payload::Class(_) = &o.payload {
            if let Some(f) = lookup_type(o, "__class_getitem__") {
                let f = bind(&f, obj);
                let f = match f.payload() {
                    Some(Payload::BoundMethod(..)) => f,
                    _ => Value::Obj(Obj::new(Payload::BoundMethod(obj.clone(), f))),
                };
                return vm.call(&f, vec![key.clone()]);
            }
            // Generic aliases like list[int] evaluate to the class itself.
            if matches!(&o.payload, Payload::Class(c) if c.builtin) {
                return Ok(obj.clone());
            }
        }
    }
    match types::native_getitem(vm, obj, key)? {
        Some(v) => Ok(v),
        None => {
            if let Value::Obj(o) = obj {
                if let Payload::Class(_) = o.payload {
                    return Err(vm.type_error(format!("type '{}' is not subscriptable", class_name(o))));
                }
            }
            Err(vm.type_error(format!("'{}' object is not subscriptable", type_name(obj))))
        }
    }
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: Value, val: Value) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        if o.cls.is_some() {
            if let Some(f) = lookup_user_special(obj, "__setitem__") {
                vm.call(&f, vec![obj.clone(), key, val])?;
                return Ok(());
            }
        }
    }
    if types::native_setitem(vm, obj, key, val)? {
        return Ok(());
    }
    Err(vm.type_error(format!("'{}' object does not support item assignment", type_name(obj))))
}

pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        if o.cls.is_some() {
            if let Some(f) = lookup_user_special(obj, "__delitem__") {
                vm.call(&f, vec![obj.clone(), key.clone()])?;
                return Ok(());
            }
        }
    }
    if types::native_delitem(vm, obj, key)? {
        return Ok(());
    }
    Err(vm.type_error(format!("'{}' object does not support item deletion", type_name(obj))))
}

pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = container {
        if o.cls.is_some() {
            if let Some(f) = lookup_user_special(container, "__contains__") {
                let r = vm.call(&f, vec![container.clone(), item.clone()])?;
                return truthy(vm, &r);
            }
        }
        match &o.payload {
            Payload::Str(s) => {
                return match item.as_str() {
                    Some(sub) => Ok(s.s.contains(sub)),
                    None => Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", type_name(item)))),
                }
            }
            Payload::Dict(d) | Payload::Set(d) | Payload::FrozenSet(d) => {
                if let Payload::Set(_) | Payload::FrozenSet(_) = &o.payload {
                    if let Some(Payload::Set(inner)) = item.payload() {
                        // A set is looked up as the equivalent frozenset.
                        let f = Value::Obj(Obj::new(Payload::FrozenSet(inner.copy())));
                        return d.contains(vm, &f);
                    }
                }
                return d.contains(vm, item);
            }
            Payload::List(l) => {
                let items = lock(l).clone();
                for x in &items {
                    if eq(vm, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Payload::Tuple(t) => {
                for x in t.iter() {
                    if eq(vm, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Payload::Range(..) => return types::range::range_contains(vm, container, item),
            Payload::Bytes(b) => return types::bytes::bytes_contains(vm, b, item),
            Payload::ByteArray(b) => {
                let d = lock(b).clone();
                return types::bytes::bytes_contains(vm, &d, item);
            }
            _ => {}
        }
    }
    // Fall back to iteration.
    let it = get_iter(vm, container).map_err(|_| {
        vm.type_error(format!("argument of type '{}' is not iterable", type_name(container)))
    })?;
    while let Some(x) = next(vm, &it)? {
        if eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ----- iteration -----

pub fn new_iter(st: IterState) -> Value {
    Value::Obj(Obj::new(Payload::Iterator(crate::vm::spin::SpinLock::new(st))))
}

pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult {
    if let Value::Obj(o) = v {
        if o.cls.is_some() {
            if let Some(f) = lookup_user_special(v, "__iter__") {
                let it = vm.call(&f, vec![v.clone()])?;
                if lookup_special(&it, "__next__").is_none() && !matches!(it.payload(), Some(Payload::Iterator(_)) | Some(Payload::Generator(_))) {
                    return Err(vm.type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
                }
                return Ok(it);
            }
            if lookup_user_special(v, "__getitem__").is_some() {
                return Ok(new_iter(IterState::Seq { seq: v.clone(), idx: 0 }));
            }
        }
        match &o.payload {
            Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_) => {
                return Ok(new_iter(IterState::Seq { seq: v.clone(), idx: 0 }))
            }
            Payload::Str(_) => return Ok(new_iter(IterState::Str { s: o.clone(), byte_pos: 0 })),
            Payload::Dict(_) => return Ok(new_iter(IterState::DictKeys { dict: o.clone(), idx: 0, kind: 0, size: usize::MAX })),
            Payload::Set(_) | Payload::FrozenSet(_) => return Ok(types::set::iter_in_order(v)),
            Payload::Range(start, stop, step) => {
                return Ok(new_iter(IterState::Range { cur: *start, stop: *stop, step: *step }))
            }
            Payload::Iterator(_) => return Ok(v.clone()),
            Payload::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
            _ => {
                if let Some(it) = types::native_iter(vm, v)? {
                    return Ok(it);
                }
                if lookup_special(v, "__next__").is_some() && lookup_special(v, "__iter__").is_some() {
                    return Ok(v.clone());
                }
            }
        }
    }
    Err(vm.type_error(format!("'{}' object is not iterable", type_name(v))))
}

/// Next item of an iterator; None when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if let Value::Obj(o) = it {
        match &o.payload {
            // map(f, map(f, ...)): each level pulls from the next on the Rust stack.
            Payload::Iterator(st) => return nested(vm, "", |vm| types::iter::iter_next(vm, st)),
            Payload::Generator(g) if g.kind == GenKind::Generator => {
                return match types::generator::gen_send(vm, o, Value::None)? {
                    types::generator::GenResult::Yielded(v) => Ok(Some(v)),
                    types::generator::GenResult::Returned(_) => Ok(None),
                };
            }
            _ => {}
        }
    }
    match lookup_special(it, "__next__") {
        Some(f) => match vm.call(&f, vec![it.clone()]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.is_exc(&e, "StopIteration") => Ok(None),
            Err(e) => Err(e),
        },
        None => Err(vm.type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// Like `next` but a StopIteration's value is surfaced as an exception for
/// callers that need it (yield from over a non-generator).
pub fn next_or_stop(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if let Some(f) = lookup_user_special(it, "__next__") {
        return vm.call(&f, vec![it.clone()]).map(Some);
    }
    next(vm, it)
}

/// Collect an iterable into a Vec.
pub fn iterate(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        if o.cls.is_none() {
            match &o.payload {
                Payload::List(l) => return Ok(lock(l).clone()),
                Payload::Tuple(t) => return Ok(t.to_vec()),
                Payload::Dict(d) => return Ok(d.keys()),
                Payload::Set(d) | Payload::FrozenSet(d) => return Ok(types::set::cpython_order(d)),
                _ => {}
            }
        }
    }
    let it = get_iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
        // A builtin iterator runs no bytecode, so no eval-loop check: look at
        // the memory limit and stop requests here (list(range(2**40))).
        if out.len() % 4096 == 0 {
            crate::runtime::blocking::check_stop(vm)?;
            if crate::runtime::memory::over_limit() && crate::runtime::memory::raise_now() {
                return Err(Flow::Exc(crate::vm::exc::new_exception(&types().exc("MemoryError"), vec![])));
            }
        }
    }
    Ok(out)
}

/// Unpack exactly `n` values (for `a, b = ...`).
pub fn unpack(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    if let Some(t) = v.tuple_items() {
        if t.len() == n {
            return Ok(t.to_vec());
        }
    }
    let it = get_iter(vm, v).map_err(|_| vm.type_error(format!("cannot unpack non-iterable {} object", type_name(v))))?;
    let mut out = Vec::with_capacity(n);
    while let Some(x) = next(vm, &it)? {
        if out.len() == n {
            return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
        }
        out.push(x);
    }
    if out.len() < n {
        return Err(vm.value_error(format!("not enough values to unpack (expected {}, got {})", n, out.len())));
    }
    Ok(out)
}

pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(Payload::Generator(g)) = v.payload() {
        if g.kind == GenKind::Coroutine {
            return Ok(v.clone());
        }
    }
    if let Some(f) = lookup_special(v, "__await__") {
        let it = vm.call(&f, vec![v.clone()])?;
        return Ok(it);
    }
    Err(vm.type_error(format!("object {} can't be used in 'await' expression", type_name(v))))
}

// ----- repr / str / format -----

/// callable(v)
pub fn callable(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Function(_) | Payload::BoundMethod(..) | Payload::Builtin(_) | Payload::Class(_)) => true,
        Some(_) => lookup_special(v, "__call__").is_some(),
        None => false,
    }
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    // Nested containers recurse on the Rust stack: bound the depth.
    if vm.repr_guard.len() >= 400 {
        return Err(vm.err(&types().exc("RecursionError"), "maximum recursion depth exceeded while getting the repr of an object"));
    }
    match v {
        Value::None => Ok("None".into()),
        Value::Bool(b) => Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => Ok(i.to_string()),
        Value::Float(f) => Ok(crate::vm::format::float_repr(*f)),
        Value::Obj(o) => {
            if o.cls.as_ref().map(is_heap_class).unwrap_or(false) {
                if let Some(f) = lookup_user_special(v, "__repr__") {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(vm.type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
                    };
                }
            }
            types::native_repr(vm, v)
        }
    }
}

pub fn str_(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) => {
            if o.cls.as_ref().map(is_heap_class).unwrap_or(false) {
                if let Some(f) = lookup_user_special(v, "__str__") {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(vm.type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
                    };
                }
            }
            match &o.payload {
                Payload::Str(s) => Ok(s.s.to_string()),
                // str(Exception(Exception(...))) nests on the Rust stack.
                Payload::Exception(_) => nested(vm, " while getting the str of an object", |vm| exc::exc_str(vm, v)),
                _ => repr(vm, v),
            }
        }
        _ => repr(vm, v),
    }
}

pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(f) = lookup_user_special(v, "__format__") {
        let r = vm.call(&f, vec![v.clone(), Value::str(spec)])?;
        return match r.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!("__format__ must return a str, not {}", type_name(&r)))),
        };
    }
    crate::vm::format::format_value(vm, v, spec)
}

// ----- match support -----

pub fn is_match_sequence(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Range(..)) => true,
        Some(Payload::Str(_)) | Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => false,
        Some(_) => {
            let c = class_of(v);
            types::is_sequence_class(&c)
        }
        None => false,
    }
}

pub fn is_match_mapping(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Dict(_)) => true,
        Some(_) => types::is_mapping_class(&class_of(v)),
        None => false,
    }
}

pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult {
    let mut out = Vec::new();
    for k in keys.tuple_items().unwrap_or(&[]).to_vec() {
        let got = match subject.payload() {
            Some(Payload::Dict(d)) => d.get(vm, &k)?,
            _ => match call_method(vm, subject, "get", vec![k.clone(), types().null.clone()]) {
                Ok(v) if v.is(&types().null) => None,
                Ok(v) => Some(v),
                Err(e) => return Err(e),
            },
        };
        match got {
            Some(v) => out.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::tuple(out))
}

pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult {
    let Some(c) = cls.obj().filter(|o| matches!(o.payload, Payload::Class(_))) else {
        return Err(vm.type_error("called match pattern must be a class"));
    };
    if !isinstance_cls(subject, c) {
        return Ok(Value::None);
    }
    let mut out = Vec::new();
    if npos > 0 {
        // Builtins like int(x) match the subject itself.
        let self_match = matches!(&c.payload, Payload::Class(cd) if cd.builtin) && lookup_type(c, "__match_args__").is_none();
        if self_match {
            if npos > 1 {
                return Err(vm.type_error(format!("{}() accepts 1 positional sub-pattern ({} given)", class_name(c), npos)));
            }
            out.push(subject.clone());
        } else {
            let ma = lookup_type(c, "__match_args__").unwrap_or_else(|| Value::tuple(vec![]));
            let ma = iterate(vm, &ma)?;
            if npos > ma.len() {
                return Err(vm.type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    class_name(c),
                    ma.len(),
                    if ma.len() == 1 { "" } else { "s" },
                    npos
                )));
            }
            for name in &ma[..npos] {
                match getattr_opt(vm, subject, name)? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
    }
    for name in names.tuple_items().unwrap_or(&[]).to_vec() {
        match getattr_opt(vm, subject, &name)? {
            Some(v) => out.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::tuple(out))
}

pub fn dict_without_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult {
    let d = crate::vm::dict::Dict::new();
    let items = match subject.payload() {
        Some(Payload::Dict(sd)) => sd.items(),
        _ => {
            let ks = iterate(vm, subject)?;
            let mut v = Vec::new();
            for k in ks {
                let val = getitem(vm, subject, &k)?;
                v.push((k, val));
            }
            v
        }
    };
    for (k, v) in items {
        d.set(vm, k, v)?;
    }
    for k in keys.tuple_items().unwrap_or(&[]).to_vec() {
        d.remove(vm, &k)?;
    }
    Ok(Value::Obj(Obj::new(Payload::Dict(d))))
}

/// Build an Args from a slice (helper for Rust callers).
pub fn args(pos: Vec<Value>) -> Args {
    Args::new(pos)
}
