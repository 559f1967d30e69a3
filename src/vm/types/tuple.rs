//! tuple: indexing, slicing, concatenation, repr and the tuple methods.

use super::list::{repeat_count, slice_indices, slice_positions};
use super::{method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

fn items(v: &Value) -> &[Value] {
    v.tuple_items().unwrap_or(&[])
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    let t = items(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let (a, b, c) = slice_indices(vm, key, t.len() as i64)?;
        return Ok(Value::tuple(slice_positions(a, b, c).into_iter().map(|i| t[i].clone()).collect()));
    }
    let i = ops::to_index(vm, key).map_err(|_| vm.type_error(format!("tuple indices must be integers or slices, not {}", ops::type_name(key))))?;
    let n = t.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("tuple index out of range"));
    }
    Ok(t[j as usize].clone())
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match b.payload() {
            Some(Payload::Tuple(t2)) => {
                let mut v = items(a).to_vec();
                v.extend(t2.iter().cloned());
                Ok(Some(Value::tuple(v)))
            }
            _ => {
                if matches!(a.payload(), Some(Payload::Tuple(_))) {
                    Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", ops::type_name(b))))
                } else {
                    Ok(None)
                }
            }
        },
        BinOp::Mul => {
            let (seq, n) = if matches!(a.payload(), Some(Payload::Tuple(_))) { (a, b) } else { (b, a) };
            let Some(n) = repeat_count(vm, n)? else { return Ok(None) };
            let it = items(seq);
            vm.reserve(it.len().saturating_mul(n).saturating_mul(std::mem::size_of::<Value>()))?;
            let mut out = Vec::with_capacity(it.len() * n);
            for _ in 0..n {
                out.extend(it.iter().cloned());
            }
            Ok(Some(Value::tuple(out)))
        }
        _ => Ok(None),
    }
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if !super::list::repr_enter(vm, v) {
        return Ok("(...)".into());
    }
    let it = items(v).to_vec();
    let mut parts = Vec::with_capacity(it.len());
    for x in &it {
        match ops::repr(vm, x) {
            Ok(s) => parts.push(s),
            Err(e) => {
                super::list::repr_leave(vm);
                return Err(e);
            }
        }
    }
    super::list::repr_leave(vm);
    Ok(if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) })
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].obj().unwrap().clone();
    let it = match args.pos.get(1) {
        Some(v) => ops::iterate(vm, v)?,
        None => vec![],
    };
    if std::sync::Arc::ptr_eq(&cls, &types().tuple) {
        Ok(Value::tuple(it))
    } else {
        Ok(Value::Obj(Obj::with_class(cls, Payload::Tuple(it.into_boxed_slice()), Some(crate::vm::dict::Dict::new()))))
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let t = items(&args.pos[0]).to_vec();
    for (i, x) in t.iter().enumerate() {
        if ops::eq(vm, x, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let t = items(&args.pos[0]).to_vec();
    let mut c = 0;
    for x in &t {
        if ops::eq(vm, x, &args.pos[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn tuple_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(items(&args.pos[0]).len() as i64))
}

fn tuple_getitem(vm: &mut Vm, args: Args) -> PyResult {
    getitem(vm, &args.pos[0], &args.pos[1])
}

fn tuple_repr(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(repr(vm, &args.pos[0])?))
}

fn tuple_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(ops::new_iter(IterState::Seq { seq: args.pos[0].clone(), idx: 0 }))
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult {
    let plain = Value::tuple(items(&args.pos[0]).to_vec());
    Ok(Value::Int(ops::hash(vm, &plain)?))
}

pub fn register() {
    let t = &types().tuple;
    static_method(t, "__new__", tuple_new);
    method(t, "index", index);
    method(t, "count", count);
    method(t, "__len__", tuple_len);
    method(t, "__getitem__", tuple_getitem);
    method(t, "__repr__", tuple_repr);
    method(t, "__iter__", tuple_iter);
    method(t, "__hash__", tuple_hash);
}
