//! bytes and bytearray: construction, repr, indexing, concatenation, decode.

use super::list::{repeat_count, slice_indices, slice_positions};
use super::{method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("b{}", quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

pub fn data(v: &Value) -> Vec<u8> {
    match v.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => lock(b).clone(),
        _ => vec![],
    }
}

fn is_bytes_like(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
}

fn like(v: &Value, d: Vec<u8>) -> Value {
    match v.payload() {
        Some(Payload::ByteArray(_)) => Value::Obj(Obj::new(Payload::ByteArray(std::sync::Mutex::new(d)))),
        _ => crate::vm::bytes_value(d),
    }
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add if is_bytes_like(a) && is_bytes_like(b) => {
            let mut d = data(a);
            d.extend(data(b));
            Ok(Some(like(a, d)))
        }
        BinOp::Add if is_bytes_like(a) => Err(vm.type_error(format!("can't concat {} to {}", ops::type_name(b), ops::type_name(a)))),
        BinOp::Mul => {
            let (s, n) = if is_bytes_like(a) { (a, b) } else { (b, a) };
            let Some(n) = repeat_count(vm, n)? else { return Ok(None) };
            Ok(Some(like(s, data(s).repeat(n))))
        }
        BinOp::Mod if is_bytes_like(a) => {
            let f = String::from_utf8_lossy(&data(a)).to_string();
            let r = crate::vm::format::percent_format(vm, &f, b)?;
            Ok(Some(like(a, r.into_bytes())))
        }
        _ => Ok(None),
    }
}

pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if op == BinOp::Add {
        let extra = if is_bytes_like(b) { data(b) } else { return Ok(None) };
        if let Some(Payload::ByteArray(d)) = a.payload() {
            lock(d).extend(extra);
            return Ok(Some(a.clone()));
        }
    }
    let _ = vm;
    Ok(None)
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    let d = data(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let (a, b, c) = slice_indices(vm, key, d.len() as i64)?;
        return Ok(like(obj, slice_positions(a, b, c).into_iter().map(|i| d[i]).collect()));
    }
    let i = ops::to_index(vm, key)?;
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        let what = if matches!(obj.payload(), Some(Payload::ByteArray(_))) { "bytearray" } else { "index" };
        return Err(vm.index_error(if what == "index" { "index out of range".to_string() } else { "bytearray index out of range".to_string() }));
    }
    Ok(Value::Int(d[j as usize] as i64))
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: Value, val: Value) -> PyResult<()> {
    let Some(Payload::ByteArray(d)) = obj.payload() else { return Err(vm.type_error("'bytes' object does not support item assignment")) };
    let i = ops::to_index(vm, &key)?;
    let v = ops::to_index(vm, &val)?;
    if !(0..256).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    let mut d = lock(d);
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(d);
        return Err(vm.index_error("bytearray index out of range"));
    }
    d[j as usize] = v as u8;
    Ok(())
}

pub fn bytes_contains(vm: &mut Vm, b: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(i) = match item {
        Value::Int(i) => Some(*i),
        _ => None,
    } {
        return Ok(b.contains(&(i as u8)));
    }
    if is_bytes_like(item) {
        let sub = data(item);
        return Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()));
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(item))))
}

fn from_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(vec![]),
        Some(v) => match v {
            Value::Int(n) => {
                if *n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                Ok(vec![0; *n as usize])
            }
            _ => {
                if let Some(s) = v.as_str() {
                    return Ok(s.as_bytes().to_vec());
                }
                if is_bytes_like(v) {
                    return Ok(data(v));
                }
                let items = ops::iterate(vm, v)?;
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let n = ops::to_index(vm, &it)?;
                    if !(0..256).contains(&n) {
                        return Err(vm.value_error("bytes must be in range(0, 256)"));
                    }
                    out.push(n as u8);
                }
                Ok(out)
            }
        },
    }
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult {
    let d = from_arg(vm, args.pos.get(1))?;
    Ok(crate::vm::bytes_value(d))
}

fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult {
    let d = from_arg(vm, args.pos.get(1))?;
    Ok(Value::Obj(Obj::new(Payload::ByteArray(std::sync::Mutex::new(d)))))
}

fn decode(vm: &mut Vm, args: Args) -> PyResult {
    let d = data(&args.pos[0]);
    match String::from_utf8(d) {
        Ok(s) => Ok(Value::str(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            Err(vm.err(
                &types().exc("UnicodeDecodeError"),
                format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", byte, pos),
            ))
        }
    }
}

fn hex(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(data(&args.pos[0]).iter().map(|b| format!("{:02x}", b)).collect::<String>()))
}

fn bytes_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(data(&args.pos[0]).len() as i64))
}

fn append(vm: &mut Vm, args: Args) -> PyResult {
    let v = ops::to_index(vm, &args.pos[1])?;
    if let Some(Payload::ByteArray(d)) = args.pos[0].payload() {
        lock(d).push(v as u8);
    }
    Ok(Value::None)
}

fn join(vm: &mut Vm, args: Args) -> PyResult {
    let sep = data(&args.pos[0]);
    let items = ops::iterate(vm, &args.pos[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend(&sep);
        }
        out.extend(data(it));
    }
    Ok(like(&args.pos[0], out))
}

pub fn register() {
    let t = types();
    static_method(&t.bytes, "__new__", bytes_new);
    static_method(&t.bytearray, "__new__", bytearray_new);
    for c in [&t.bytes, &t.bytearray] {
        method(c, "decode", decode);
        method(c, "hex", hex);
        method(c, "__len__", bytes_len);
        method(c, "join", join);
    }
    method(&t.bytearray, "append", append);
}
