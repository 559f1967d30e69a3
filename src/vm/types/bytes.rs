//! bytes and bytearray: construction, repr, indexing, concatenation, the full
//! method set (shared by both types), bytearray mutation, and the codecs
//! (utf-8, ascii, latin-1, utf-16/32) behind str.encode and bytes.decode.

use super::list::{repeat_count, slice_indices, slice_positions};
use super::{class_method, method, static_method, types};
use crate::vm::code::{BinOp, CmpOp};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use std::sync::Mutex;

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
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

/// repr(bytearray): like bytes, but a single quote is always escaped.
pub fn bytearray_repr(b: &[u8]) -> String {
    let r = bytes_repr(b);
    if r.starts_with("b\"") && b.contains(&b'\'') {
        let inner = &r[2..r.len() - 1];
        return format!("bytearray(b\"{}\")", inner.replace('\'', "\\'"));
    }
    format!("bytearray({})", r)
}

/// A copy of the bytes of a bytes/bytearray value (empty for anything else).
pub fn data(v: &Value) -> Vec<u8> {
    match v.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => lock(b).clone(),
        _ => vec![],
    }
}

/// Run `f` on the bytes of a bytes/bytearray value without copying a bytes object.
fn with_data<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> R {
    match v.payload() {
        Some(Payload::Bytes(b)) => f(b),
        Some(Payload::ByteArray(b)) => f(&lock(b)),
        _ => f(&[]),
    }
}

pub fn is_bytes_like(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
}

fn is_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::ByteArray(_)))
}

fn bytearray_value(d: Vec<u8>) -> Value {
    Value::Obj(Obj::new(Payload::ByteArray(Mutex::new(d))))
}

/// A new value of the same kind (bytes or bytearray) as `v`.
fn like(v: &Value, d: Vec<u8>) -> Value {
    if is_bytearray(v) {
        bytearray_value(d)
    } else {
        crate::vm::bytes_value(d)
    }
}

fn tname(v: &Value) -> String {
    ops::type_name(v)
}

/// A bytes-like argument (CPython's buffer protocol).
fn buf(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if is_bytes_like(v) {
        return Ok(data(v));
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tname(v))))
}

/// A search argument: bytes-like or an int in range(256).
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if is_bytes_like(v) {
        return Ok(data(v));
    }
    if let Some(i) = super::int::as_int(v) {
        return match i {
            super::int::I::S(n) if (0..256).contains(&n) => Ok(vec![n as u8]),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    if ops::lookup_special(v, "__index__").is_some() {
        let n = ops::to_index(vm, v)?;
        if !(0..256).contains(&n) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![n as u8]);
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", tname(v))))
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = ops::to_index(vm, v).map_err(|e| {
        if vm.is_exc(&e, "TypeError") {
            vm.type_error(format!("'{}' object cannot be interpreted as an integer", tname(v)))
        } else {
            e
        }
    })?;
    if !(0..256).contains(&n) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

// ----- operators -----

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add if is_bytes_like(a) && is_bytes_like(b) => {
            let mut d = data(a);
            with_data(b, |x| d.extend_from_slice(x));
            Ok(Some(like(a, d)))
        }
        BinOp::Add if is_bytes_like(a) => Err(vm.type_error(format!("can't concat {} to {}", tname(b), tname(a)))),
        BinOp::Mul => {
            let (s, n) = if is_bytes_like(a) { (a, b) } else { (b, a) };
            let Some(n) = repeat_count(vm, n)? else {
                if ops::lookup_user_special(n, "__rmul__").is_some() || ops::lookup_user_special(n, "__mul__").is_some() {
                    return Ok(None);
                }
                return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", tname(n))));
            };
            vm.reserve(data(s).len().saturating_mul(n))?;
            Ok(Some(like(s, with_data(s, |x| x.repeat(n)))))
        }
        BinOp::Mod if is_bytes_like(a) => {
            let f = data(a);
            let r = crate::vm::format::percent_format_bytes(vm, &f, b)?;
            Ok(Some(like(a, r)))
        }
        _ => Ok(None),
    }
}

pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(Payload::ByteArray(d)) = a.payload() else { return Ok(None) };
    match op {
        BinOp::Add => {
            if !is_bytes_like(b) {
                return Err(vm.type_error(format!("can't concat {} to {}", tname(b), tname(a))));
            }
            let extra = data(b);
            lock(d).extend(extra);
            Ok(Some(a.clone()))
        }
        BinOp::Mul => {
            let Some(n) = repeat_count(vm, b)? else { return Ok(None) };
            vm.reserve(lock(d).len().saturating_mul(n))?;
            let mut g = lock(d);
            let r = g.repeat(n);
            *g = r;
            drop(g);
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// Rich comparison of bytes/bytearray with each other (None otherwise).
pub fn compare(_vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_bytes_like(a) || !is_bytes_like(b) {
        return Ok(None);
    }
    let o = with_data(a, |x| with_data(b, |y| x.cmp(y)));
    use std::cmp::Ordering::*;
    let r = match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    };
    Ok(Some(Value::Bool(r)))
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    if let Some(Payload::Slice(..)) = key.payload() {
        let n = with_data(obj, |d| d.len());
        let (a, b, c) = slice_indices(vm, key, n as i64)?;
        let out = with_data(obj, |d| {
            if c == 1 {
                let (a, b) = (a.max(0) as usize, (b.max(a)) as usize);
                d[a.min(d.len())..b.min(d.len())].to_vec()
            } else {
                slice_positions(a, b, c).into_iter().filter(|&i| i < d.len()).map(|i| d[i]).collect()
            }
        });
        return Ok(like(obj, out));
    }
    let i = ops::to_index(vm, key).map_err(|e| {
        if vm.is_exc(&e, "TypeError") {
            vm.type_error(format!("byte indices must be integers or slices, not {}", tname(key)))
        } else {
            e
        }
    })?;
    let r = with_data(obj, |d| {
        let n = d.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            None
        } else {
            Some(d[j as usize])
        }
    });
    match r {
        Some(b) => Ok(Value::Int(b as i64)),
        None => Err(vm.index_error(if is_bytearray(obj) { "bytearray index out of range" } else { "index out of range" })),
    }
}

/// The bytes an assigned slice value stands for.
fn assign_source(vm: &mut Vm, val: &Value) -> PyResult<Vec<u8>> {
    if is_bytes_like(val) {
        return Ok(data(val));
    }
    if val.as_str().is_some() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    if let Value::Int(_) = val {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    let items = ops::iterate(vm, val)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_value(vm, &it)?);
    }
    Ok(out)
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: Value, val: Value) -> PyResult<()> {
    let Some(Payload::ByteArray(d)) = obj.payload() else {
        return Err(vm.type_error(format!("'{}' object does not support item assignment", tname(obj))));
    };
    if let Some(Payload::Slice(..)) = key.payload() {
        let src = assign_source(vm, &val)?;
        let n = lock(d).len() as i64;
        let (a, b, c) = slice_indices(vm, &key, n)?;
        let mut g = lock(d);
        if c == 1 {
            let a = a.clamp(0, n) as usize;
            let b = (b.max(a as i64)).clamp(0, n) as usize;
            g.splice(a..b, src);
            return Ok(());
        }
        let pos = slice_positions(a, b, c);
        if pos.len() != src.len() {
            drop(g);
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                src.len(),
                pos.len()
            )));
        }
        for (p, v) in pos.into_iter().zip(src) {
            g[p] = v;
        }
        return Ok(());
    }
    let i = ops::to_index(vm, &key).map_err(|e| {
        if vm.is_exc(&e, "TypeError") {
            vm.type_error(format!("bytearray indices must be integers or slices, not {}", tname(&key)))
        } else {
            e
        }
    })?;
    let v = byte_value(vm, &val)?;
    let mut g = lock(d);
    let n = g.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        return Err(vm.index_error("bytearray index out of range"));
    }
    g[j as usize] = v;
    Ok(())
}

pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    let Some(Payload::ByteArray(d)) = obj.payload() else {
        return Err(vm.type_error(format!("'{}' object doesn't support item deletion", tname(obj))));
    };
    let n = lock(d).len() as i64;
    if let Some(Payload::Slice(..)) = key.payload() {
        let (a, b, c) = slice_indices(vm, key, n)?;
        let mut g = lock(d);
        if c == 1 {
            let a = a.clamp(0, n) as usize;
            let b = (b.max(a as i64)).clamp(0, n) as usize;
            g.drain(a..b);
        } else {
            let mut pos = slice_positions(a, b, c);
            pos.sort_unstable();
            for p in pos.into_iter().rev() {
                g.remove(p);
            }
        }
        return Ok(());
    }
    let i = ops::to_index(vm, key)?;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    lock(d).remove(j as usize);
    Ok(())
}

pub fn bytes_contains(vm: &mut Vm, b: &[u8], item: &Value) -> PyResult<bool> {
    let sub = match sub_arg(vm, item) {
        Ok(s) => s,
        Err(e) => {
            if vm.is_exc(&e, "TypeError") {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tname(item))));
            }
            return Err(e);
        }
    };
    Ok(find_sub(b, &sub, 0).is_some())
}

// ----- construction -----

fn from_arg(vm: &mut Vm, v: Option<&Value>, encoding: Option<Value>, errors: Option<Value>, kind: &str) -> PyResult<Vec<u8>> {
    let Some(v) = v else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error(if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
        }
        return Ok(vec![]);
    };
    if let Some(s) = v.as_str() {
        let Some(enc) = encoding else { return Err(vm.type_error("string argument without an encoding")) };
        let enc = str_arg(vm, &enc, "encoding")?;
        let errs = match errors {
            Some(e) => str_arg(vm, &e, "errors")?,
            None => "strict".to_string(),
        };
        return encode_str(vm, s, &enc, &errs);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if is_bytes_like(v) {
        return Ok(data(v));
    }
    if let Some(f) = ops::lookup_special(v, "__bytes__") {
        if !matches!(v.payload(), Some(Payload::Bytes(_))) {
            let r = vm.call(&f, vec![v.clone()])?;
            if !matches!(r.payload(), Some(Payload::Bytes(_))) {
                return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", tname(&r))));
            }
            return Ok(data(&r));
        }
    }
    let as_count = match v {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ => match v.payload() {
            Some(Payload::Int(_)) => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            _ => {
                if ops::lookup_user_special(v, "__index__").is_some() {
                    Some(ops::to_index(vm, v)?)
                } else {
                    None
                }
            }
        },
    };
    if let Some(n) = as_count {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vm.reserve(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    let it = match ops::get_iter(vm, v) {
        Ok(it) => it,
        Err(e) => {
            if vm.is_exc(&e, "TypeError") {
                return Err(vm.type_error(format!("cannot convert '{}' object to {}", tname(v), kind)));
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    while let Some(x) = ops::next(vm, &it)? {
        let n = ops::to_index(vm, &x).map_err(|e| {
            if vm.is_exc(&e, "TypeError") {
                vm.type_error(format!("'{}' object cannot be interpreted as an integer", tname(&x)))
            } else {
                e
            }
        })?;
        if !(0..256).contains(&n) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("{}() argument '{}' must be str, not {}", "bytes", what, tname(v)))),
    }
}

fn new_args(args: &mut Args) -> (Option<Value>, Option<Value>, Option<Value>) {
    let src = args.take_kw("source").or_else(|| args.pos.get(1).cloned());
    let enc = args.take_kw("encoding").or_else(|| args.pos.get(2).cloned());
    let errs = args.take_kw("errors").or_else(|| args.pos.get(3).cloned());
    (src, enc, errs)
}

fn bytes_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let (src, enc, errs) = new_args(&mut args);
    let d = from_arg(vm, src.as_ref(), enc, errs, "bytes")?;
    let cls = args.pos.first().and_then(|c| c.obj().cloned());
    match cls {
        Some(c) if !std::sync::Arc::ptr_eq(&c, &types().bytes) && matches!(c.payload, Payload::Class(_)) => {
            Ok(Value::Obj(Obj::with_class(c, Payload::Bytes(d.into_boxed_slice()), Some(crate::vm::dict::Dict::new()))))
        }
        _ => Ok(crate::vm::bytes_value(d)),
    }
}

fn bytearray_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let (src, enc, errs) = new_args(&mut args);
    let d = from_arg(vm, src.as_ref(), enc, errs, "bytearray")?;
    Ok(bytearray_value(d))
}

// ----- codecs -----

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

/// Normalise an encoding name the way the codec registry does.
fn codec(vm: &mut Vm, name: &str) -> PyResult<(Codec, &'static str)> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => (Codec::Utf8, "utf-8"),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => (Codec::Ascii, "ascii"),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => (Codec::Latin1, "latin-1"),
        "utf-16" | "utf16" | "u16" => (Codec::Utf16(None), "utf-16"),
        "utf-16-le" | "utf-16le" => (Codec::Utf16(Some(false)), "utf-16-le"),
        "utf-16-be" | "utf-16be" => (Codec::Utf16(Some(true)), "utf-16-be"),
        "utf-32" | "utf32" | "u32" => (Codec::Utf32(None), "utf-32"),
        "utf-32-le" | "utf-32le" => (Codec::Utf32(Some(false)), "utf-32-le"),
        "utf-32-be" | "utf-32be" => (Codec::Utf32(Some(true)), "utf-32-be"),
        _ => return Err(vm.err(&types().exc("LookupError"), format!("unknown encoding: {}", name))),
    })
}

fn check_handler(vm: &mut Vm, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" | "namereplace" | "surrogateescape" | "surrogatepass" => Ok(()),
        other => Err(vm.err(&types().exc("LookupError"), format!("unknown error handler name '{}'", other))),
    }
}

fn char_repr_escape(c: char) -> String {
    crate::vm::format::char_escape(c)
}

/// str.encode: `s` encoded with `encoding` and the `errors` handler.
pub fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let (c, cname) = codec(vm, encoding)?;
    let limit: u32 = match c {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Utf16(be) => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let big = be.unwrap_or(false);
            if be.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(be) => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let big = be.unwrap_or(false);
            if be.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for ch in s.chars() {
                let u = ch as u32;
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" => {
                let msg = if j - i == 1 {
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                        cname,
                        char_repr_escape(ch),
                        i,
                        limit
                    )
                } else {
                    format!("'{}' codec can't encode characters in position {}-{}: ordinal not in range({})", cname, i, j - 1, limit)
                };
                return Err(vm.err(&types().exc("UnicodeEncodeError"), msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(j - i)),
            "xmlcharrefreplace" => {
                for &c in &chars[i..j] {
                    out.extend(format!("&#{};", c as u32).into_bytes());
                }
            }
            "backslashreplace" | "namereplace" => {
                for &c in &chars[i..j] {
                    out.extend(char_repr_escape(c).into_bytes());
                }
            }
            other => {
                check_handler(vm, other)?;
                let msg = format!("'{}' codec can't encode character '{}' in position {}: ordinal not in range({})", cname, char_repr_escape(ch), i, limit);
                return Err(vm.err(&types().exc("UnicodeEncodeError"), msg));
            }
        }
        i = j;
    }
    Ok(out)
}

fn decode_error(vm: &mut Vm, cname: &str, b: &[u8], start: usize, end: usize, reason: &str) -> crate::vm::Flow {
    let msg = if end - start <= 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", cname, b[start], start, reason)
    } else {
        format!("'{}' codec can't decode bytes in position {}-{}: {}", cname, start, end - 1, reason)
    };
    vm.err(&types().exc("UnicodeDecodeError"), msg)
}

/// Apply a decode error handler to the bad bytes b[start..end].
fn handle_decode_error(vm: &mut Vm, errors: &str, cname: &str, b: &[u8], start: usize, end: usize, reason: &str, out: &mut String) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(vm, cname, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.push_str(&format!("\\x{:02x}", x));
            }
            Ok(())
        }
        other => {
            check_handler(vm, other)?;
            Err(decode_error(vm, cname, b, start, end, reason))
        }
    }
}

/// bytes.decode: `b` decoded with `encoding` and the `errors` handler.
pub fn decode_bytes(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let (c, cname) = codec(vm, encoding)?;
    match c {
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let ok = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..ok]).unwrap_or(""));
                        let start = base + ok;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) => {
                                let first = b[start];
                                let is_start = (0xc2..=0xf4).contains(&first);
                                (start + n, if n == 1 && !is_start { "invalid start byte" } else { "invalid continuation byte" })
                            }
                        };
                        handle_decode_error(vm, errors, cname, b, start, end, reason, &mut out)?;
                        base = end;
                        rest = &b[end..];
                    }
                }
            }
        }
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(String::from_utf8(b.to_vec()).unwrap_or_default());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else {
                    handle_decode_error(vm, errors, cname, b, i, i + 1, "ordinal not in range(128)", &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf16(be) => {
            let (mut big, mut body) = (be.unwrap_or(false), b);
            if be.is_none() && b.len() >= 2 {
                if b[..2] == [0xff, 0xfe] {
                    body = &b[2..];
                } else if b[..2] == [0xfe, 0xff] {
                    big = true;
                    body = &b[2..];
                }
            }
            let off = b.len() - body.len();
            let units: Vec<u16> = body.chunks(2).filter(|c| c.len() == 2).map(|c| if big { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) }).collect();
            let mut out = String::new();
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(ch) => out.push(ch),
                    Err(_) => {
                        let pos = off + out.encode_utf16().count() * 2;
                        handle_decode_error(vm, errors, cname, b, pos, pos + 2, "illegal encoding", &mut out)?;
                    }
                }
            }
            if body.len() % 2 == 1 {
                let pos = b.len() - 1;
                handle_decode_error(vm, errors, cname, b, pos, pos + 1, "truncated data", &mut out)?;
            }
            Ok(out)
        }
        Codec::Utf32(be) => {
            let (mut big, mut body) = (be.unwrap_or(false), b);
            if be.is_none() && b.len() >= 4 {
                if b[..4] == [0xff, 0xfe, 0, 0] {
                    body = &b[4..];
                } else if b[..4] == [0, 0, 0xfe, 0xff] {
                    big = true;
                    body = &b[4..];
                }
            }
            let off = b.len() - body.len();
            let mut out = String::new();
            for (k, c) in body.chunks(4).enumerate() {
                let pos = off + k * 4;
                if c.len() < 4 {
                    handle_decode_error(vm, errors, cname, b, pos, b.len(), "truncated data", &mut out)?;
                    break;
                }
                let u = if big { u32::from_be_bytes([c[0], c[1], c[2], c[3]]) } else { u32::from_le_bytes([c[0], c[1], c[2], c[3]]) };
                match char::from_u32(u) {
                    Some(ch) => out.push(ch),
                    None => handle_decode_error(vm, errors, cname, b, pos, pos + 4, "code point not in range(0x110000)", &mut out)?,
                }
            }
            Ok(out)
        }
    }
}

fn decode(vm: &mut Vm, mut args: Args) -> PyResult {
    let enc = args.arg(1, "encoding");
    let errs = args.arg(2, "errors");
    let enc = match enc {
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| vm.type_error(format!("decode() argument 'encoding' must be str, not {}", tname(&v))))?,
        None => "utf-8".to_string(),
    };
    let errs = match errs {
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| vm.type_error(format!("decode() argument 'errors' must be str, not {}", tname(&v))))?,
        None => "strict".to_string(),
    };
    let d = data(&args.pos[0]);
    Ok(Value::str(decode_bytes(vm, &d, &enc, &errs)?))
}

// ----- searching -----

fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return if from <= h.len() { Some(from) } else { None };
    }
    if n.len() > h.len() {
        return None;
    }
    if n.len() == 1 {
        return h[from..].iter().position(|&c| c == n[0]).map(|p| p + from);
    }
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        match h[i..=last].iter().position(|&c| c == n[0]) {
            None => return None,
            Some(p) => {
                i += p;
                if &h[i..i + n.len()] == n {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
}

fn count_sub(h: &[u8], n: &[u8]) -> usize {
    if n.is_empty() {
        return h.len() + 1;
    }
    let mut c = 0;
    let mut i = 0;
    while let Some(p) = find_sub(h, n, i) {
        c += 1;
        i = p + n.len();
    }
    c
}

/// Normalised [start, end) from optional slice arguments at `args.pos[from..]`.
fn range_args(vm: &mut Vm, args: &Args, from: usize, len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let get = |vm: &mut Vm, i: usize, dflt: i64| -> PyResult<i64> {
        match args.pos.get(i) {
            Some(v) if !v.is_none() => {
                let x = ops::to_index(vm, v).map_err(|e| {
                    if vm.is_exc(&e, "TypeError") {
                        vm.type_error("slice indices must be integers or None or have an __index__ method")
                    } else {
                        e
                    }
                })?;
                Ok(if x < 0 { (x + n).max(0) } else { x })
            }
            _ => Ok(dflt),
        }
    };
    let s = get(vm, from, 0)?;
    let e = get(vm, from + 1, n)?.min(n);
    Ok((s as usize, e.max(0) as usize))
}

fn find_impl(vm: &mut Vm, args: &Args, rev: bool) -> PyResult<i64> {
    let name = if rev { "rfind" } else { "find" };
    let Some(subv) = args.pos.get(1) else { return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name))) };
    let sub = sub_arg(vm, subv)?;
    let h = data(&args.pos[0]);
    let (s, e) = range_args(vm, args, 2, h.len())?;
    if s > e || s > h.len() {
        return Ok(-1);
    }
    let hay = &h[s..e];
    let r = if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub, 0) };
    Ok(r.map(|i| (i + s) as i64).unwrap_or(-1))
}

fn find(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &args, false)?))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &args, true)?))
}
fn index(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}
fn count(vm: &mut Vm, args: Args) -> PyResult {
    let Some(subv) = args.pos.get(1) else { return Err(vm.type_error("count() takes at least 1 argument (0 given)")) };
    let sub = sub_arg(vm, subv)?;
    let h = data(&args.pos[0]);
    let (s, e) = range_args(vm, &args, 2, h.len())?;
    if s > e || s > h.len() {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(count_sub(&h[s..e], &sub) as i64))
}

fn prefix_test(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let name = if ends { "endswith" } else { "startswith" };
    let h = data(&args.pos[0]);
    let (s, e) = range_args(vm, &args, 2, h.len())?;
    let arg = args.pos.get(1).cloned().unwrap_or(Value::None);
    let cands: Vec<Value> = match arg.tuple_items() {
        Some(t) => t.to_vec(),
        None => vec![arg.clone()],
    };
    for c in cands {
        if !is_bytes_like(&c) {
            return Err(vm.type_error(format!("{} first arg must be bytes or a tuple of bytes, not {}", name, tname(&c))));
        }
        let p = data(&c);
        if s > h.len() || s > e {
            continue;
        }
        let hay = &h[s..e];
        if (ends && hay.ends_with(&p)) || (!ends && hay.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn startswith(vm: &mut Vm, args: Args) -> PyResult {
    prefix_test(vm, args, false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult {
    prefix_test(vm, args, true)
}

// ----- splitting and joining -----

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args(vm: &mut Vm, args: &mut Args) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = args.arg(1, "sep");
    let maxsplit = args.arg(2, "maxsplit");
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buf(vm, &v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match maxsplit {
        Some(m) => ops::to_index(vm, &m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &mut args)?;
    let this = args.pos[0].clone();
    let h = data(&this);
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            while maxsplit < 0 || (out.len() as i64) < maxsplit {
                match find_sub(&h, &sep, i) {
                    Some(p) => {
                        out.push(h[i..p].to_vec());
                        i = p + sep.len();
                    }
                    None => break,
                }
            }
            out.push(h[i..].to_vec());
        }
        None => {
            let mut i = 0;
            let n = h.len();
            loop {
                while i < n && is_space(h[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(h[i..].to_vec());
                    break;
                }
                let st = i;
                while i < n && !is_space(h[i]) {
                    i += 1;
                }
                out.push(h[st..i].to_vec());
            }
        }
    }
    Ok(Value::list(out.into_iter().map(|d| like(&this, d)).collect()))
}

fn rsplit(vm: &mut Vm, mut args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &mut args)?;
    let this = args.pos[0].clone();
    let h = data(&this);
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = h.len();
            while maxsplit < 0 || (out.len() as i64) < maxsplit {
                match rfind_sub(&h[..end], &sep) {
                    Some(p) => {
                        out.push(h[p + sep.len()..end].to_vec());
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(h[..end].to_vec());
        }
        None => {
            let mut e = h.len();
            loop {
                while e > 0 && is_space(h[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(h[..e].to_vec());
                    break;
                }
                let end = e;
                while e > 0 && !is_space(h[e - 1]) {
                    e -= 1;
                }
                out.push(h[e..end].to_vec());
            }
        }
    }
    out.reverse();
    Ok(Value::list(out.into_iter().map(|d| like(&this, d)).collect()))
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult {
    let this = args.pos[0].clone();
    let Some(sv) = args.pos.get(1) else { return Err(vm.type_error("partition() takes exactly one argument (0 given)")) };
    let sep = buf(vm, sv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let h = data(&this);
    let found = if rev { rfind_sub(&h, &sep) } else { find_sub(&h, &sep, 0) };
    let parts = match found {
        Some(i) => vec![h[..i].to_vec(), sep.clone(), h[i + sep.len()..].to_vec()],
        None if rev => vec![vec![], vec![], h.clone()],
        None => vec![h.clone(), vec![], vec![]],
    };
    Ok(Value::tuple(parts.into_iter().map(|d| like(&this, d)).collect()))
}
fn partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, true)
}

fn join(vm: &mut Vm, args: Args) -> PyResult {
    let sep = data(&args.pos[0]);
    let Some(it) = args.pos.get(1) else { return Err(vm.type_error("join() takes exactly one argument (0 given)")) };
    let items = ops::iterate(vm, it)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        if !is_bytes_like(it) {
            return Err(vm.type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, tname(it))));
        }
        with_data(it, |d| out.extend_from_slice(d));
    }
    Ok(like(&args.pos[0], out))
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult {
    let keep = match args.arg(1, "keepends") {
        Some(k) => ops::truthy(vm, &k)?,
        None => false,
    };
    let this = args.pos[0].clone();
    let h = data(&this);
    let mut out = Vec::new();
    let mut i = 0;
    let n = h.len();
    while i < n {
        let st = i;
        while i < n && h[i] != b'\n' && h[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if h[i] == b'\r' && i + 1 < n && h[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(like(&this, h[st..eol].to_vec()));
    }
    Ok(Value::list(out))
}

// ----- stripping, replacing, padding -----

fn strip_set(vm: &mut Vm, args: &Args) -> PyResult<Option<Vec<u8>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(buf(vm, v)?)),
    }
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult {
    let set = strip_set(vm, &args)?;
    let h = data(&args.pos[0]);
    let strip_it = |c: u8| match &set {
        Some(s) => s.contains(&c),
        None => is_space(c),
    };
    let mut s = 0;
    let mut e = h.len();
    if left {
        while s < e && strip_it(h[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(h[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(&args.pos[0], h[s..e].to_vec()))
}
fn strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, true, true)
}
fn lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, true, false)
}
fn rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, false, true)
}

fn replace(vm: &mut Vm, mut args: Args) -> PyResult {
    let count = match args.arg(3, "count") {
        Some(c) => ops::to_index(vm, &c)?,
        None => -1,
    };
    if args.pos.len() < 3 {
        return Err(vm.type_error(format!("replace expected at least 2 arguments, got {}", args.pos.len().saturating_sub(1))));
    }
    let old = buf(vm, &args.pos[1])?;
    let new = buf(vm, &args.pos[2])?;
    let h = data(&args.pos[0]);
    let mut out = Vec::with_capacity(h.len());
    let mut done = 0i64;
    if old.is_empty() {
        for (k, &c) in h.iter().enumerate() {
            if count < 0 || done < count {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(c);
            let _ = k;
        }
        if count < 0 || done < count {
            out.extend_from_slice(&new);
        }
        return Ok(like(&args.pos[0], out));
    }
    let mut i = 0;
    while count < 0 || done < count {
        match find_sub(&h, &old, i) {
            Some(p) => {
                out.extend_from_slice(&h[i..p]);
                out.extend_from_slice(&new);
                i = p + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&h[i..]);
    Ok(like(&args.pos[0], out))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    let p = buf(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let h = data(&args.pos[0]);
    Ok(like(&args.pos[0], h.strip_prefix(p.as_slice()).unwrap_or(&h).to_vec()))
}
fn removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    let p = buf(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let h = data(&args.pos[0]);
    Ok(like(&args.pos[0], h.strip_suffix(p.as_slice()).unwrap_or(&h).to_vec()))
}

fn fill_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, u8)> {
    let Some(wv) = args.pos.get(1) else {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    };
    let w = ops::to_index(vm, wv)?;
    let fill = match args.pos.get(2) {
        Some(f) => {
            let ok = is_bytes_like(f) && with_data(f, |d| d.len() == 1);
            if !ok {
                return Err(vm.type_error(format!("{}() argument 2 must be a byte string of length 1, not {}", name, tname(f))));
            }
            data(f)[0]
        }
        None => b' ',
    };
    let w = w.max(0) as usize;
    // MemoryError up front, not an aborting allocation (b'a'.center(2**62)).
    vm.reserve(w)?;
    Ok((w, fill))
}

fn center(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_args(vm, &args, "center")?;
    let h = data(&args.pos[0]);
    if h.len() >= w {
        return Ok(like(&args.pos[0], h));
    }
    let total = w - h.len();
    let left = total / 2 + (total & w & 1);
    let mut out = vec![f; left];
    out.extend_from_slice(&h);
    out.extend(std::iter::repeat(f).take(total - left));
    Ok(like(&args.pos[0], out))
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_args(vm, &args, "ljust")?;
    let mut h = data(&args.pos[0]);
    if h.len() < w {
        h.resize(w, f);
    }
    Ok(like(&args.pos[0], h))
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_args(vm, &args, "rjust")?;
    let h = data(&args.pos[0]);
    if h.len() >= w {
        return Ok(like(&args.pos[0], h));
    }
    let mut out = vec![f; w - h.len()];
    out.extend_from_slice(&h);
    Ok(like(&args.pos[0], out))
}
fn zfill(vm: &mut Vm, args: Args) -> PyResult {
    let Some(wv) = args.pos.get(1) else { return Err(vm.type_error("zfill() takes exactly one argument (0 given)")) };
    let w = ops::to_index(vm, wv)?.max(0) as usize;
    let h = data(&args.pos[0]);
    if h.len() >= w {
        return Ok(like(&args.pos[0], h));
    }
    let pad = w - h.len();
    vm.reserve(w)?;
    let mut out = Vec::with_capacity(w);
    let rest = if !h.is_empty() && (h[0] == b'+' || h[0] == b'-') {
        out.push(h[0]);
        &h[1..]
    } else {
        &h[..]
    };
    out.extend(std::iter::repeat(b'0').take(pad));
    out.extend_from_slice(rest);
    Ok(like(&args.pos[0], out))
}

fn expandtabs(vm: &mut Vm, mut args: Args) -> PyResult {
    let size = match args.arg(1, "tabsize") {
        Some(v) => ops::to_index(vm, &v)?,
        None => 8,
    };
    let h = data(&args.pos[0]);
    let mut out = Vec::with_capacity(h.len());
    let mut col = 0i64;
    for &c in &h {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    vm.reserve(n as usize)?;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(&args.pos[0], out))
}

// ----- case and classification (ASCII only) -----

fn map_bytes(args: &Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult {
    let h = data(&args.pos[0]);
    Ok(like(&args.pos[0], f(&h)))
}
fn upper(_vm: &mut Vm, args: Args) -> PyResult {
    map_bytes(&args, |h| h.to_ascii_uppercase())
}
fn lower(_vm: &mut Vm, args: Args) -> PyResult {
    map_bytes(&args, |h| h.to_ascii_lowercase())
}
fn swapcase(_vm: &mut Vm, args: Args) -> PyResult {
    map_bytes(&args, |h| {
        h.iter()
            .map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
            .collect()
    })
}
fn capitalize(_vm: &mut Vm, args: Args) -> PyResult {
    map_bytes(&args, |h| {
        h.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}
fn title(_vm: &mut Vm, args: Args) -> PyResult {
    map_bytes(&args, |h| {
        let mut prev = false;
        h.iter()
            .map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(args: &Args, f: fn(u8) -> bool) -> PyResult {
    let h = data(&args.pos[0]);
    Ok(Value::Bool(!h.is_empty() && h.iter().all(|&c| f(c))))
}
fn isalpha(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_ascii_alphabetic())
}
fn isdigit(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_ascii_digit())
}
fn isalnum(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_ascii_alphanumeric())
}
fn isspace(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_space)
}
fn isascii(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(data(&args.pos[0]).is_ascii()))
}
fn islower(_vm: &mut Vm, args: Args) -> PyResult {
    let h = data(&args.pos[0]);
    Ok(Value::Bool(h.iter().any(|c| c.is_ascii_lowercase()) && !h.iter().any(|c| c.is_ascii_uppercase())))
}
fn isupper(_vm: &mut Vm, args: Args) -> PyResult {
    let h = data(&args.pos[0]);
    Ok(Value::Bool(h.iter().any(|c| c.is_ascii_uppercase()) && !h.iter().any(|c| c.is_ascii_lowercase())))
}
fn istitle(_vm: &mut Vm, args: Args) -> PyResult {
    let h = data(&args.pos[0]);
    let mut prev_cased = false;
    let mut any = false;
    for &c in &h {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

// ----- hex, translate -----

fn hex(vm: &mut Vm, mut args: Args) -> PyResult {
    let sep = args.arg(1, "sep");
    let per = args.arg(2, "bytes_per_sep");
    let h = data(&args.pos[0]);
    let digits: Vec<String> = h.iter().map(|b| format!("{:02x}", b)).collect();
    let sep = match sep {
        None | Some(Value::None) => return Ok(Value::str(digits.concat())),
        Some(s) => {
            let t: Vec<u8> = match s.as_str() {
                Some(t) => t.chars().map(|c| c as u32 as u8).collect(),
                None if is_bytes_like(&s) => data(&s),
                None => return Err(vm.type_error(format!("sep must be str or bytes."))),
            };
            if t.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if t[0] >= 0x80 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            t[0] as char
        }
    };
    let per = match per {
        Some(p) => ops::to_index(vm, &p)?,
        None => 1,
    };
    if per == 0 || digits.is_empty() {
        return Ok(Value::str(digits.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::with_capacity(n * 3);
    for (i, d) in digits.iter().enumerate() {
        if i > 0 {
            // Groups of k bytes counted from the right (per > 0) or the left.
            let boundary = if per > 0 { (n - i) % k == 0 } else { i % k == 0 };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(d);
    }
    Ok(Value::str(out))
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult {
    // args: cls, string
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(sv) = args.pos.get(1) else { return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")) };
    let Some(s) = sv.as_str() else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tname(sv))));
    };
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
            }
            _ => return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i))),
        }
    }
    let is_ba = cls.obj().map(|c| std::sync::Arc::ptr_eq(c, &types().bytearray)).unwrap_or(false);
    Ok(if is_ba { bytearray_value(out) } else { crate::vm::bytes_value(out) })
}

fn translate(vm: &mut Vm, mut args: Args) -> PyResult {
    let del = match args.arg(2, "delete") {
        Some(d) => buf(vm, &d)?,
        None => vec![],
    };
    let table = match args.pos.get(1) {
        None => return Err(vm.type_error("translate() takes at least 1 argument (0 given)")),
        Some(Value::None) => None,
        Some(t) => {
            let t = buf(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let h = data(&args.pos[0]);
    let out: Vec<u8> = h
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| match &table {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    Ok(like(&args.pos[0], out))
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult {
    // Static: (from, to); tolerate a leading class/instance argument.
    let a: Vec<Value> = args.pos.iter().filter(|v| !matches!(v.payload(), Some(Payload::Class(_)))).cloned().collect();
    if a.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", a.len())));
    }
    let f = buf(vm, &a[0])?;
    let t = buf(vm, &a[1])?;
    if f.len() != t.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (x, y) in f.iter().zip(t.iter()) {
        table[*x as usize] = *y;
    }
    Ok(crate::vm::bytes_value(table))
}

// ----- bytearray mutation -----

fn the_vec(v: &Value) -> &Mutex<Vec<u8>> {
    match v.payload() {
        Some(Payload::ByteArray(d)) => d,
        _ => panic!("bytearray method on a non-bytearray"),
    }
}

fn append(vm: &mut Vm, args: Args) -> PyResult {
    let Some(x) = args.pos.get(1) else { return Err(vm.type_error("bytearray.append() takes exactly one argument (0 given)")) };
    let b = byte_value(vm, x)?;
    lock(the_vec(&args.pos[0])).push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult {
    let Some(x) = args.pos.get(1) else { return Err(vm.type_error("bytearray.extend() takes exactly one argument (0 given)")) };
    let extra = if is_bytes_like(x) {
        data(x)
    } else if x.as_str().is_some() {
        return Err(vm.type_error("expected iterable of integers; got: 'str'"));
    } else {
        let items = ops::iterate(vm, x).map_err(|e| {
            if vm.is_exc(&e, "TypeError") {
                vm.type_error(format!("can't extend bytearray with {}", tname(x)))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            out.push(byte_value(vm, &it)?);
        }
        out
    };
    lock(the_vec(&args.pos[0])).extend(extra);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.pos.len().saturating_sub(1))));
    }
    let i = ops::to_index(vm, &args.pos[1])?;
    let b = byte_value(vm, &args.pos[2])?;
    let mut g = lock(the_vec(&args.pos[0]));
    let n = g.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(j as usize, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    let i = match args.pos.get(1) {
        Some(v) => Some(ops::to_index(vm, v)?),
        None => None,
    };
    let mut g = lock(the_vec(&args.pos[0]));
    if g.is_empty() {
        drop(g);
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = g.len() as i64;
    let i = i.unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(g.remove(j as usize) as i64))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    let Some(x) = args.pos.get(1) else { return Err(vm.type_error("bytearray.remove() takes exactly one argument (0 given)")) };
    let b = byte_value(vm, x)?;
    let mut g = lock(the_vec(&args.pos[0]));
    match g.iter().position(|&c| c == b) {
        Some(p) => {
            g.remove(p);
            Ok(Value::None)
        }
        None => {
            drop(g);
            Err(vm.value_error("value not found in bytearray"))
        }
    }
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult {
    lock(the_vec(&args.pos[0])).reverse();
    Ok(Value::None)
}
fn clear(_vm: &mut Vm, args: Args) -> PyResult {
    lock(the_vec(&args.pos[0])).clear();
    Ok(Value::None)
}
fn copy(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(bytearray_value(data(&args.pos[0])))
}

// ----- dunders for explicit calls -----

fn bytes_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(with_data(&args.pos[0], |d| d.len()) as i64))
}
fn d_getitem(vm: &mut Vm, args: Args) -> PyResult {
    getitem(vm, &args.pos[0], &args.pos[1])
}
fn d_setitem(vm: &mut Vm, args: Args) -> PyResult {
    setitem(vm, &args.pos[0], args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}
fn d_delitem(vm: &mut Vm, args: Args) -> PyResult {
    delitem(vm, &args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}
fn d_contains(vm: &mut Vm, args: Args) -> PyResult {
    let d = data(&args.pos[0]);
    Ok(Value::Bool(bytes_contains(vm, &d, &args.pos[1])?))
}
fn d_repr(_vm: &mut Vm, args: Args) -> PyResult {
    let v = &args.pos[0];
    Ok(Value::str(if is_bytearray(v) { bytearray_repr(&data(v)) } else { bytes_repr(&data(v)) }))
}
fn d_add(vm: &mut Vm, args: Args) -> PyResult {
    Ok(binop(vm, BinOp::Add, &args.pos[0], &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
}
fn d_mul(vm: &mut Vm, args: Args) -> PyResult {
    Ok(binop(vm, BinOp::Mul, &args.pos[0], &args.pos[1]).ok().flatten().unwrap_or_else(|| types().not_implemented.clone()))
}
fn d_mod(vm: &mut Vm, args: Args) -> PyResult {
    Ok(binop(vm, BinOp::Mod, &args.pos[0], &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
}
fn d_iadd(vm: &mut Vm, args: Args) -> PyResult {
    Ok(inplace(vm, BinOp::Add, &args.pos[0], &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
}
fn d_hash(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(ops::hash(vm, &args.pos[0])?))
}
fn d_bytes(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(crate::vm::bytes_value(data(&args.pos[0])))
}

macro_rules! cmp_method {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult {
            Ok(compare(vm, $op, &args.pos[0], &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
        }
    };
}
cmp_method!(d_eq, CmpOp::Eq);
cmp_method!(d_ne, CmpOp::Ne);
cmp_method!(d_lt, CmpOp::Lt);
cmp_method!(d_le, CmpOp::Le);
cmp_method!(d_gt, CmpOp::Gt);
cmp_method!(d_ge, CmpOp::Ge);

pub fn register() {
    let t = types();
    static_method(&t.bytes, "__new__", bytes_new);
    static_method(&t.bytearray, "__new__", bytearray_new);
    let common: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("isalpha", isalpha),
        ("isdigit", isdigit),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("translate", translate),
        ("__len__", bytes_len),
        ("__getitem__", d_getitem),
        ("__contains__", d_contains),
        ("__repr__", d_repr),
        ("__str__", d_repr),
        ("__add__", d_add),
        ("__mul__", d_mul),
        ("__rmul__", d_mul),
        ("__mod__", d_mod),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
    ];
    for c in [&t.bytes, &t.bytearray] {
        for (n, f) in common {
            method(c, n, *f);
        }
        class_method(c, "fromhex", fromhex);
        static_method(c, "maketrans", maketrans);
    }
    method(&t.bytes, "__hash__", d_hash);
    method(&t.bytes, "__bytes__", d_bytes);
    let ba: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__iadd__", d_iadd),
    ];
    for (n, f) in ba {
        method(&t.bytearray, n, *f);
    }
}
