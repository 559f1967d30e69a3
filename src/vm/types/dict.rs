//! dict: the mapping methods, views, repr, equality, `|`, and update rules.

use super::{class_method, method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{ops, Args, Flow, PyResult, Vm};
use std::sync::OnceLock;

pub fn the_dict(v: &Value) -> &Dict {
    match v.payload() {
        Some(Payload::Dict(d)) => d,
        _ => panic!("not a dict"),
    }
}

pub fn dict_value(d: Dict) -> Value {
    Value::Obj(Obj::new(Payload::Dict(d)))
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    match the_dict(obj).get(vm, key)? {
        Some(v) => Ok(v),
        None => {
            if let Some(m) = ops::lookup_user_special(obj, "__missing__") {
                return vm.call(&m, vec![obj.clone(), key.clone()]);
            }
            Err(vm.key_error(key.clone()))
        }
    }
}

/// d.update(other) (merge=true: keyword-argument merging, duplicates are errors).
pub fn update_from(vm: &mut Vm, d: &Value, other: &Value, merge: bool) -> PyResult<()> {
    let target = the_dict(d);
    if let Some(Payload::Dict(o)) = other.payload() {
        for (k, v) in o.items() {
            if merge && target.get(vm, &k)?.is_some() {
                let ks = ops::str_(vm, &k)?;
                return Err(vm.type_error(format!("got multiple values for keyword argument '{}'", ks)));
            }
            target.set(vm, k, v)?;
        }
        return Ok(());
    }
    if ops::getattr_opt(vm, other, &crate::vm::intern("keys"))?.is_some() {
        let keys = ops::call_method(vm, other, "keys", vec![])?;
        for k in ops::iterate(vm, &keys)? {
            let v = ops::getitem(vm, other, &k)?;
            target.set(vm, k, v)?;
        }
        return Ok(());
    }
    if merge {
        return Err(vm.type_error(format!("argument after ** must be a mapping, not {}", ops::type_name(other))));
    }
    let items = ops::iterate(vm, other).map_err(|_| vm.type_error(format!("'{}' object is not iterable", ops::type_name(other))))?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = match ops::iterate(vm, &item) {
            Ok(p) => p,
            Err(_) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                )))
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().unwrap(), it.next().unwrap());
        target.set(vm, k, v)?;
    }
    Ok(())
}

pub fn dict_eq(vm: &mut Vm, a: &Dict, b: &Dict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.items() {
        match b.get(vm, &k)? {
            Some(v2) => {
                if !ops::eq(vm, &v, &v2)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if !super::list::repr_enter(vm, v) {
        return Ok("{...}".into());
    }
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, val) in the_dict(v).items() {
            parts.push(format!("{}: {}", ops::repr(vm, &k)?, ops::repr(vm, &val)?));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    })();
    super::list::repr_leave(vm);
    r
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if op != BinOp::Or || !matches!(b.payload(), Some(Payload::Dict(_))) {
        return Ok(None);
    }
    let d = dict_value(the_dict(a).copy());
    update_from(vm, &d, b, false)?;
    Ok(Some(d))
}

fn dict_new(_vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].obj().unwrap().clone();
    if std::sync::Arc::ptr_eq(&cls, &types().dict) {
        Ok(dict_value(Dict::new()))
    } else {
        Ok(Value::Obj(Obj::with_class(cls, Payload::Dict(Dict::new()), Some(Dict::new()))))
    }
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    if let Some(other) = args.pos.get(1) {
        update_from(vm, &this, other, false)?;
    }
    for (k, v) in args.kw {
        the_dict(&this).set(vm, k, v)?;
    }
    Ok(Value::None)
}

fn get(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return Err(vm.type_error(format!("get expected at most 2 arguments, got {}", args.pos.len() - 1)));
    }
    Ok(the_dict(&args.pos[0]).get(vm, &args.pos[1])?.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult {
    let d = the_dict(&args.pos[0]);
    if let Some(v) = d.get(vm, &args.pos[1])? {
        return Ok(v);
    }
    let def = args.pos.get(2).cloned().unwrap_or(Value::None);
    d.set(vm, args.pos[1].clone(), def.clone())?;
    Ok(def)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    match the_dict(&args.pos[0]).remove(vm, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult {
    match the_dict(&args.pos[0]).pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(Flow::Exc(crate::vm::exc::new_exception(&types().exc("KeyError"), vec![Value::str("popitem(): dictionary is empty")]))).map_err(|e| {
            let _ = vm;
            e
        }),
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    if let Some(other) = args.pos.get(1) {
        update_from(vm, &this, other, false)?;
    }
    for (k, v) in args.kw {
        the_dict(&this).set(vm, k, v)?;
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult {
    the_dict(&args.pos[0]).clear();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(dict_value(the_dict(&args.pos[0]).copy()))
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult {
    let d = Dict::new();
    let val = args.pos.get(2).cloned().unwrap_or(Value::None);
    for k in ops::iterate(vm, &args.pos[1])? {
        d.set(vm, k, val.clone())?;
    }
    Ok(dict_value(d))
}

// ----- views -----

struct View {
    dict: Value,
    kind: u8,
}

fn view_classes() -> &'static [ObjRef; 3] {
    static V: OnceLock<[ObjRef; 3]> = OnceLock::new();
    V.get_or_init(|| {
        let o = vec![types().object.clone()];
        let k = super::make_class("dict_keys", o.clone(), BaseKind::Other);
        let v = super::make_class("dict_values", o.clone(), BaseKind::Other);
        let i = super::make_class("dict_items", o, BaseKind::Other);
        for c in [&k, &v, &i] {
            method(c, "__iter__", view_iter);
            method(c, "__len__", view_len);
            method(c, "__repr__", view_repr);
            method(c, "__contains__", view_contains);
        }
        class_dict_set_ops(&k);
        class_dict_set_ops(&i);
        [k, v, i]
    })
}

fn class_dict_set_ops(c: &ObjRef) {
    method(c, "__and__", view_and);
    method(c, "__or__", view_or);
    method(c, "__sub__", view_sub);
    method(c, "__xor__", view_xor);
    method(c, "__eq__", view_eq);
    method(c, "isdisjoint", view_isdisjoint);
}

fn make_view(d: &Value, kind: u8) -> Value {
    let cls = view_classes()[kind as usize].clone();
    Value::Obj(Obj::with_class(cls, Payload::Native(Box::new(View { dict: d.clone(), kind })), None))
}

fn view_of(v: &Value) -> &View {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<View>().expect("dict view"),
        _ => panic!("not a view"),
    }
}

fn view_items(v: &Value) -> Vec<Value> {
    let view = view_of(v);
    let d = the_dict(&view.dict);
    match view.kind {
        0 => d.keys(),
        1 => d.values(),
        _ => d.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    }
}

fn view_iter(_vm: &mut Vm, args: Args) -> PyResult {
    let view = view_of(&args.pos[0]);
    Ok(ops::new_iter(IterState::DictKeys { dict: view.dict.obj().unwrap().clone(), idx: 0, kind: view.kind, size: usize::MAX }))
}

fn view_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(the_dict(&view_of(&args.pos[0]).dict).len() as i64))
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult {
    let name = match view_of(&args.pos[0]).kind {
        0 => "dict_keys",
        1 => "dict_values",
        _ => "dict_items",
    };
    let l = Value::list(view_items(&args.pos[0]));
    Ok(Value::str(format!("{}({})", name, ops::repr(vm, &l)?)))
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult {
    let view = view_of(&args.pos[0]);
    let d = the_dict(&view.dict);
    match view.kind {
        0 => Ok(Value::Bool(d.contains(vm, &args.pos[1])?)),
        1 => {
            for v in d.values() {
                if ops::eq(vm, &v, &args.pos[1])? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => {
            let Some(t) = args.pos[1].tuple_items().filter(|t| t.len() == 2) else { return Ok(Value::Bool(false)) };
            match d.get(vm, &t[0])? {
                Some(v) => Ok(Value::Bool(ops::eq(vm, &v, &t[1])?)),
                None => Ok(Value::Bool(false)),
            }
        }
    }
}

fn view_setop(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult {
    let a = super::set::new_set(vm, view_items(&args.pos[0]), false)?;
    let other = ops::iterate(vm, &args.pos[1])?;
    let b = super::set::new_set(vm, other, false)?;
    ops::binary_op(vm, op, &a, &b)
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, &args, BinOp::And)
}
fn view_or(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, &args, BinOp::Or)
}
fn view_sub(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, &args, BinOp::Sub)
}
fn view_xor(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, &args, BinOp::Xor)
}
fn view_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = super::set::new_set(vm, view_items(&args.pos[0]), false)?;
    let other = match args.pos[1].payload() {
        Some(Payload::Native(_)) if view_of_opt(&args.pos[1]).is_some() => view_items(&args.pos[1]),
        Some(Payload::Set(_) | Payload::FrozenSet(_)) => ops::iterate(vm, &args.pos[1])?,
        _ => return Ok(Value::Bool(false)),
    };
    let b = super::set::new_set(vm, other, false)?;
    ops::compare(vm, crate::vm::code::CmpOp::Eq, &a, &b)
}
fn view_of_opt(v: &Value) -> Option<&View> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<View>(),
        _ => None,
    }
}
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let r = view_setop(vm, &args, BinOp::And)?;
    Ok(Value::Bool(!ops::truthy(vm, &r)?))
}

fn keys(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(make_view(&args.pos[0], 0))
}
fn values(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(make_view(&args.pos[0], 1))
}
fn items(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(make_view(&args.pos[0], 2))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult {
    getitem(vm, &args.pos[0], &args.pos[1])
}
fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult {
    the_dict(&args.pos[0]).set(vm, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}
fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult {
    match the_dict(&args.pos[0]).remove(vm, &args.pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args.pos[1].clone())),
    }
}
fn dict_contains(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(the_dict(&args.pos[0]).contains(vm, &args.pos[1])?))
}
fn dict_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(the_dict(&args.pos[0]).len() as i64))
}
fn dict_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(ops::new_iter(IterState::DictKeys { dict: args.pos[0].obj().unwrap().clone(), idx: 0, kind: 0, size: usize::MAX }))
}
fn dict_repr(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(repr(vm, &args.pos[0])?))
}
fn dict_reversed(_vm: &mut Vm, args: Args) -> PyResult {
    let mut k = the_dict(&args.pos[0]).keys();
    k.reverse();
    let l = Value::list(k);
    Ok(ops::new_iter(IterState::Seq { seq: l, idx: 0 }))
}

pub fn register() {
    let d = &types().dict;
    static_method(d, "__new__", dict_new);
    method(d, "__init__", dict_init);
    method(d, "get", get);
    method(d, "setdefault", setdefault);
    method(d, "pop", pop);
    method(d, "popitem", popitem);
    method(d, "update", update);
    method(d, "clear", clear);
    method(d, "copy", copy);
    class_method(d, "fromkeys", fromkeys);
    method(d, "keys", keys);
    method(d, "values", values);
    method(d, "items", items);
    method(d, "__getitem__", dict_getitem);
    method(d, "__setitem__", dict_setitem);
    method(d, "__delitem__", dict_delitem);
    method(d, "__contains__", dict_contains);
    method(d, "__len__", dict_len);
    method(d, "__iter__", dict_iter);
    method(d, "__repr__", dict_repr);
    method(d, "__reversed__", dict_reversed);
    view_classes();
}
