//! `object`, `type` and the class machinery: class creation (C3 MRO,
//! __build_class__, metaclasses), instantiation (__new__/__init__), class
//! attribute lookup, special attributes, super, property and friends.

use super::{class_dict, class_method, method, native_fn, static_method, types};
use crate::vm::dict::Dict;
use crate::vm::eval::ns_dict;
use crate::vm::frame::ReturnTo;
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, Prepared, PyResult, Vm};
use std::sync::{Arc, Mutex};

/// C3 linearization of the bases (the MRO without the class itself).
pub fn c3_mro(bases: &[ObjRef]) -> Option<Vec<ObjRef>> {
    c3_merge(bases).ok()
}

/// C3 merge; on failure, the classes left at the heads of the sequences.
fn c3_merge(bases: &[ObjRef]) -> Result<Vec<ObjRef>, Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
    for b in bases {
        let mut s = vec![b.clone()];
        if let Payload::Class(c) = &b.payload {
            s.extend(c.mro.iter().cloned());
        }
        seqs.push(s);
    }
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| Arc::ptr_eq(x, cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            let mut heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Arc::ptr_eq(h, &s[0])) {
                    heads.push(s[0].clone());
                }
            }
            return Err(heads);
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

pub fn class_module(cls: &ObjRef) -> String {
    match &cls.payload {
        Payload::Class(c) => {
            if c.builtin {
                return "builtins".into();
            }
            c.dict.get_str("__module__").and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_else(|| "builtins".into())
        }
        _ => "builtins".into(),
    }
}

fn base_kind_of(bases: &[ObjRef]) -> BaseKind {
    for b in bases {
        if let Payload::Class(c) = &b.payload {
            if c.base_kind != BaseKind::Object {
                return c.base_kind;
            }
        }
    }
    BaseKind::Object
}

/// type(name, bases, ns) with metaclass `meta`.
pub fn type_new(vm: &mut Vm, meta: Option<ObjRef>, name: &str, bases: Vec<ObjRef>, ns: &Dict) -> PyResult {
    type_new_kw(vm, meta, name, bases, ns, Vec::new())
}

/// type_new with class keywords (forwarded to __init_subclass__).
pub fn type_new_kw(vm: &mut Vm, meta: Option<ObjRef>, name: &str, bases: Vec<ObjRef>, ns: &Dict, kw: Vec<(Value, Value)>) -> PyResult {
    let t = types();
    let bases = if bases.is_empty() { vec![t.object.clone()] } else { bases };
    for b in &bases {
        if !matches!(b.payload, Payload::Class(_)) {
            return Err(vm.type_error("bases must be types"));
        }
        if matches!(&b.payload, Payload::Class(c) if c.builtin && (Arc::ptr_eq(b, &t.bool) || c.base_kind == BaseKind::Other && !Arc::ptr_eq(b, &t.object)))
        {
            let bn = ops::class_name(b);
            if bn == "bool" || bn == "range" || bn == "slice" || bn == "function" || bn == "generator" {
                return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bn)));
            }
        }
    }
    let mro = match c3_merge(&bases) {
        Ok(m) => m,
        Err(heads) => {
            let names: Vec<String> = heads.iter().map(ops::class_name).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    let dict = Dict::new();
    let mut classcell = None;
    for (k, v) in ns.items() {
        let key = k.as_str().unwrap_or("");
        if key == "__classcell__" {
            classcell = Some(v);
            continue;
        }
        // The class keeps __qualname__ itself, not in its dict (so that a
        // subclass made by type() doesn't find its base's in the MRO).
        if key == "__qualname__" {
            continue;
        }
        // Implicit classmethods / staticmethods.
        let v = match (key, v.payload()) {
            ("__init_subclass__" | "__class_getitem__", Some(Payload::Function(_))) => Value::Obj(Obj::new(Payload::ClassMethod(v))),
            ("__new__", Some(Payload::Function(_))) => Value::Obj(Obj::new(Payload::StaticMethod(v))),
            _ => v,
        };
        dict.set(vm, k, v)?;
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str("__hash__", Value::None);
    }
    let qualname = ns.get_str("__qualname__").and_then(|q| q.as_str().map(|s| s.to_string())).unwrap_or_else(|| name.to_string());
    let cls = Obj::new(Payload::Class(Box::new(ClassData {
        name: Mutex::new(name.to_string()),
        qualname: Mutex::new(qualname),
        base_kind: base_kind_of(&bases),
        bases,
        mro,
        dict,
        builtin: false,
        meta: meta.filter(|m| !Arc::ptr_eq(m, &t.type_)),
        flags: std::sync::atomic::AtomicU32::new(0),
        descr_bloom: std::sync::atomic::AtomicU64::new(0),
        ctor: std::sync::OnceLock::new(),
    })));
    recompute_flags(&cls);
    if let Some(cell) = classcell {
        if let Some(Payload::Cell(c)) = cell.payload() {
            *lock(c) = Some(Value::Obj(cls.clone()));
        }
    }
    let clsv = Value::Obj(cls.clone());
    // __set_name__ on descriptors.
    if let Payload::Class(cd) = &cls.payload {
        for (k, v) in cd.dict.items() {
            if let Some(sn) = ops::lookup_user_special(&v, "__set_name__") {
                vm.call(&sn, vec![v.clone(), clsv.clone(), k])?;
            }
        }
        // Parent's __init_subclass__.
        for m in cd.mro.iter() {
            if let Payload::Class(mc) = &m.payload {
                if let Some(f) = mc.dict.get_str("__init_subclass__") {
                    let f = match f.payload() {
                        Some(Payload::ClassMethod(inner)) => inner.clone(),
                        _ => f,
                    };
                    vm.call_args(&f, Args { pos: vec![clsv.clone()], kw })?;
                    break;
                }
            }
        }
    }
    Ok(clsv)
}

/// Recompute a class's cached CLASS_* flags from its MRO's dicts.
pub fn recompute_flags(cls: &ObjRef) {
    let Payload::Class(cd) = &cls.payload else { return };
    let mut flags = 0;
    let mut bloom = 0u64;
    let mut chain = vec![cls.clone()];
    chain.extend(cd.mro.iter().cloned());
    for c in &chain {
        let Payload::Class(d) = &c.payload else { continue };
        if d.builtin {
            continue;
        }
        for (k, v) in d.dict.items() {
            match k.as_str() {
                Some("__getattribute__") => flags |= CLASS_GETATTRIBUTE,
                Some("__getattr__") => flags |= CLASS_GETATTR,
                Some("__setattr__") | Some("__delattr__") => flags |= CLASS_SETATTR,
                _ => {}
            }
            let data = match v.payload() {
                Some(Payload::Property(..)) => true,
                Some(Payload::Instance) | Some(Payload::Native(_)) => {
                    let vc = ops::class_of(&v);
                    ops::is_heap_class(&vc) && (ops::lookup_type(&vc, "__set__").is_some() || ops::lookup_type(&vc, "__delete__").is_some())
                }
                _ => false,
            };
            if data {
                flags |= CLASS_DATA_DESCR;
                if let Some(ps) = k.as_pystr() {
                    bloom |= 1u64 << (ps.hash() as u64 & 63);
                }
            }
        }
    }
    cd.descr_bloom.store(bloom, std::sync::atomic::Ordering::Release);
    cd.flags.store(flags, std::sync::atomic::Ordering::Release);
}

/// __build_class__(func, name, *bases, metaclass=..., **kw)
pub fn build_class(vm: &mut Vm, mut args: Args) -> PyResult {
    let meta_kw = args.take_kw("metaclass");
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0].clone();
    let name = args.pos[1].as_str().unwrap_or("?").to_string();
    let bases: Vec<ObjRef> = args.pos[2..].iter().filter_map(|b| b.obj().cloned()).collect();
    if args.pos[2..].iter().any(|b| !matches!(b.payload(), Some(Payload::Class(_)))) {
        return Err(vm.type_error("bases must be types"));
    }
    let ns = Arc::new(Obj { cls: None, payload: Payload::Dict(Dict::new()), dict: None });
    let Some(Payload::Function(f)) = func.payload() else { return Err(vm.type_error("__build_class__: func must be a function")) };
    let fobj = func.obj().unwrap().clone();
    let mut frame = vm.make_frame(&fobj, f, Args::default())?;
    frame.ns = Some(ns.clone());
    vm.run_frame(frame)?;
    // The metaclass: explicit, or the most derived metaclass of the bases.
    let mut meta: Option<ObjRef> = meta_kw.and_then(|m| m.obj().cloned());
    if meta.is_none() {
        for b in &bases {
            let bm = ops::class_of(&Value::Obj(b.clone()));
            if !Arc::ptr_eq(&bm, &types().type_) {
                meta = Some(bm);
            }
        }
    }
    let nsd = ns_dict(&ns);
    match meta {
        Some(m) if !Arc::ptr_eq(&m, &types().type_) => {
            let basest = Value::tuple(bases.iter().map(|b| Value::Obj(b.clone())).collect());
            let mut a = Args::new(vec![Value::str(name.as_str()), basest, Value::Obj(ns.clone())]);
            a.kw = args.kw;
            vm.call_args(&Value::Obj(m), a)
        }
        _ => type_new_kw(vm, None, &name, bases, nsd, args.kw),
    }
}

/// Calling a class: type(x), or __new__ then __init__ (pushed as a frame when
/// it is Python code, so construction stays stackless).
pub fn call_class(vm: &mut Vm, cls: &ObjRef, mut args: Args) -> PyResult<Prepared> {
    let t = types();
    if Arc::ptr_eq(cls, &t.type_) {
        if args.pos.len() == 1 && args.kw.is_empty() {
            return Ok(Prepared::Done(Value::Obj(ops::class_of(&args.pos[0]))));
        }
        if args.pos.len() == 3 {
            return type_call3(vm, None, args).map(Prepared::Done);
        }
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    // A builtin class (str(x), range(n), enumerate(xs)...) whose builtin
    // __new__ does all the work, found once (`ClassData::ctor`).
    if let Payload::Class(c) = &cls.payload {
        if c.builtin {
            if let Some(new) = c.ctor.get_or_init(|| new_does_all(cls, ops::lookup_type(cls, "__new__").as_ref())) {
                args.pos.insert(0, Value::Obj(cls.clone()));
                return Ok(Prepared::Done(vm.call_args(new, args)?));
            }
        }
    }
    // A user metaclass with __call__.
    let meta = ops::class_of(&Value::Obj(cls.clone()));
    if !Arc::ptr_eq(&meta, &t.type_) {
        if let Some(call) = ops::lookup_type(&meta, "__call__") {
            if matches!(call.payload(), Some(Payload::Function(_))) {
                args.pos.insert(0, Value::Obj(cls.clone()));
                return vm.prepare_call(call, args);
            }
        }
    }
    let clsv = Value::Obj(cls.clone());
    let new = ops::lookup_type(cls, "__new__");
    // The same for a subclass of one that adds no __new__ or __init__: the
    // arguments move to __new__ instead of being copied for __init__.
    if let Some(f) = new_does_all(cls, new.as_ref()) {
        args.pos.insert(0, clsv);
        return Ok(Prepared::Done(vm.call_args(&f, args)?));
    }
    let inst = match new.as_ref().and_then(|n| n.payload()) {
        Some(Payload::StaticMethod(f)) => {
            let f = f.clone();
            let mut a = Args::new(Vec::with_capacity(args.pos.len() + 1));
            a.pos.push(clsv.clone());
            a.pos.extend(args.pos.iter().cloned());
            a.kw = args.kw.clone();
            vm.call_args(&f, a)?
        }
        _ => object_new_inner(vm, cls, &args)?,
    };
    if !ops::isinstance_cls(&inst, cls) {
        return Ok(Prepared::Done(inst));
    }
    let icls = ops::class_of(&inst);
    match ops::lookup_type(&icls, "__init__") {
        Some(init) => match init.payload() {
            Some(Payload::Function(_)) => {
                args.pos.insert(0, inst.clone());
                let p = vm.prepare_call(init, args)?;
                Ok(p.with_return(ReturnTo::Init(inst)))
            }
            Some(_) if is_object_init(&init) => Ok(Prepared::Done(inst)),
            _ => {
                args.pos.insert(0, inst.clone());
                vm.call_args(&init, args)?;
                Ok(Prepared::Done(inst))
            }
        },
        None => Ok(Prepared::Done(inst)),
    }
}

/// The function of `new` (`cls.__new__`) when calling `cls` is just calling
/// it: a builtin `__new__`, and `cls.__init__` is object's (which a class
/// call skips).
fn new_does_all(cls: &ObjRef, new: Option<&Value>) -> Option<Value> {
    match new?.payload() {
        Some(Payload::StaticMethod(f)) if matches!(f.payload(), Some(Payload::Builtin(_))) && init_is_objects(cls) => Some(f.clone()),
        _ => None,
    }
}

/// Whether `cls.__init__` is `object.__init__`.
fn init_is_objects(cls: &ObjRef) -> bool {
    ops::lookup_type(cls, "__init__").is_some_and(|i| is_object_init(&i))
}

fn is_object_init(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Builtin(b)) if std::ptr::eq(b.func as *const (), object_init as *const ()))
}

fn type_call3(vm: &mut Vm, meta: Option<ObjRef>, args: Args) -> PyResult {
    let name = args.pos[0].as_str().unwrap_or("?").to_string();
    let bases: Vec<ObjRef> = ops::iterate(vm, &args.pos[1])?.iter().filter_map(|b| b.obj().cloned()).collect();
    let ns = match args.pos[2].payload() {
        Some(Payload::Dict(d)) => d.copy(),
        _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
    };
    type_new(vm, meta, &name, bases, &ns)
}

/// object.__new__(cls): a fresh instance with the payload its builtin base needs.
fn object_new_inner(vm: &mut Vm, cls: &ObjRef, args: &Args) -> PyResult {
    let Payload::Class(cd) = &cls.payload else { return Err(vm.type_error("object.__new__(X): X is not a type object")) };
    if !args.pos.is_empty() || !args.kw.is_empty() {
        if init_is_objects(cls) {
            return Err(vm.type_error(format!("{}() takes no arguments", lock(&cd.name))));
        }
    }
    match cd.base_kind {
        BaseKind::Exception => Ok(exc::new_exception_of(cls, args.pos.clone())),
        // Plain object() instances have no __dict__.
        _ if cd.builtin => Ok(Value::Obj(Obj::with_class(cls.clone(), Payload::Instance, None))),
        _ => Ok(Value::Obj(Obj::with_class(cls.clone(), Payload::Instance, Some(Dict::new())))),
    }
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some(cls) = args.pos.first().and_then(|c| c.obj().cloned()) else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let rest = Args { pos: args.pos[1..].to_vec(), kw: args.kw };
    object_new_inner(vm, &cls, &rest)
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let cls = ops::class_of(&args.pos[0]);
        let init = ops::lookup_type(&cls, "__init__");
        let overridden = matches!(init.as_ref().and_then(|i| i.payload()), Some(Payload::Function(_)));
        if overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult {
    let v = &args.pos[0];
    let cls = ops::class_of(v);
    let module = class_module(&cls);
    let qual = match &cls.payload {
        Payload::Class(c) => lock(&c.qualname).clone(),
        _ => "?".into(),
    };
    let _ = vm;
    Ok(Value::str(if module == "builtins" {
        format!("<{} object at {:#x}>", qual, v.id())
    } else {
        format!("<{}.{} object at {:#x}>", module, qual, v.id())
    }))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(ops::repr(vm, &args.pos[0])?))
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult {
    if args.pos[0].is(&args.pos[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(types().not_implemented.clone())
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult {
    let r = ops::compare(vm, crate::vm::code::CmpOp::Eq, &args.pos[0], &args.pos[1])?;
    if r.is(&types().not_implemented) {
        return Ok(r);
    }
    Ok(Value::Bool(!ops::truthy(vm, &r)?))
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int((args.pos[0].id() >> 4) as i64))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__setattr__", &args, 3, 3)?;
    ops::generic_setattr(vm, &args.pos[0], &args.pos[1], args.pos[2].clone())?;
    Ok(Value::None)
}

/// object.__getattribute__(obj, name): the generic lookup (data descriptors,
/// the instance dict, then other class attributes), without the class's own
/// __getattribute__ or __getattr__.
fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__getattribute__", &args, 2, 2)?;
    let obj = &args.pos[0];
    let name = &args.pos[1];
    if name.as_str().is_none() {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", ops::type_name(name))));
    }
    match ops::generic_getattr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(ops::attr_missing(vm, obj, name)),
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult {
    ops::generic_delattr(vm, &args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult {
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("");
    if !spec.is_empty() {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", ops::type_name(&args.pos[0]))));
    }
    Ok(Value::str(ops::str_(vm, &args.pos[0])?))
}

fn object_init_subclass(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult {
    let v = &args.pos[0];
    let mut names: Vec<String> = Vec::new();
    if let Value::Obj(o) = v {
        if let Some(d) = &o.dict {
            names.extend(d.keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())));
        }
    }
    let cls = ops::class_of(v);
    let mut classes = vec![cls.clone()];
    if let Payload::Class(c) = &cls.payload {
        classes.extend(c.mro.iter().cloned());
    }
    for c in classes {
        names.extend(class_dict(&c).keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())));
    }
    names.sort();
    names.dedup();
    let _ = vm;
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn type_new_native(vm: &mut Vm, args: Args) -> PyResult {
    // type.__new__(mcs, name, bases, ns)
    if args.pos.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    let meta = args.pos[0].obj().cloned();
    type_call3(vm, meta, Args::new(args.pos[1..].to_vec()))
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn type_call(vm: &mut Vm, mut args: Args) -> PyResult {
    // type.__call__(cls, *args): the default instantiation (for metaclasses).
    let cls = args.pos.remove(0);
    let Some(c) = cls.obj().cloned() else { return Err(vm.type_error("descriptor '__call__' requires a type")) };
    // Skip the metaclass __call__ to avoid recursion.
    let clsv = Value::Obj(c.clone());
    let new = ops::lookup_type(&c, "__new__");
    let inst = match new.as_ref().and_then(|n| n.payload()) {
        Some(Payload::StaticMethod(f)) => {
            let f = f.clone();
            let mut a = Args::new(vec![clsv.clone()]);
            a.pos.extend(args.pos.iter().cloned());
            a.kw = args.kw.clone();
            vm.call_args(&f, a)?
        }
        _ => object_new_inner(vm, &c, &args)?,
    };
    if ops::isinstance_cls(&inst, &c) {
        if let Some(init) = ops::lookup_type(&ops::class_of(&inst), "__init__") {
            let mut a = Args::new(vec![inst.clone()]);
            a.pos.extend(args.pos);
            a.kw = args.kw;
            vm.call_args(&init, a)?;
        }
    }
    Ok(inst)
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult {
    let c = args.pos[0].obj().cloned().unwrap();
    let mut v = vec![Value::Obj(c.clone())];
    if let Payload::Class(cd) = &c.payload {
        v.extend(cd.mro.iter().map(|m| Value::Obj(m.clone())));
    }
    Ok(Value::list(v))
}

fn type_subclasscheck(_vm: &mut Vm, args: Args) -> PyResult {
    let (Some(a), Some(b)) = (args.pos[1].obj(), args.pos[0].obj()) else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(ops::is_subclass(a, b)))
}

fn type_instancecheck(_vm: &mut Vm, args: Args) -> PyResult {
    let Some(c) = args.pos[0].obj() else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(ops::isinstance_cls(&args.pos[1], c)))
}

/// Attribute lookup on a class object.
pub fn class_getattr(vm: &mut Vm, cls: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
    let name_s = name.as_str().unwrap_or("");
    let clsv = Value::Obj(cls.clone());
    // The metaclass's data descriptors come first.
    let meta = ops::class_of(&clsv);
    let meta_attr = crate::vm::cache::lookup_type_cached(&meta, name);
    if let Some(ma) = &meta_attr {
        if matches!(ma.payload(), Some(Payload::Property(..))) {
            if let Some(Payload::Property(fget, ..)) = ma.payload() {
                return vm.call(fget, vec![clsv]).map(Some);
            }
        }
    }
    if let Some(v) = crate::vm::cache::lookup_type_cached(cls, name) {
        return Ok(Some(match v.payload() {
            Some(Payload::ClassMethod(f)) => Value::Obj(Obj::new(Payload::BoundMethod(clsv, f.clone()))),
            Some(Payload::StaticMethod(f)) => f.clone(),
            Some(Payload::Instance) => {
                let dc = ops::class_of(&v);
                if ops::is_heap_class(&dc) {
                    if let Some(get) = ops::lookup_type(&dc, "__get__") {
                        return vm.call(&get, vec![v.clone(), Value::None, clsv]).map(Some);
                    }
                }
                v
            }
            _ => v,
        }));
    }
    let Payload::Class(cd) = &cls.payload else { return Ok(None) };
    let special = match name_s {
        "__name__" => Some(Value::str(lock(&cd.name).as_str())),
        "__qualname__" => Some(Value::str(lock(&cd.qualname).as_str())),
        "__mro__" => {
            let mut v = vec![clsv.clone()];
            v.extend(cd.mro.iter().map(|m| Value::Obj(m.clone())));
            Some(Value::tuple(v))
        }
        "__bases__" => Some(Value::tuple(cd.bases.iter().map(|b| Value::Obj(b.clone())).collect())),
        "__base__" => Some(cd.bases.first().map(|b| Value::Obj(b.clone())).unwrap_or(Value::None)),
        "__dict__" => Some(Value::Obj(Obj::new(Payload::Dict(cd.dict.copy())))),
        "__doc__" => Some(Value::None),
        "__module__" => Some(Value::str(class_module(cls))),
        "__class__" => Some(Value::Obj(meta.clone())),
        "__subclasses__" => None,
        _ => None,
    };
    if special.is_some() {
        return Ok(special);
    }
    if let Some(ma) = meta_attr {
        return Ok(Some(ops::bind(&ma, &clsv)));
    }
    Ok(None)
}

/// Special attributes of non-class objects that live outside any dict.
pub fn builtin_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(ops::class_of(obj))));
    }
    let Value::Obj(o) = obj else {
        return Ok(match (obj, name) {
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(Value::Int(match obj {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => 0,
            })),
            (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            _ => None,
        });
    };
    if name == "__dict__" {
        if let Some(d) = &o.dict {
            return Ok(Some(Value::Obj(d.object().clone())));
        }
    }
    Ok(match &o.payload {
        Payload::Function(f) => match name {
            "__name__" => Some(Value::str(lock(&f.name).as_str())),
            "__qualname__" => Some(Value::str(lock(&f.qualname).as_str())),
            "__module__" => Some(f.module.clone()),
            "__doc__" => Some(f.code.consts.first().filter(|c| c.as_str().is_some()).cloned().unwrap_or(Value::None)),
            "__defaults__" => Some(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) }),
            "__code__" => Some(crate::vm::code_value(f.code.clone())),
            "__globals__" => Some(Value::Obj(f.globals.clone())),
            "__closure__" => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().map(|c| Value::Obj(c.clone())).collect())
            }),
            "__kwdefaults__" => Some(if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let d = Dict::new();
                for (k, v) in &f.kwdefaults {
                    d.set_str(k, v.clone());
                }
                Value::Obj(Obj::new(Payload::Dict(d)))
            }),
            "__annotations__" => {
                let d = crate::vm::new_dict();
                if let Some(od) = &o.dict {
                    od.set_str("__annotations__", d.clone());
                }
                Some(d)
            }
            _ => None,
        },
        Payload::BoundMethod(recv, f) => match name {
            "__self__" => Some(recv.clone()),
            "__func__" => Some(f.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => return crate::vm::ops::getattr_opt(vm, f, &crate::vm::intern(name)),
            _ => None,
        },
        Payload::Builtin(b) => match name {
            "__name__" | "__qualname__" => Some(Value::str(b.name)),
            "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(Value::str("builtins")),
            _ => None,
        },
        Payload::Exception(_) => exc::exception_attr(vm, obj, name)?,
        Payload::Int(_) => match name {
            "real" | "numerator" => Some(obj.clone()),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Payload::Float(f) => match name {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Payload::Complex(re, im) => match name {
            "real" => Some(Value::Float(*re)),
            "imag" => Some(Value::Float(*im)),
            _ => None,
        },
        Payload::Slice(a, b, c) => match name {
            "start" => Some(a.clone()),
            "stop" => Some(b.clone()),
            "step" => Some(c.clone()),
            _ => None,
        },
        Payload::Range(a, b, c) => match name {
            "start" => Some(Value::Int(*a)),
            "stop" => Some(Value::Int(*b)),
            "step" => Some(Value::Int(*c)),
            _ => None,
        },
        Payload::Property(fget, fset, fdel, doc) => match name {
            "fget" => Some(fget.clone()),
            "fset" => Some(fset.clone()),
            "fdel" => Some(fdel.clone()),
            "__doc__" => Some(doc.clone()),
            _ => None,
        },
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => match name {
            "__func__" => Some(f.clone()),
            _ => None,
        },
        Payload::Generator(g) => match name {
            "__name__" => Some(Value::str(g.name.as_str())),
            "__qualname__" => Some(Value::str(g.qualname.as_str())),
            "gi_code" | "cr_code" | "ag_code" => Some(crate::vm::code_value(g.code.clone())),
            "gi_running" | "cr_running" | "ag_running" => Some(Value::Bool(g.frame.running())),
            "gi_frame" | "cr_frame" | "ag_frame" => {
                let at = g.frame.inspect(|f| f.map(|f| (f.code.clone(), f.pc, f.globals.clone())));
                Some(match at {
                    Some((code, pc, globals)) => {
                        let snap = super::exceptions::frame_snapshot(&code, pc, Some(globals));
                        if pc == 0 {
                            // Not started yet: CPython reports the def line.
                            if let Some(d) = snap.obj().and_then(|o| o.dict.as_ref()) {
                                d.set_str("f_lineno", Value::Int(code.first_line as i64));
                            }
                        }
                        snap
                    }
                    None => Value::None,
                })
            }
            "gi_yieldfrom" | "cr_await" | "ag_await" => Some(Value::None),
            _ => None,
        },
        Payload::Super(start, inst) => return super_getattr(vm, start, inst, name),
        Payload::Code(c) => match name {
            "co_name" => Some(Value::str(c.name.as_str())),
            "co_filename" => Some(Value::str(&*c.filename)),
            "co_firstlineno" => Some(Value::Int(c.first_line as i64)),
            "co_argcount" => Some(Value::Int(c.argcount as i64)),
            "co_qualname" => Some(Value::str(c.qualname.as_str())),
            "co_posonlyargcount" => Some(Value::Int(c.posonlyargcount as i64)),
            "co_kwonlyargcount" => Some(Value::Int(c.kwonlyargcount as i64)),
            "co_flags" => Some(Value::Int(c.flags.co_flags() as i64)),
            "co_freevars" => Some(Value::tuple(c.freevars.iter().map(|s| Value::str(s.as_str())).collect())),
            "co_cellvars" => Some(Value::tuple(c.cellvars.iter().map(|s| Value::str(s.as_str())).collect())),
            "co_varnames" => Some(Value::tuple(c.varnames.iter().map(|s| Value::str(s.as_str())).collect())),
            _ => None,
        },
        _ => None,
    })
}

/// super(cls, inst).name: search the MRO of inst's type after `cls`.
fn super_getattr(vm: &mut Vm, start: &Value, inst: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(start) = start.obj() else { return Ok(None) };
    let inst_is_class = matches!(inst.payload(), Some(Payload::Class(_))) && ops::is_subclass(inst.obj().unwrap(), start);
    let cls = if inst_is_class { inst.obj().unwrap().clone() } else { ops::class_of(inst) };
    let mut chain = vec![cls.clone()];
    if let Payload::Class(c) = &cls.payload {
        chain.extend(c.mro.iter().cloned());
    }
    let pos = chain.iter().position(|c| Arc::ptr_eq(c, start));
    let Some(pos) = pos else { return Ok(None) };
    for c in &chain[pos + 1..] {
        if let Some(v) = class_dict(c).get_str(name) {
            return Ok(Some(match v.payload() {
                Some(Payload::Function(_)) => {
                    if inst_is_class {
                        v
                    } else {
                        ops::bind(&v, inst)
                    }
                }
                Some(Payload::Builtin(b)) if b.is_method => {
                    if inst_is_class {
                        v
                    } else {
                        ops::bind(&v, inst)
                    }
                }
                Some(Payload::ClassMethod(f)) => {
                    let owner = if inst_is_class { inst.clone() } else { Value::Obj(cls.clone()) };
                    Value::Obj(Obj::new(Payload::BoundMethod(owner, f.clone())))
                }
                Some(Payload::StaticMethod(f)) => f.clone(),
                Some(Payload::Property(fget, ..)) => {
                    let fget = fget.clone();
                    return vm.call(&fget, vec![inst.clone()]).map(Some);
                }
                _ => v,
            }));
        }
    }
    Ok(None)
}

fn super_new(vm: &mut Vm, args: Args) -> PyResult {
    // super(cls, obj) — the zero-argument form is compiled into this.
    if args.pos.len() != 3 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let start = args.pos[1].clone();
    let inst = args.pos[2].clone();
    let Some(s) = start.obj().filter(|o| matches!(o.payload, Payload::Class(_))) else {
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", ops::type_name(&start))));
    };
    let ok = ops::isinstance_cls(&inst, s) || matches!(inst.obj(), Some(c) if matches!(c.payload, Payload::Class(_)) && ops::is_subclass(c, s));
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Obj(Obj::new(Payload::Super(start, inst))))
}

fn property_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let fget = args.arg(1, "fget").unwrap_or(Value::None);
    let fset = args.arg(2, "fset").unwrap_or(Value::None);
    let fdel = args.arg(3, "fdel").unwrap_or(Value::None);
    let mut doc = args.arg(4, "doc").unwrap_or(Value::None);
    if doc.is_none() && !fget.is_none() {
        doc = ops::getattr_opt(vm, &fget, &crate::vm::intern("__doc__"))?.unwrap_or(Value::None);
    }
    Ok(Value::Obj(Obj::new(Payload::Property(fget, fset, fdel, doc))))
}

fn property_with(args: &Args, which: usize) -> PyResult {
    let Some(Payload::Property(g, s, d, doc)) = args.pos[0].payload() else { unreachable!() };
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (g, s, d) = match which {
        0 => (f, s.clone(), d.clone()),
        1 => (g.clone(), f, d.clone()),
        _ => (g.clone(), s.clone(), f),
    };
    Ok(Value::Obj(Obj::new(Payload::Property(g, s, d, doc.clone()))))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 0)
}
fn property_setter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 1)
}
fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 2)
}
/// "property 'name' of 'Cls' object has no <what>", the name taken from
/// the accessor functions as CPython 3.11 does.
fn property_error(vm: &mut Vm, prop: &Value, obj: &Value, what: &str) -> crate::vm::Flow {
    let mut name = None;
    if let Some(Payload::Property(g, s, d, _)) = prop.payload() {
        for f in [g, s, d] {
            if !f.is_none() {
                if let Ok(Some(n)) = ops::getattr_opt(vm, f, &crate::vm::intern("__name__")) {
                    if let Some(n) = n.as_str() {
                        name = Some(n.to_string());
                        break;
                    }
                }
            }
        }
    }
    let cls = ops::type_name(obj);
    match name {
        Some(n) => vm.attr_error(format!("property '{}' of '{}' object has no {}", n, cls, what)),
        None => vm.attr_error(format!("property of '{}' object has no {}", cls, what)),
    }
}

/// property.__get__(obj, type=None)
fn property_get(vm: &mut Vm, args: Args) -> PyResult {
    let Some(Payload::Property(g, ..)) = args.pos[0].payload() else { return Err(vm.type_error("descriptor '__get__' requires a 'property' object")) };
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    let ty = args.pos.get(2).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        if ty.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(args.pos[0].clone());
    }
    if g.is_none() {
        return Err(property_error(vm, &args.pos[0], &obj, "getter"));
    }
    vm.call(g, vec![obj])
}

/// property.__set__(obj, value)
fn property_set(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__set__", &args, 3, 3)?;
    let Some(Payload::Property(_, s, ..)) = args.pos[0].payload() else { return Err(vm.type_error("descriptor '__set__' requires a 'property' object")) };
    if s.is_none() {
        return Err(property_error(vm, &args.pos[0], &args.pos[1], "setter"));
    }
    vm.call(s, vec![args.pos[1].clone(), args.pos[2].clone()])?;
    Ok(Value::None)
}

/// property.__delete__(obj)
fn property_delete(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__delete__", &args, 2, 2)?;
    let Some(Payload::Property(_, _, d, _)) = args.pos[0].payload() else { return Err(vm.type_error("descriptor '__delete__' requires a 'property' object")) };
    if d.is_none() {
        return Err(property_error(vm, &args.pos[0], &args.pos[1], "deleter"));
    }
    vm.call(d, vec![args.pos[1].clone()])?;
    Ok(Value::None)
}

/// function.__get__(obj, type=None): a bound method, or the function itself
/// when looked up on a class.
fn function_get(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__get__", &args, 2, 3)?;
    let obj = &args.pos[1];
    if obj.is_none() {
        if args.pos.get(2).map(|t| t.is_none()).unwrap_or(true) {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(args.pos[0].clone());
    }
    Ok(Value::Obj(Obj::new(Payload::BoundMethod(obj.clone(), args.pos[0].clone()))))
}

/// staticmethod.__get__(obj, type=None): the function.
fn staticmethod_get(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__get__", &args, 2, 3)?;
    match args.pos[0].payload() {
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        _ => Err(vm.type_error("descriptor '__get__' requires a 'staticmethod' object")),
    }
}

/// classmethod.__get__(obj, type=None): the function bound to the class.
fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "__get__", &args, 2, 3)?;
    let Some(Payload::ClassMethod(f)) = args.pos[0].payload() else {
        return Err(vm.type_error("descriptor '__get__' requires a 'classmethod' object"));
    };
    let owner = match args.pos.get(2) {
        Some(t) if !t.is_none() => t.clone(),
        _ => {
            if args.pos[1].is_none() {
                return Err(vm.type_error("__get__(None, None) is invalid"));
            }
            Value::Obj(ops::class_of(&args.pos[1]))
        }
    };
    Ok(Value::Obj(Obj::new(Payload::BoundMethod(owner, f.clone()))))
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "staticmethod", &args, 2, 2)?;
    Ok(Value::Obj(Obj::new(Payload::StaticMethod(args.pos[1].clone()))))
}

fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult {
    super::check_args(vm, "classmethod", &args, 2, 2)?;
    Ok(Value::Obj(Obj::new(Payload::ClassMethod(args.pos[1].clone()))))
}

fn slice_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = &args.pos[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0].clone(), Value::None),
        2 => (a[0].clone(), a[1].clone(), Value::None),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        _ => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
    };
    Ok(Value::Obj(Obj::new(Payload::Slice(start, stop, step))))
}

fn slice_indices_m(vm: &mut Vm, args: Args) -> PyResult {
    let n = ops::to_index(vm, args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c) = super::list::slice_indices(vm, &args.pos[0], n)?;
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn none_new(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn module_new(vm: &mut Vm, args: Args) -> PyResult {
    let name = args.pos.get(1).and_then(|n| n.as_str()).unwrap_or("?").to_string();
    let d = crate::vm::new_dict();
    let dobj = d.obj().unwrap().clone();
    ns_dict(&dobj).set_str("__name__", Value::str(name.as_str()));
    let _ = vm;
    Ok(Value::Obj(Obj::new(Payload::Module(ModuleData { name, dict: dobj }))))
}

pub fn register() {
    let t = types();
    let o = &t.object;
    static_method(o, "__new__", object_new);
    method(o, "__init__", object_init);
    method(o, "__repr__", object_repr);
    method(o, "__str__", object_str);
    method(o, "__eq__", object_eq);
    method(o, "__ne__", object_ne);
    method(o, "__hash__", object_hash);
    method(o, "__setattr__", object_setattr);
    method(o, "__getattribute__", object_getattribute);
    method(o, "__delattr__", object_delattr);
    method(o, "__format__", object_format);
    method(o, "__dir__", object_dir);
    class_method(o, "__init_subclass__", object_init_subclass);
    class_dict(o).set_str("__doc__", Value::str("The base class of the class hierarchy."));

    let ty = &t.type_;
    static_method(ty, "__new__", type_new_native);
    method(ty, "__init__", type_init);
    method(ty, "__call__", type_call);
    method(ty, "mro", type_mro);
    method(ty, "__subclasscheck__", type_subclasscheck);
    method(ty, "__instancecheck__", type_instancecheck);

    static_method(&t.super_, "__new__", super_new);
    static_method(&t.property, "__new__", property_new);
    method(&t.property, "getter", property_getter);
    method(&t.property, "setter", property_setter);
    method(&t.property, "deleter", property_deleter);
    method(&t.property, "__get__", property_get);
    method(&t.property, "__set__", property_set);
    method(&t.property, "__delete__", property_delete);
    method(&t.function, "__get__", function_get);
    method(&t.staticmethod, "__get__", staticmethod_get);
    method(&t.classmethod, "__get__", classmethod_get);
    static_method(&t.staticmethod, "__new__", staticmethod_new);
    static_method(&t.classmethod, "__new__", classmethod_new);
    static_method(&t.slice, "__new__", slice_new);
    method(&t.slice, "indices", slice_indices_m);
    static_method(&t.none_type, "__new__", none_new);
    static_method(&t.module, "__new__", module_new);
    let _ = native_fn;
}
