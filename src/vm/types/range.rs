//! range: lazy arithmetic progressions (len, index, contains, slicing).

use super::list::slice_indices;
use super::{method, static_method, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

fn parts(v: &Value) -> (i64, i64, i64) {
    match v.payload() {
        Some(Payload::Range(a, b, c)) => (*a, *b, *c),
        _ => (0, 0, 1),
    }
}

pub fn range_len(v: &Value) -> i64 {
    let (a, b, c) = parts(v);
    if c > 0 && a < b {
        (b - a - 1) / c + 1
    } else if c < 0 && a > b {
        (a - b - 1) / (-c) + 1
    } else {
        0
    }
}

pub fn range_eq(a: &Value, b: &Value) -> bool {
    let (la, lb) = (range_len(a), range_len(b));
    if la != lb {
        return false;
    }
    if la == 0 {
        return true;
    }
    let (a0, _, sa) = parts(a);
    let (b0, _, sb) = parts(b);
    a0 == b0 && (la == 1 || sa == sb)
}

pub fn range_contains(vm: &mut Vm, r: &Value, item: &Value) -> PyResult<bool> {
    let x = match item {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => {
            for v in ops::iterate(vm, r)? {
                if ops::eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    };
    let (a, b, c) = parts(r);
    Ok(if c > 0 { x >= a && x < b && (x - a) % c == 0 } else { x <= a && x > b && (a - x) % (-c) == 0 })
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    let (a, _, c) = parts(obj);
    let n = range_len(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let (s, e, st) = slice_indices(vm, key, n)?;
        return Ok(Value::Obj(Obj::new(Payload::Range(a + s * c, a + e * c, c * st))));
    }
    let i = ops::to_index(vm, key).map_err(|_| vm.type_error(format!("range indices must be integers or slices, not {}", ops::type_name(key))))?;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::Int(a + j * c))
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = &args.pos[1..];
    let mut nums = Vec::new();
    for v in a {
        nums.push(ops::to_index(vm, v)?);
    }
    let (start, stop, step) = match nums.len() {
        1 => (0, nums[0], 1),
        2 => (nums[0], nums[1], 1),
        3 => (nums[0], nums[1], nums[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(Obj::new(Payload::Range(start, stop, step))))
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(range_contains(vm, &args.pos[0], &args.pos[1])? as i64))
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    if range_contains(vm, &args.pos[0], &args.pos[1])? {
        let (a, _, c) = parts(&args.pos[0]);
        if let Value::Int(x) = args.pos[1] {
            return Ok(Value::Int((x - a) / c));
        }
    }
    let r = ops::repr(vm, &args.pos[1])?;
    Err(vm.value_error(format!("{} is not in range", r)))
}

fn range_len_m(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(range_len(&args.pos[0])))
}

fn range_iter(_vm: &mut Vm, args: Args) -> PyResult {
    let (a, b, c) = parts(&args.pos[0]);
    Ok(ops::new_iter(IterState::Range { cur: a, stop: b, step: c }))
}

fn range_reversed(_vm: &mut Vm, args: Args) -> PyResult {
    let (a, _, c) = parts(&args.pos[0]);
    let n = range_len(&args.pos[0]);
    let last = a + (n - 1) * c;
    Ok(ops::new_iter(IterState::Range { cur: last, stop: a - c, step: -c }))
}

pub fn register() {
    let r = &types().range;
    static_method(r, "__new__", range_new);
    method(r, "count", count);
    method(r, "index", index);
    method(r, "__len__", range_len_m);
    method(r, "__iter__", range_iter);
    method(r, "__reversed__", range_reversed);
}
