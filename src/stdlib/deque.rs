//! `collections.deque` in Rust: a `VecDeque` behind one mutex, so every single
//! operation (append, popleft, rotate, ...) is atomic under truly parallel
//! threads, as it is under CPython's GIL. The lock is never held across a
//! Python call: comparisons (count, index, remove, `in`, ==, <) and reprs work
//! on a snapshot of the items, and a version counter (`state`, bumped by every
//! change of the deque's shape, as in CPython) detects mutation meanwhile.
//! The class is a heap class, so Python code can subclass it.

use crate::vm::code::CmpOp;
use crate::vm::dict::Dict;
use crate::vm::types::{self, list as tlist, method, static_method, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, Flow, PyResult, Vm};
use std::collections::VecDeque;
use std::sync::{Mutex, OnceLock};

pub struct DequeData {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of length or order (not by `d[i] = x` or
    /// `reverse()`, like CPython); iterators and comparisons check it.
    state: u64,
}

impl DequeData {
    /// Push on the right, trimming from the left at maxlen. Returns the evicted item.
    fn push_back(&mut self, x: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        self.items.push_back(x);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }
    fn push_front(&mut self, x: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        self.items.push_front(x);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }
}

pub struct DequeObj(Mutex<DequeData>);

pub fn deque_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = super::random::heap_class("deque", "collections", vec![], BaseKind::Other);
        static_method(&c, "__new__", dq_new);
        static_method(&c, "__class_getitem__", dq_class_getitem);
        let ms: &[(&'static str, NativeFn)] = &[
            ("__init__", dq_init),
            ("append", dq_append),
            ("appendleft", dq_appendleft),
            ("pop", dq_pop),
            ("popleft", dq_popleft),
            ("extend", dq_extend),
            ("extendleft", dq_extendleft),
            ("rotate", dq_rotate),
            ("clear", dq_clear),
            ("copy", dq_copy),
            ("__copy__", dq_copy),
            ("count", dq_count),
            ("index", dq_index),
            ("insert", dq_insert),
            ("remove", dq_remove),
            ("reverse", dq_reverse),
            ("__len__", dq_len),
            ("__iter__", dq_iter),
            ("__reversed__", dq_reversed),
            ("__contains__", dq_contains),
            ("__getitem__", dq_getitem),
            ("__setitem__", dq_setitem),
            ("__delitem__", dq_delitem),
            ("__repr__", dq_repr),
            ("__eq__", dq_eq),
            ("__ne__", dq_ne),
            ("__lt__", dq_lt),
            ("__le__", dq_le),
            ("__gt__", dq_gt),
            ("__ge__", dq_ge),
            ("__add__", dq_add),
            ("__iadd__", dq_iadd),
            ("__mul__", dq_mul),
            ("__rmul__", dq_mul),
            ("__imul__", dq_imul),
        ];
        for (name, f) in ms {
            method(&c, name, *f);
        }
        let d = types::class_dict(&c);
        d.set_str("__hash__", Value::None);
        let fget = types::native_fn("maxlen", dq_maxlen);
        let fset = types::native_fn("maxlen", dq_maxlen_set);
        d.set_str("maxlen", Value::Obj(Obj::new(Payload::Property(fget, fset.clone(), fset, Value::None))));
        d.set_str(
            "__doc__",
            Value::str("A list-like sequence optimized for data accesses near its endpoints."),
        );
        types::object::recompute_flags(&c);
        c
    })
}

fn dq_opt(v: &Value) -> Option<&Mutex<DequeData>> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<DequeObj>().map(|d| &d.0),
        _ => None,
    }
}

fn dq<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Mutex<DequeData>> {
    dq_opt(v).ok_or_else(|| vm.type_error(format!("descriptor requires a 'collections.deque' object but received a '{}'", ops::type_name(v))))
}

fn arg<'a>(vm: &Vm, args: &'a Args, i: usize, name: &str) -> PyResult<&'a Value> {
    args.pos.get(i).ok_or_else(|| vm.type_error(format!("{}() takes exactly one argument (0 given)", name)))
}

fn mutated(vm: &Vm) -> Flow {
    vm.runtime_error("deque mutated during iteration")
}

fn new_deque_obj(cls: ObjRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let dict = if std::sync::Arc::ptr_eq(&cls, deque_class()) { None } else { Some(Dict::new()) };
    Value::Obj(Obj::with_class(cls, Payload::Native(Box::new(DequeObj(Mutex::new(DequeData { items, maxlen, state: 0 })))), dict))
}

/// A plain `collections.deque` (for Rust callers).
pub fn new_deque(items: Vec<Value>, maxlen: Option<usize>) -> Value {
    new_deque_obj(deque_class().clone(), items.into(), maxlen)
}

fn dq_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = match args.pos.first().and_then(|c| c.obj()) {
        Some(c) if matches!(c.payload, Payload::Class(_)) => c.clone(),
        _ => return Err(vm.type_error("deque.__new__(X): X is not a type object")),
    };
    if !ops::is_subclass(&cls, deque_class()) {
        return Err(vm.type_error(format!("deque.__new__({}): {} is not a subtype of deque", ops::class_name(&cls), ops::class_name(&cls))));
    }
    Ok(new_deque_obj(cls, VecDeque::new(), None))
}

fn dq_class_getitem(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn parse_maxlen(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)));
            if !is_int {
                return Err(vm.type_error("an integer is required"));
            }
            let n = ops::to_index(vm, &v).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn dq_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let iterable = args.arg(1, "iterable");
    let maxlen = args.arg(2, "maxlen");
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(format!("deque() got an unexpected keyword argument '{}'", k.as_str().unwrap_or("?"))));
    }
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!("deque expected at most 2 arguments, got {}", args.pos.len() - 1)));
    }
    let maxlen = parse_maxlen(vm, maxlen)?;
    let d = dq(vm, &me)?;
    let old = {
        let mut g = lock(d);
        g.maxlen = maxlen;
        if !g.items.is_empty() {
            g.state = g.state.wrapping_add(1);
        }
        std::mem::take(&mut g.items)
    };
    drop(old);
    if let Some(it) = iterable {
        extend(vm, &me, &it, false)?;
    }
    Ok(Value::None)
}

fn dq_maxlen(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, arg(vm, &args, 0, "maxlen")?)?;
    Ok(match lock(d).maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn dq_maxlen_set(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.attr_error("attribute 'maxlen' of 'collections.deque' objects is not writable"))
}

fn dq_append(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = arg(vm, &args, 1, "append")?.clone();
    let evicted = lock(d).push_back(x);
    drop(evicted);
    Ok(Value::None)
}

fn dq_appendleft(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = arg(vm, &args, 1, "appendleft")?.clone();
    let evicted = lock(d).push_front(x);
    drop(evicted);
    Ok(Value::None)
}

fn dq_pop(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let mut g = lock(d);
    match g.items.pop_back() {
        Some(x) => {
            g.state = g.state.wrapping_add(1);
            Ok(x)
        }
        None => {
            drop(g);
            Err(vm.index_error("pop from an empty deque"))
        }
    }
}

fn dq_popleft(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let mut g = lock(d);
    match g.items.pop_front() {
        Some(x) => {
            g.state = g.state.wrapping_add(1);
            Ok(x)
        }
        None => {
            drop(g);
            Err(vm.index_error("pop from an empty deque"))
        }
    }
}

fn snapshot(d: &Mutex<DequeData>) -> (Vec<Value>, u64) {
    let g = lock(d);
    (g.items.iter().cloned().collect(), g.state)
}

/// Extend `me` (right or left) with the items of `iterable`. Items are
/// collected first (that may run Python code), then added under one lock
/// hold; if the iteration fails, the items collected so far are still added.
fn extend(vm: &mut Vm, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let d = dq(vm, me)?;
    let (items, err) = if iterable.is(me) {
        (snapshot(d).0, None)
    } else if let Some(other) = dq_opt(iterable) {
        (snapshot(other).0, None)
    } else {
        match iterable {
            Value::Obj(o) if o.cls.is_none() && matches!(o.payload, Payload::List(_) | Payload::Tuple(_)) => (ops::iterate(vm, iterable)?, None),
            _ => {
                let it = ops::get_iter(vm, iterable)?;
                let mut out = Vec::new();
                let mut err = None;
                loop {
                    match ops::next(vm, &it) {
                        Ok(Some(x)) => out.push(x),
                        Ok(None) => break,
                        Err(e) => {
                            err = Some(e);
                            break;
                        }
                    }
                }
                (out, err)
            }
        }
    };
    let mut evicted = Vec::new();
    {
        let mut g = lock(d);
        for x in items {
            let e = if left { g.push_front(x) } else { g.push_back(x) };
            if let Some(e) = e {
                evicted.push(e);
            }
        }
    }
    drop(evicted);
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn dq_extend(vm: &mut Vm, args: Args) -> PyResult {
    let it = arg(vm, &args, 1, "extend")?.clone();
    extend(vm, &args.pos[0], &it, false)?;
    Ok(Value::None)
}

fn dq_extendleft(vm: &mut Vm, args: Args) -> PyResult {
    let it = arg(vm, &args, 1, "extendleft")?.clone();
    extend(vm, &args.pos[0], &it, true)?;
    Ok(Value::None)
}

fn dq_rotate(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let n = match args.pos.get(1) {
        Some(v) => ops::to_index(vm, v)?,
        None => 1,
    };
    let mut g = lock(d);
    let len = g.items.len();
    if len <= 1 {
        return Ok(Value::None);
    }
    let k = n.rem_euclid(len as i64) as usize;
    if k != 0 {
        g.items.rotate_right(k);
        g.state = g.state.wrapping_add(1);
    }
    Ok(Value::None)
}

fn dq_clear(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let old = {
        let mut g = lock(d);
        g.state = g.state.wrapping_add(1);
        std::mem::take(&mut g.items)
    };
    drop(old);
    Ok(Value::None)
}

fn copy_of(vm: &mut Vm, me: &Value) -> PyResult {
    let d = dq(vm, me)?;
    let cls = ops::class_of(me);
    if std::sync::Arc::ptr_eq(&cls, deque_class()) {
        let g = lock(d);
        let (items, maxlen) = (g.items.clone(), g.maxlen);
        drop(g);
        return Ok(new_deque_obj(cls, items, maxlen));
    }
    let maxlen = lock(d).maxlen;
    let mut a = vec![me.clone()];
    if let Some(m) = maxlen {
        a.push(Value::Int(m as i64));
    }
    vm.call(&Value::Obj(cls), a)
}

fn dq_copy(vm: &mut Vm, args: Args) -> PyResult {
    copy_of(vm, &args.pos[0])
}

fn dq_count(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = arg(vm, &args, 1, "count")?.clone();
    let (items, state) = snapshot(d);
    let mut c = 0i64;
    for it in &items {
        if ops::eq(vm, it, &x)? {
            c += 1;
        }
        if lock(d).state != state {
            return Err(mutated(vm));
        }
    }
    Ok(Value::Int(c))
}

fn dq_index(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = match args.pos.get(1) {
        Some(x) => x.clone(),
        None => return Err(vm.type_error("index expected at least 1 argument, got 0")),
    };
    if args.pos.len() > 4 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", args.pos.len() - 1)));
    }
    let (items, state) = snapshot(d);
    let n = items.len() as i64;
    let mut start = match args.pos.get(2) {
        Some(v) => ops::to_index(vm, v)?,
        None => 0,
    };
    let mut stop = match args.pos.get(3) {
        Some(v) => ops::to_index(vm, v)?,
        None => n,
    };
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    for i in start..stop {
        if ops::eq(vm, &items[i as usize], &x)? {
            return Ok(Value::Int(i));
        }
        if lock(d).state != state {
            return Err(mutated(vm));
        }
    }
    let r = ops::repr(vm, &x)?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn dq_insert(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.pos.len().saturating_sub(1))));
    }
    let i = ops::to_index(vm, &args.pos[1])?;
    let x = args.pos[2].clone();
    let mut g = lock(d);
    let n = g.items.len();
    if g.maxlen == Some(n) {
        drop(g);
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let pos = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    g.items.insert(pos, x);
    g.state = g.state.wrapping_add(1);
    Ok(Value::None)
}

fn dq_remove(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = arg(vm, &args, 1, "remove")?.clone();
    let (items, state) = snapshot(d);
    for (i, it) in items.iter().enumerate() {
        let found = ops::eq(vm, it, &x)?;
        let mut g = lock(d);
        if g.state != state {
            drop(g);
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if found {
            let removed = g.items.remove(i);
            g.state = g.state.wrapping_add(1);
            drop(g);
            drop(removed);
            return Ok(Value::None);
        }
    }
    let r = ops::repr(vm, &x)?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn dq_reverse(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    lock(d).items.make_contiguous().reverse();
    Ok(Value::None)
}

fn dq_len(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    Ok(Value::Int(lock(d).items.len() as i64))
}

fn dq_contains(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let x = arg(vm, &args, 1, "__contains__")?.clone();
    let (items, state) = snapshot(d);
    for it in &items {
        if ops::eq(vm, it, &x)? {
            return Ok(Value::Bool(true));
        }
        if lock(d).state != state {
            return Err(mutated(vm));
        }
    }
    Ok(Value::Bool(false))
}

/// A sequence index: an int or an object with `__index__`.
fn seq_index(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let is_int = matches!(key, Value::Int(_) | Value::Bool(_)) || matches!(key.payload(), Some(Payload::Int(_)));
    if !is_int && ops::lookup_special(key, "__index__").is_none() {
        return Err(vm.type_error(format!("sequence index must be integer, not '{}'", ops::type_name(key))));
    }
    let i = ops::to_index(vm, key)?;
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn dq_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let key = arg(vm, &args, 1, "__getitem__")?.clone();
    let len = lock(d).items.len();
    let i = seq_index(vm, &key, len)?;
    let g = lock(d);
    match g.items.get(i) {
        Some(x) => Ok(x.clone()),
        None => {
            drop(g);
            Err(vm.index_error("deque index out of range"))
        }
    }
}

fn dq_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    if args.pos.len() != 3 {
        return Err(vm.type_error("expected 2 arguments"));
    }
    let len = lock(d).items.len();
    let i = seq_index(vm, &args.pos[1], len)?;
    let mut g = lock(d);
    match g.items.get_mut(i) {
        Some(slot) => {
            let old = std::mem::replace(slot, args.pos[2].clone());
            drop(g);
            drop(old);
            Ok(Value::None)
        }
        None => {
            drop(g);
            Err(vm.index_error("deque index out of range"))
        }
    }
}

fn dq_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = dq(vm, &args.pos[0])?;
    let key = arg(vm, &args, 1, "__delitem__")?.clone();
    let len = lock(d).items.len();
    let i = seq_index(vm, &key, len)?;
    let mut g = lock(d);
    if i >= g.items.len() {
        drop(g);
        return Err(vm.index_error("deque index out of range"));
    }
    let old = g.items.remove(i);
    g.state = g.state.wrapping_add(1);
    drop(g);
    drop(old);
    Ok(Value::None)
}

fn dq_repr(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let d = dq(vm, &me)?;
    if !tlist::repr_enter(vm, &me) {
        return Ok(Value::str("[...]"));
    }
    let (items, _) = snapshot(d);
    let maxlen = lock(d).maxlen;
    let mut parts = Vec::with_capacity(items.len());
    for x in &items {
        match ops::repr(vm, x) {
            Ok(s) => parts.push(s),
            Err(e) => {
                tlist::repr_leave(vm);
                return Err(e);
            }
        }
    }
    tlist::repr_leave(vm);
    let name = ops::type_name(&me);
    Ok(Value::str(match maxlen {
        None => format!("{}([{}])", name, parts.join(", ")),
        Some(m) => format!("{}([{}], maxlen={})", name, parts.join(", "), m),
    }))
}

fn richcompare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult {
    let a = dq(vm, &args.pos[0])?;
    let Some(b) = args.pos.get(1).and_then(dq_opt) else {
        return Ok(types().not_implemented.clone());
    };
    let (xs, _) = snapshot(a);
    let (ys, _) = snapshot(b);
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && xs.len() != ys.len() {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in xs.iter().zip(ys.iter()) {
        if !ops::eq(vm, x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => ops::compare(vm, op, x, y),
            };
        }
    }
    Ok(Value::Bool(ops::ord_result(op, Some(xs.len().cmp(&ys.len())))))
}

fn dq_eq(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Eq)
}
fn dq_ne(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Ne)
}
fn dq_lt(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Lt)
}
fn dq_le(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Le)
}
fn dq_gt(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Gt)
}
fn dq_ge(vm: &mut Vm, args: Args) -> PyResult {
    richcompare(vm, &args, CmpOp::Ge)
}

fn dq_add(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    dq(vm, &me)?;
    let other = arg(vm, &args, 1, "__add__")?.clone();
    if dq_opt(&other).is_none() {
        return Err(vm.type_error(format!("can only concatenate deque (not \"{}\") to deque", ops::type_name(&other))));
    }
    let r = copy_of(vm, &me)?;
    extend(vm, &r, &other, false)?;
    Ok(r)
}

fn dq_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let other = arg(vm, &args, 1, "__iadd__")?.clone();
    extend(vm, &me, &other, false)?;
    Ok(me)
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)));
    if !is_int && ops::lookup_special(v, "__index__").is_none() {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", ops::type_name(v))));
    }
    ops::to_index(vm, v)
}

/// Repeat the deque's items `n` times in place (keeping the last maxlen).
fn repeat_in_place(vm: &mut Vm, me: &Value, n: i64) -> PyResult<()> {
    let d = dq(vm, me)?;
    let mut g = lock(d);
    if n <= 0 {
        if !g.items.is_empty() {
            g.state = g.state.wrapping_add(1);
        }
        let old = std::mem::take(&mut g.items);
        drop(g);
        drop(old);
        return Ok(());
    }
    if n == 1 || g.items.is_empty() {
        return Ok(());
    }
    let len = g.items.len();
    let total = len.checked_mul(n as usize).filter(|t| *t <= (isize::MAX as usize) / 16);
    let Some(total) = total else {
        drop(g);
        return Err(vm.err(&types().exc("MemoryError"), ""));
    };
    let keep = g.maxlen.map(|m| m.min(total)).unwrap_or(total);
    let src: Vec<Value> = g.items.iter().cloned().collect();
    let mut out = VecDeque::with_capacity(keep);
    for k in (total - keep)..total {
        out.push_back(src[k % len].clone());
    }
    g.items = out;
    g.state = g.state.wrapping_add(1);
    Ok(())
}

fn dq_mul(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    dq(vm, &me)?;
    let n = repeat_count(vm, arg(vm, &args, 1, "__mul__")?)?;
    let r = copy_of(vm, &me)?;
    repeat_in_place(vm, &r, n)?;
    Ok(r)
}

fn dq_imul(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.pos[0].clone();
    let n = repeat_count(vm, arg(vm, &args, 1, "__imul__")?)?;
    repeat_in_place(vm, &me, n)?;
    Ok(me)
}

// ----- iterators -----

struct DequeIter {
    deque: Value,
    state: u64,
    index: usize,
    counter: usize,
    reverse: bool,
}

impl NativeIter for DequeIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(d) = dq_opt(&self.deque) else { return Ok(None) };
        let g = lock(d);
        // CPython's reverse iterator checks exhaustion first, the forward one mutation first.
        if self.reverse && self.counter == 0 {
            return Ok(None);
        }
        if g.state != self.state {
            self.counter = 0;
            drop(g);
            return Err(mutated(vm));
        }
        if self.counter == 0 {
            return Ok(None);
        }
        let n = g.items.len();
        let i = if self.reverse { n.wrapping_sub(1 + self.index) } else { self.index };
        let x = g.items.get(i).cloned();
        drop(g);
        self.index += 1;
        self.counter -= 1;
        Ok(x)
    }
    fn type_name(&self) -> &'static str {
        if self.reverse {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        }
    }
}

fn make_iter(vm: &mut Vm, me: &Value, reverse: bool) -> PyResult {
    let d = dq(vm, me)?;
    let g = lock(d);
    let it = DequeIter { deque: me.clone(), state: g.state, index: 0, counter: g.items.len(), reverse };
    drop(g);
    Ok(types::iter::native(it))
}

fn dq_iter(vm: &mut Vm, args: Args) -> PyResult {
    make_iter(vm, &args.pos[0], false)
}

fn dq_reversed(vm: &mut Vm, args: Args) -> PyResult {
    make_iter(vm, &args.pos[0], true)
}
