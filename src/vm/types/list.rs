//! list: indexing and slicing (including slice assignment), concatenation,
//! repr with recursion guard, a stable merge sort, and the list methods.

use super::{check_args, method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

/// Normalised (start, stop, step) of a slice over a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: &Value, len: i64) -> PyResult<(i64, i64, i64)> {
    let Some(Payload::Slice(a, b, c)) = s.payload() else { unreachable!() };
    let step = if c.is_none() { 1 } else { slice_part(vm, c)? };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |v: i64| -> i64 {
        if v < 0 {
            (v + len).max(lo)
        } else {
            v.min(hi)
        }
    };
    let start = if a.is_none() { if step < 0 { hi } else { lo } } else { norm(slice_part(vm, a)?) };
    let stop = if b.is_none() { if step < 0 { lo } else { hi } } else { norm(slice_part(vm, b)?) };
    Ok((start, stop, step))
}

fn slice_part(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match ops::to_index(vm, v) {
        Ok(i) => Ok(i),
        Err(_) => {
            if let Some(b) = ops::to_bigint(v) {
                use num_traits::Signed;
                return Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
            }
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// The indexes a slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

pub fn list_items(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::List(l)) => lock(l).clone(),
        _ => vec![],
    }
}

fn the_list(v: &Value) -> &crate::vm::spin::SpinLock<Vec<Value>> {
    match v.payload() {
        Some(Payload::List(l)) => l,
        _ => panic!("not a list"),
    }
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    let l = the_list(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let len = lock(l).len() as i64;
        let (a, b, c) = slice_indices(vm, key, len)?;
        let items = lock(l);
        let out: Vec<Value> = slice_positions(a, b, c).into_iter().filter_map(|i| items.get(i).cloned()).collect();
        return Ok(Value::list(out));
    }
    let i = ops::to_index(vm, key).map_err(|_| vm.type_error(format!("list indices must be integers or slices, not {}", ops::type_name(key))))?;
    let items = lock(l);
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        return Err(vm.index_error("list index out of range"));
    }
    Ok(items[j as usize].clone())
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: Value, val: Value) -> PyResult<()> {
    let l = the_list(obj);
    if let Some(Payload::Slice(_, _, step)) = key.payload() {
        let new = ops::iterate(vm, &val)?;
        let len = lock(l).len() as i64;
        let (a, b, c) = slice_indices(vm, &key, len)?;
        if step.is_none() || c == 1 {
            let b = b.max(a);
            lock(l).splice(a as usize..b as usize, new);
            return Ok(());
        }
        let pos = slice_positions(a, b, c);
        if pos.len() != new.len() {
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        let mut items = lock(l);
        for (p, v) in pos.into_iter().zip(new) {
            items[p] = v;
        }
        return Ok(());
    }
    let i = ops::to_index(vm, &key).map_err(|_| vm.type_error(format!("list indices must be integers or slices, not {}", ops::type_name(&key))))?;
    let mut items = lock(l);
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        return Err(vm.index_error("list assignment index out of range"));
    }
    items[j as usize] = val;
    Ok(())
}

pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    let l = the_list(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let len = lock(l).len() as i64;
        let (a, b, c) = slice_indices(vm, key, len)?;
        let mut pos = slice_positions(a, b, c);
        pos.sort_unstable();
        let mut items = lock(l);
        for p in pos.into_iter().rev() {
            if p < items.len() {
                items.remove(p);
            }
        }
        return Ok(());
    }
    let i = ops::to_index(vm, key)?;
    let mut items = lock(l);
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        return Err(vm.index_error("list assignment index out of range"));
    }
    items.remove(j as usize);
    Ok(())
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match b.payload() {
            Some(Payload::List(l2)) => {
                let mut v = list_items(a);
                v.extend(lock(l2).iter().cloned());
                Ok(Some(Value::list(v)))
            }
            _ => {
                if matches!(a.payload(), Some(Payload::List(_))) {
                    Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", ops::type_name(b))))
                } else {
                    Ok(None)
                }
            }
        },
        BinOp::Mul => {
            let (seq, n) = if matches!(a.payload(), Some(Payload::List(_))) { (a, b) } else { (b, a) };
            let Some(n) = repeat_count(vm, n)? else { return Ok(None) };
            let items = list_items(seq);
            vm.reserve(items.len().saturating_mul(n).saturating_mul(std::mem::size_of::<Value>()))?;
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Ok(Some(Value::list(out)))
        }
        _ => Ok(None),
    }
}

/// The count for sequence repetition (negative counts act as zero).
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    match n {
        Value::Int(i) => Ok(Some((*i).max(0) as usize)),
        Value::Bool(b) => Ok(Some(*b as usize)),
        _ => {
            if ops::lookup_user_special(n, "__index__").is_some() {
                return Ok(Some(ops::to_index(vm, n)?.max(0) as usize));
            }
            Ok(None)
        }
    }
}

pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => {
            let items = ops::iterate(vm, b)?;
            lock(the_list(a)).extend(items);
            Ok(Some(a.clone()))
        }
        BinOp::Mul => {
            let Some(n) = repeat_count(vm, b)? else { return Ok(None) };
            vm.reserve(lock(the_list(a)).len().saturating_mul(n).saturating_mul(std::mem::size_of::<Value>()))?;
            let mut l = lock(the_list(a));
            let items = l.clone();
            l.clear();
            for _ in 0..n {
                l.extend(items.iter().cloned());
            }
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// Guard against infinite recursion in repr of self-containing containers.
pub fn repr_enter(vm: &mut Vm, v: &Value) -> bool {
    let id = v.id();
    if vm.repr_guard.contains(&id) {
        return false;
    }
    vm.repr_guard.push(id);
    true
}

pub fn repr_leave(vm: &mut Vm) {
    vm.repr_guard.pop();
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if !repr_enter(vm, v) {
        return Ok("[...]".into());
    }
    let items = list_items(v);
    let mut parts = Vec::with_capacity(items.len());
    for x in &items {
        match ops::repr(vm, x) {
            Ok(s) => parts.push(s),
            Err(e) => {
                repr_leave(vm);
                return Err(e);
            }
        }
    }
    repr_leave(vm);
    Ok(format!("[{}]", parts.join(", ")))
}

/// Stable merge sort with fallible Python comparisons.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, keys: Option<Vec<Value>>, reverse: bool) -> PyResult<()> {
    let n = items.len();
    let keys = keys.unwrap_or_else(|| items.clone());
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf = idx.clone();
    // lt(a, b) for the merge; reverse keeps stability by swapping the test.
    fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut [usize], buf: &mut [usize], reverse: bool) -> PyResult<()> {
        let n = idx.len();
        if n <= 1 {
            return Ok(());
        }
        if n <= 8 {
            // insertion sort
            for i in 1..n {
                let mut j = i;
                while j > 0 {
                    let a = &keys[idx[j]];
                    let b = &keys[idx[j - 1]];
                    let less = if reverse { ops::less_than(vm, b, a)? } else { ops::less_than(vm, a, b)? };
                    if !less {
                        break;
                    }
                    idx.swap(j, j - 1);
                    j -= 1;
                }
            }
            return Ok(());
        }
        let mid = n / 2;
        {
            let (l, r) = idx.split_at_mut(mid);
            let (bl, br) = buf.split_at_mut(mid);
            merge_sort(vm, keys, l, bl, reverse)?;
            merge_sort(vm, keys, r, br, reverse)?;
        }
        buf[..n].copy_from_slice(idx);
        let (mut i, mut j, mut k) = (0, mid, 0);
        while i < mid && j < n {
            let a = &keys[buf[j]];
            let b = &keys[buf[i]];
            let take_right = if reverse { ops::less_than(vm, b, a)? } else { ops::less_than(vm, a, b)? };
            if take_right {
                idx[k] = buf[j];
                j += 1;
            } else {
                idx[k] = buf[i];
                i += 1;
            }
            k += 1;
        }
        while i < mid {
            idx[k] = buf[i];
            i += 1;
            k += 1;
        }
        while j < n {
            idx[k] = buf[j];
            j += 1;
            k += 1;
        }
        Ok(())
    }
    merge_sort(vm, &keys, &mut idx, &mut buf, reverse)?;
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn list_sort(vm: &mut Vm, mut args: Args) -> PyResult {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let reverse = match args.take_kw("reverse") {
        Some(r) => ops::truthy(vm, &r)?,
        None => false,
    };
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let this = args.pos[0].clone();
    let mut items = list_items(&this);
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(vm.call(&k, vec![x.clone()])?);
            }
            Some(ks)
        }
        None => None,
    };
    sort_values(vm, &mut items, keys, reverse)?;
    *lock(the_list(&this)) = items;
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "list.append", &args, 2, 2).map_err(|_| vm.type_error(format!("list.append() takes exactly one argument ({} given)", args.pos.len() - 1)))?;
    lock(the_list(&args.pos[0])).push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult {
    let items = ops::iterate(vm, &args.pos[1])?;
    lock(the_list(&args.pos[0])).extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.pos.len() - 1)));
    }
    let i = ops::to_index(vm, &args.pos[1])?;
    let mut l = lock(the_list(&args.pos[0]));
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    let i = match args.pos.get(1) {
        Some(v) => ops::to_index(vm, v)?,
        None => -1,
    };
    let mut l = lock(the_list(&args.pos[0]));
    if l.is_empty() {
        drop(l);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(l);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    let items = list_items(&args.pos[0]);
    for (i, x) in items.iter().enumerate() {
        if ops::eq(vm, x, &args.pos[1])? {
            let mut l = lock(the_list(&args.pos[0]));
            if i < l.len() {
                l.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let items = list_items(&args.pos[0]);
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match args.pos.get(2) {
        Some(v) => norm(ops::to_index(vm, v)?),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => norm(ops::to_index(vm, v)?),
        None => n,
    };
    for i in start..stop {
        if ops::eq(vm, &items[i as usize], &args.pos[1])? {
            return Ok(Value::Int(i));
        }
    }
    let r = ops::repr(vm, &args.pos[1])?;
    Err(vm.value_error(format!("{} is not in list", r)))
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let items = list_items(&args.pos[0]);
    let mut c = 0;
    for x in &items {
        if ops::eq(vm, x, &args.pos[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult {
    lock(the_list(&args.pos[0])).clear();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::list(list_items(&args.pos[0])))
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult {
    lock(the_list(&args.pos[0])).reverse();
    Ok(Value::None)
}

fn list_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].obj().unwrap().clone();
    // list.__init__ fills the list; __new__ only allocates it.
    let _ = vm;
    let items = vec![];
    if std::sync::Arc::ptr_eq(&cls, &types().list) {
        Ok(Value::list(items))
    } else {
        Ok(Value::Obj(Obj::with_class(cls, Payload::List(crate::vm::spin::SpinLock::new(items)), Some(crate::vm::dict::Dict::new()))))
    }
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    let this = &args.pos[0];
    if let Some(it) = args.pos.get(1) {
        let items = ops::iterate(vm, it)?;
        *lock(the_list(this)) = items;
    } else if ops::class_of(this).cls_is_not_list() {
        lock(the_list(this)).clear();
    }
    Ok(Value::None)
}

trait NotList {
    fn cls_is_not_list(&self) -> bool;
}
impl NotList for ObjRef {
    fn cls_is_not_list(&self) -> bool {
        !std::sync::Arc::ptr_eq(self, &types().list)
    }
}

fn list_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(lock(the_list(&args.pos[0])).len() as i64))
}

fn list_getitem(vm: &mut Vm, args: Args) -> PyResult {
    getitem(vm, &args.pos[0], &args.pos[1])
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult {
    setitem(vm, &args.pos[0], args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn list_iter(vm: &mut Vm, args: Args) -> PyResult {
    let _ = vm;
    Ok(ops::new_iter(IterState::Seq { seq: args.pos[0].clone(), idx: 0 }))
}

fn list_repr(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(repr(vm, &args.pos[0])?))
}

fn list_contains(vm: &mut Vm, args: Args) -> PyResult {
    let items = list_items(&args.pos[0]);
    for x in &items {
        if ops::eq(vm, x, &args.pos[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn register() {
    let t = types();
    let l = &t.list;
    static_method(l, "__new__", list_new);
    method(l, "__init__", list_init);
    method(l, "append", append);
    method(l, "extend", extend);
    method(l, "insert", insert);
    method(l, "pop", pop);
    method(l, "remove", remove);
    method(l, "index", index);
    method(l, "count", count);
    method(l, "clear", clear);
    method(l, "copy", copy);
    method(l, "reverse", reverse);
    method(l, "sort", list_sort);
    method(l, "__len__", list_len);
    method(l, "__getitem__", list_getitem);
    method(l, "__setitem__", list_setitem);
    method(l, "__iter__", list_iter);
    method(l, "__repr__", list_repr);
    method(l, "__contains__", list_contains);
}
