//! Builtin iterators: over sequences, ranges, strings, dict/set tables,
//! callables with a sentinel, and native iterators (enumerate, zip, map...).
//! The iterator's lock is never held across a Python call.

use super::{method, types};
use crate::vm::eval::ns_dict;
use crate::vm::spin::SpinLock;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use std::sync::Mutex;

pub fn iter_next(vm: &mut Vm, st: &SpinLock<IterState>) -> PyResult<Option<Value>> {
    let mut g = lock(st);
    match &mut *g {
        IterState::Done => Ok(None),
        IterState::Range { cur, stop, step } => {
            let c = *cur;
            if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                *cur = c + *step;
                Ok(Some(Value::Int(c)))
            } else {
                *g = IterState::Done;
                Ok(None)
            }
        }
        IterState::Str { s, byte_pos } => {
            let Payload::Str(ps) = &s.payload else { return Ok(None) };
            match ps.s[*byte_pos..].chars().next() {
                Some(ch) => {
                    *byte_pos += ch.len_utf8();
                    let mut buf = [0u8; 4];
                    Ok(Some(Value::str(&*ch.encode_utf8(&mut buf))))
                }
                None => {
                    *g = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::DictKeys { dict, idx, kind, size } => {
            let is_set = matches!(dict.payload, Payload::Set(_) | Payload::FrozenSet(_));
            let d = match &dict.payload {
                Payload::Dict(d) | Payload::Set(d) | Payload::FrozenSet(d) => d,
                _ => ns_dict(dict),
            };
            let len = d.len();
            if *size == usize::MAX {
                *size = len;
            } else if *size != len {
                *size = len;
                drop(g);
                return Err(vm.runtime_error(if is_set { "Set changed size during iteration" } else { "dictionary changed size during iteration" }));
            }
            match d.entry_from(*idx) {
                Some((next, k, v)) => {
                    *idx = next;
                    Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => Value::tuple(vec![k, v]),
                    }))
                }
                None => {
                    *g = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::Seq { seq, idx } => {
            let i = *idx;
            let item = match seq.payload() {
                Some(Payload::List(l)) if seq.obj().map(|o| o.cls.is_none()).unwrap_or(true) || ops::lookup_user_special(seq, "__getitem__").is_none() => Some(lock(l).get(i).cloned()),
                Some(Payload::Tuple(t)) if ops::lookup_user_special(seq, "__getitem__").is_none() => Some(t.get(i).cloned()),
                Some(Payload::Bytes(b)) => Some(b.get(i).map(|x| Value::Int(*x as i64))),
                Some(Payload::ByteArray(b)) => Some(lock(b).get(i).map(|x| Value::Int(*x as i64))),
                _ => None,
            };
            match item {
                Some(Some(v)) => {
                    *idx += 1;
                    Ok(Some(v))
                }
                Some(None) => {
                    *g = IterState::Done;
                    Ok(None)
                }
                None => {
                    // A user sequence: call __getitem__ with the lock released.
                    let seq = seq.clone();
                    drop(g);
                    match ops::getitem(vm, &seq, &Value::Int(i as i64)) {
                        Ok(v) => {
                            if let IterState::Seq { idx, .. } = &mut *lock(st) {
                                *idx = i + 1;
                            }
                            Ok(Some(v))
                        }
                        Err(e) if vm.is_exc(&e, "IndexError") || vm.is_exc(&e, "StopIteration") => {
                            *lock(st) = IterState::Done;
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
        IterState::Callable { func, sentinel, done } => {
            if *done {
                return Ok(None);
            }
            let (f, s) = (func.clone(), sentinel.clone());
            drop(g);
            let v = vm.call(&f, vec![])?;
            if ops::eq(vm, &v, &s)? {
                *lock(st) = IterState::Done;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Native(_) => {
            let IterState::Native(mut it) = std::mem::replace(&mut *g, IterState::Done) else { unreachable!() };
            drop(g);
            let r = it.next(vm);
            let mut g = lock(st);
            if !matches!(r, Ok(None)) {
                *g = IterState::Native(it);
            }
            r
        }
    }
}

/// The class of an iterator object, named after what it iterates
/// (list_iterator, range_iterator, dict_keyiterator, enumerate, zip...).
pub fn iterator_class(st: &SpinLock<IterState>) -> &'static ObjRef {
    let name: &'static str = match &*lock(st) {
        IterState::Seq { seq, .. } => match seq.payload() {
            Some(Payload::Tuple(_)) => "tuple_iterator",
            Some(Payload::Bytes(_)) => "bytes_iterator",
            Some(Payload::ByteArray(_)) => "bytearray_iterator",
            Some(Payload::List(_)) => "list_iterator",
            _ => "iterator",
        },
        IterState::Range { .. } => "range_iterator",
        IterState::Str { s, .. } => match &s.payload {
            Payload::Str(p) if p.is_ascii() => "str_ascii_iterator",
            _ => "str_iterator",
        },
        IterState::DictKeys { dict, kind, .. } => match (&dict.payload, kind) {
            (Payload::Set(_) | Payload::FrozenSet(_), _) => "set_iterator",
            (_, 0) => "dict_keyiterator",
            (_, 1) => "dict_valueiterator",
            _ => "dict_itemiterator",
        },
        IterState::Callable { .. } => "callable_iterator",
        IterState::Native(n) => n.type_name(),
        IterState::Done => "iterator",
    };
    // Classes live for the whole instance, so they are leaked to hand out
    // 'static references.
    static CLASSES: std::sync::OnceLock<Mutex<std::collections::HashMap<&'static str, &'static ObjRef>>> = std::sync::OnceLock::new();
    let map = CLASSES.get_or_init(|| Mutex::new(std::collections::HashMap::new()));
    let mut m = lock(map);
    m.entry(name).or_insert_with(|| {
        let c = super::make_class(name, vec![types().object.clone()], BaseKind::Other);
        method(&c, "__iter__", iter_iter);
        method(&c, "__next__", iter_next_m);
        Box::leak(Box::new(c))
    })
}

/// Wrap a NativeIter as a Python iterator object.
pub fn native(it: impl NativeIter + 'static) -> Value {
    ops::new_iter(IterState::Native(Box::new(it)))
}

fn iter_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

fn iter_next_m(vm: &mut Vm, args: Args) -> PyResult {
    let Some(Payload::Iterator(st)) = args.pos[0].payload() else { return Err(vm.type_error("not an iterator")) };
    match iter_next(vm, st)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

pub fn register() {
    let t = types();
    method(&t.iterator, "__iter__", iter_iter);
    method(&t.iterator, "__next__", iter_next_m);
}
