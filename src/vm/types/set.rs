//! set and frozenset: built on the same hash table as dict (keys only).

use super::{method, static_method, types};
use crate::vm::code::{BinOp, CmpOp};
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

pub fn set_dict(v: &Value) -> &Dict {
    match v.payload() {
        Some(Payload::Set(d)) | Some(Payload::FrozenSet(d)) => d,
        _ => panic!("not a set"),
    }
}

/// Hash a set element: a set used as an element is looked up as a frozenset.
fn key_of(v: Value) -> Value {
    if let Some(Payload::Set(d)) = v.payload() {
        return Value::Obj(Obj::new(Payload::FrozenSet(d.copy())));
    }
    v
}

pub fn new_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult {
    let d = Dict::new();
    for it in items {
        d.set(vm, it, Value::None)?;
    }
    Ok(Value::Obj(Obj::new(if frozen { Payload::FrozenSet(d) } else { Payload::Set(d) })))
}

fn like(a: &Value, d: Dict) -> Value {
    match a.payload() {
        Some(Payload::FrozenSet(_)) => Value::Obj(Obj::new(Payload::FrozenSet(d))),
        _ => Value::Obj(Obj::new(Payload::Set(d))),
    }
}

pub fn set_add(vm: &mut Vm, s: &Value, v: Value) -> PyResult<()> {
    set_dict(s).set(vm, v, Value::None)
}

fn is_set(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_)))
}

fn union(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<Dict> {
    let r = a.copy();
    for (h, k, _) in b.hashed_items() {
        r.set_hashed(vm, h, k, Value::None)?;
    }
    Ok(r)
}

fn intersection(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<Dict> {
    let r = Dict::new();
    for (h, k, _) in a.hashed_items() {
        if b.get_hashed(vm, h, &k)?.is_some() {
            r.set_hashed(vm, h, k, Value::None)?;
        }
    }
    Ok(r)
}

fn difference(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<Dict> {
    let r = Dict::new();
    for (h, k, _) in a.hashed_items() {
        if b.get_hashed(vm, h, &k)?.is_none() {
            r.set_hashed(vm, h, k, Value::None)?;
        }
    }
    Ok(r)
}

fn sym_difference(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<Dict> {
    let r = difference(vm, a, b)?;
    for (h, k, _) in b.hashed_items() {
        if a.get_hashed(vm, h, &k)?.is_none() {
            r.set_hashed(vm, h, k, Value::None)?;
        }
    }
    Ok(r)
}

fn is_subset(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k, _) in a.hashed_items() {
        if b.get_hashed(vm, h, &k)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_compare(vm: &mut Vm, op: CmpOp, a: &Dict, b: &Dict) -> PyResult<bool> {
    Ok(match op {
        CmpOp::Eq => a.len() == b.len() && is_subset(vm, a, b)?,
        CmpOp::Ne => !(a.len() == b.len() && is_subset(vm, a, b)?),
        CmpOp::Le => is_subset(vm, a, b)?,
        CmpOp::Lt => a.len() < b.len() && is_subset(vm, a, b)?,
        CmpOp::Ge => is_subset(vm, b, a)?,
        CmpOp::Gt => a.len() > b.len() && is_subset(vm, b, a)?,
    })
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_set(a) || !is_set(b) {
        return Ok(None);
    }
    let (x, y) = (set_dict(a), set_dict(b));
    let d = match op {
        BinOp::Or => union(vm, x, y)?,
        BinOp::And => intersection(vm, x, y)?,
        BinOp::Sub => difference(vm, x, y)?,
        BinOp::Xor => sym_difference(vm, x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(like(a, d)))
}

fn replace_contents(a: &Value, d: Dict) {
    set_dict(a).replace_from(&d);
}

pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_set(b) {
        return Ok(None);
    }
    let Some(r) = binop(vm, op, a, b)? else { return Ok(None) };
    replace_contents(a, set_dict(&r).copy());
    Ok(Some(a.clone()))
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let frozen = matches!(v.payload(), Some(Payload::FrozenSet(_)));
    let name = ops::type_name(v);
    let keys = set_dict(v).keys();
    if keys.is_empty() {
        return Ok(format!("{}()", name));
    }
    if !super::list::repr_enter(vm, v) {
        return Ok(format!("{}(...)", name));
    }
    let mut parts = Vec::new();
    for k in &keys {
        match ops::repr(vm, k) {
            Ok(s) => parts.push(s),
            Err(e) => {
                super::list::repr_leave(vm);
                return Err(e);
            }
        }
    }
    super::list::repr_leave(vm);
    let body = format!("{{{}}}", parts.join(", "));
    Ok(if frozen || name != "set" { format!("{}({})", name, body) } else { body })
}

fn other_dict(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    if is_set(v) {
        return Ok(set_dict(v).copy());
    }
    let items = ops::iterate(vm, v)?;
    let d = Dict::new();
    for it in items {
        d.set(vm, key_of(it), Value::None)?;
    }
    Ok(d)
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].obj().unwrap().clone();
    let t = types();
    let frozen = ops::is_subclass(&cls, &t.frozenset);
    let d = match args.pos.get(1) {
        Some(it) if frozen => other_dict(vm, it)?,
        _ => Dict::new(),
    };
    let payload = if frozen { Payload::FrozenSet(d) } else { Payload::Set(d) };
    if std::sync::Arc::ptr_eq(&cls, &t.set) || std::sync::Arc::ptr_eq(&cls, &t.frozenset) {
        Ok(Value::Obj(Obj::new(payload)))
    } else {
        Ok(Value::Obj(Obj::with_class(cls, payload, Some(Dict::new()))))
    }
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(it) = args.pos.get(1) {
        let d = other_dict(vm, it)?;
        replace_contents(&args.pos[0], d);
    }
    Ok(Value::None)
}

fn add(vm: &mut Vm, args: Args) -> PyResult {
    set_dict(&args.pos[0]).set(vm, key_of(args.pos[1].clone()), Value::None)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    match set_dict(&args.pos[0]).remove(vm, &key_of(args.pos[1].clone()))? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args.pos[1].clone())),
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult {
    set_dict(&args.pos[0]).remove(vm, &key_of(args.pos[1].clone()))?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    match set_dict(&args.pos[0]).pop_first() {
        Some((k, _)) => Ok(k),
        None => Err(crate::vm::Flow::Exc(crate::vm::exc::new_exception(&types().exc("KeyError"), vec![Value::str("pop from an empty set")])))
            .map_err(|e| {
                let _ = vm;
                e
            }),
    }
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult {
    set_dict(&args.pos[0]).clear();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(like(&args.pos[0], set_dict(&args.pos[0]).copy()))
}

fn multi(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Dict> {
    let mut acc = set_dict(&args.pos[0]).copy();
    for o in &args.pos[1..] {
        let od = other_dict(vm, o)?;
        acc = match op {
            BinOp::Or => union(vm, &acc, &od)?,
            BinOp::And => intersection(vm, &acc, &od)?,
            BinOp::Sub => difference(vm, &acc, &od)?,
            _ => sym_difference(vm, &acc, &od)?,
        };
    }
    Ok(acc)
}

fn union_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Or)?;
    Ok(like(&args.pos[0], d))
}
fn intersection_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::And)?;
    Ok(like(&args.pos[0], d))
}
fn difference_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Sub)?;
    Ok(like(&args.pos[0], d))
}
fn symdiff_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Xor)?;
    Ok(like(&args.pos[0], d))
}
fn update_m(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Or)?;
    replace_contents(&args.pos[0], d);
    Ok(Value::None)
}
fn intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::And)?;
    replace_contents(&args.pos[0], d);
    Ok(Value::None)
}
fn difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Sub)?;
    replace_contents(&args.pos[0], d);
    Ok(Value::None)
}
fn symdiff_update(vm: &mut Vm, args: Args) -> PyResult {
    let d = multi(vm, &args, BinOp::Xor)?;
    replace_contents(&args.pos[0], d);
    Ok(Value::None)
}
fn issubset(vm: &mut Vm, args: Args) -> PyResult {
    let o = other_dict(vm, &args.pos[1])?;
    Ok(Value::Bool(is_subset(vm, set_dict(&args.pos[0]), &o)?))
}
fn issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let o = other_dict(vm, &args.pos[1])?;
    Ok(Value::Bool(is_subset(vm, &o, set_dict(&args.pos[0]))?))
}
fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let o = other_dict(vm, &args.pos[1])?;
    Ok(Value::Bool(intersection(vm, set_dict(&args.pos[0]), &o)?.is_empty()))
}
fn set_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(set_dict(&args.pos[0]).len() as i64))
}
fn set_contains(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(set_dict(&args.pos[0]).contains(vm, &key_of(args.pos[1].clone()))?))
}
fn set_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(ops::new_iter(IterState::DictKeys { dict: args.pos[0].obj().unwrap().clone(), idx: 0, kind: 0, size: usize::MAX }))
}
fn set_repr(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(repr(vm, &args.pos[0])?))
}

pub fn register() {
    let t = types();
    for c in [&t.set, &t.frozenset] {
        static_method(c, "__new__", set_new);
        method(c, "copy", copy);
        method(c, "union", union_m);
        method(c, "intersection", intersection_m);
        method(c, "difference", difference_m);
        method(c, "symmetric_difference", symdiff_m);
        method(c, "issubset", issubset);
        method(c, "issuperset", issuperset);
        method(c, "isdisjoint", isdisjoint);
        method(c, "__len__", set_len);
        method(c, "__contains__", set_contains);
        method(c, "__iter__", set_iter);
        method(c, "__repr__", set_repr);
    }
    let s = &t.set;
    method(s, "__init__", set_init);
    method(s, "add", add);
    method(s, "remove", remove);
    method(s, "discard", discard);
    method(s, "pop", pop);
    method(s, "clear", clear);
    method(s, "update", update_m);
    method(s, "intersection_update", intersection_update);
    method(s, "difference_update", difference_update);
    method(s, "symmetric_difference_update", symdiff_update);
}
