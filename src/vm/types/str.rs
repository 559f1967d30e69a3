//! str: indexing by code point, concatenation, `%` formatting, str.format,
//! and the str methods (with CPython's Unicode tables for classification).

use super::list::{repeat_count, slice_indices, slice_positions};
use super::{method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::format::{self, in_ranges};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

pub fn s_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn pystr(v: &Value) -> &PyStr {
    v.as_pystr().expect("str")
}

fn arg_str<'a>(vm: &mut Vm, args: &'a Args, i: usize, fname: &str) -> PyResult<&'a str> {
    match args.pos.get(i) {
        Some(v) => v.as_str().ok_or_else(|| vm.type_error(format!("{}() argument {} must be str, not {}", fname, i, ops::type_name(v)))),
        None => Err(vm.type_error(format!("{}() takes at least {} argument ({} given)", fname, i, args.pos.len().saturating_sub(1)))),
    }
}

/// A search argument ("must be str, not int").
fn sub_str<'a>(vm: &mut Vm, args: &'a Args, i: usize, fname: &str) -> PyResult<&'a str> {
    match args.pos.get(i) {
        Some(v) => v.as_str().ok_or_else(|| vm.type_error(format!("must be str, not {}", ops::type_name(v)))),
        None => Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", fname))),
    }
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult {
    let ps = pystr(obj);
    if let Some(Payload::Slice(..)) = key.payload() {
        let (a, b, c) = slice_indices(vm, key, ps.nchars as i64)?;
        if ps.is_ascii() {
            let bytes = ps.s.as_bytes();
            if c == 1 {
                let (a, b) = (a as usize, (b.max(a)) as usize);
                return Ok(Value::str(&ps.s[a..b]));
            }
            let out: String = slice_positions(a, b, c).into_iter().map(|i| bytes[i] as char).collect();
            return Ok(Value::str(out));
        }
        if c == 1 {
            let (bs, be) = char_span(&ps.s, a.max(0) as usize, b.max(a).max(0) as usize);
            return Ok(Value::str(&ps.s[bs..be]));
        }
        let chars: Vec<char> = ps.s.chars().collect();
        let out: String = slice_positions(a, b, c).into_iter().map(|i| chars[i]).collect();
        return Ok(Value::str(out));
    }
    let i = ops::to_index(vm, key).map_err(|_| vm.type_error(format!("string indices must be integers, not '{}'", ops::type_name(key))))?;
    let n = ps.nchars as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("string index out of range"));
    }
    if ps.is_ascii() {
        return Ok(ascii_char(ps.s.as_bytes()[j as usize]));
    }
    let c = ps.s.chars().nth(j as usize).unwrap();
    Ok(Value::str(c.to_string()))
}

/// A shared one-character str for an ASCII byte.
pub fn ascii_char(b: u8) -> Value {
    static TABLE: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| (0u8..128).map(|c| Value::str((c as char).to_string())).collect());
    match t.get(b as usize) {
        Some(v) => v.clone(),
        None => Value::str((b as char).to_string()),
    }
}

/// Byte offsets of the char range [a, b) of `s` (clamped to its length).
fn char_span(s: &str, a: usize, b: usize) -> (usize, usize) {
    let mut bs = s.len();
    let mut be = s.len();
    for (k, (bi, _)) in s.char_indices().enumerate() {
        if k == a {
            bs = bi;
        }
        if k == b {
            be = bi;
            break;
        }
    }
    if bs > be {
        bs = be;
    }
    (bs, be)
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Ok(Some(Value::str(s)))
            }
            (Some(_), None) => Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", ops::type_name(b)))),
            _ => Ok(None),
        },
        BinOp::Mul => {
            let (s, n) = if a.as_str().is_some() { (a, b) } else { (b, a) };
            if let Some(Payload::Int(_)) = n.payload() {
                use num_traits::Signed;
                if let Some(Payload::Int(big)) = n.payload() {
                    if big.is_negative() {
                        return Ok(Some(Value::str("")));
                    }
                }
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
            let Some(n) = repeat_count(vm, n)? else {
                return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", ops::type_name(n))));
            };
            let st = s_of(s);
            if n > 0 && st.len().checked_mul(n).map(|t| t > isize::MAX as usize / 2).unwrap_or(true) {
                return Err(vm.err(&types().exc("MemoryError"), ""));
            }
            vm.reserve(st.len() * n)?;
            Ok(Some(Value::str(st.repeat(n))))
        }
        BinOp::Mod => match a.as_str() {
            Some(f) => {
                let f = f.to_string();
                Ok(Some(Value::str(format::percent_format(vm, &f, b)?)))
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

fn str_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if args.pos.len() + args.kw.len() > 3 {
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({} given)", args.pos.len() + args.kw.len())));
    }
    let obj = args.take_kw("object").or_else(|| args.pos.first().cloned());
    let encoding = args.take_kw("encoding").or_else(|| args.pos.get(1).cloned());
    let errors = args.take_kw("errors").or_else(|| args.pos.get(2).cloned());
    let s = match obj {
        None => String::new(),
        Some(v) => {
            if encoding.is_some() || errors.is_some() {
                let enc = match &encoding {
                    Some(e) => e.as_str().map(|x| x.to_string()).ok_or_else(|| vm.type_error(format!("str() argument 'encoding' must be str, not {}", ops::type_name(e))))?,
                    None => "utf-8".into(),
                };
                let errs = match &errors {
                    Some(e) => e.as_str().map(|x| x.to_string()).ok_or_else(|| vm.type_error(format!("str() argument 'errors' must be str, not {}", ops::type_name(e))))?,
                    None => "strict".into(),
                };
                match v.payload() {
                    Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                        let d = super::bytes::data(&v);
                        super::bytes::decode_bytes(vm, &d, &enc, &errs)?
                    }
                    Some(Payload::Str(_)) => return Err(vm.type_error("decoding str is not supported")),
                    _ => return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", ops::type_name(&v)))),
                }
            } else {
                ops::str_(vm, &v)?
            }
        }
    };
    let c = cls.obj().unwrap();
    if std::sync::Arc::ptr_eq(c, &types().str) {
        Ok(Value::str(s))
    } else {
        Ok(Value::Obj(Obj::with_class(c.clone(), Payload::Str(PyStr::new(s)), Some(crate::vm::dict::Dict::new()))))
    }
}

fn join(vm: &mut Vm, args: Args) -> PyResult {
    let sep = s_of(&args.pos[0]).to_string();
    let arg = args.pos.get(1).ok_or_else(|| vm.type_error("str.join() takes exactly one argument (0 given)"))?;
    let items = match arg.payload() {
        Some(Payload::List(l)) => lock(l).clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            let it = ops::get_iter(vm, arg).map_err(|e| if vm.is_exc(&e, "TypeError") { vm.type_error("can only join an iterable") } else { e })?;
            let mut v = Vec::new();
            while let Some(x) = ops::next(vm, &it)? {
                v.push(x);
            }
            v
        }
    };
    let total: usize = items.iter().map(|v| v.as_str().map(|s| s.len()).unwrap_or(0)).sum::<usize>() + sep.len() * items.len();
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, ops::type_name(it))));
            }
        }
    }
    Ok(Value::str(out))
}

/// Python's str.isspace for one character.
pub fn is_py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

fn opt_sep(vm: &mut Vm, args: &mut Args) -> PyResult<(Option<String>, i64)> {
    let sep = args.arg(1, "sep");
    let maxsplit = args.arg(2, "maxsplit");
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some("") => return Err(vm.value_error("empty separator")),
            Some(s) => Some(s.to_string()),
            None => return Err(vm.type_error(format!("must be str or None, not {}", ops::type_name(&v)))),
        },
    };
    let maxsplit = match maxsplit {
        Some(m) => ops::to_index(vm, &m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult {
    let (sep, maxsplit) = opt_sep(vm, &mut args)?;
    let s = s_of(&args.pos[0]);
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).map(Value::str).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.find(is_py_space) {
                    Some(i) => {
                        out.push(Value::str(&rest[..i]));
                        rest = rest[i..].trim_start_matches(is_py_space);
                    }
                    None => {
                        out.push(Value::str(rest));
                        break;
                    }
                }
            }
            out
        }
    };
    Ok(Value::list(parts))
}

fn rsplit(vm: &mut Vm, mut args: Args) -> PyResult {
    let (sep, maxsplit) = opt_sep(vm, &mut args)?;
    let s = s_of(&args.pos[0]);
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep.as_str()).map(Value::str).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.rfind(is_py_space) {
                    Some(i) => {
                        let ch_len = rest[i..].chars().next().unwrap().len_utf8();
                        out.push(Value::str(&rest[i + ch_len..]));
                        rest = rest[..i].trim_end_matches(is_py_space);
                    }
                    None => {
                        out.push(Value::str(rest));
                        break;
                    }
                }
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

fn strip_chars(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(c) => match c.as_str() {
            Some(s) => Ok(Some(s.chars().collect())),
            None => Err(vm.type_error(format!("{} arg must be None or str", name))),
        },
    }
}

fn strip(vm: &mut Vm, args: Args) -> PyResult {
    let cs = strip_chars(vm, &args, "strip")?;
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match cs {
        Some(cs) => s.trim_matches(|c| cs.contains(&c)),
        None => s.trim_matches(is_py_space),
    }))
}
fn lstrip(vm: &mut Vm, args: Args) -> PyResult {
    let cs = strip_chars(vm, &args, "lstrip")?;
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match cs {
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
        None => s.trim_start_matches(is_py_space),
    }))
}
fn rstrip(vm: &mut Vm, args: Args) -> PyResult {
    let cs = strip_chars(vm, &args, "rstrip")?;
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match cs {
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
        None => s.trim_end_matches(is_py_space),
    }))
}

fn replace(vm: &mut Vm, mut args: Args) -> PyResult {
    let count = match args.arg(3, "count") {
        Some(c) => ops::to_index(vm, &c)?,
        None => -1,
    };
    if args.pos.len() < 3 {
        return Err(vm.type_error(format!("replace expected at least 2 arguments, got {}", args.pos.len().saturating_sub(1))));
    }
    let s = s_of(&args.pos[0]);
    let old = arg_str(vm, &args, 1, "replace")?;
    let new = arg_str(vm, &args, 2, "replace")?;
    Ok(Value::str(if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) }))
}

/// Normalised char-index range [start, end) from optional slice arguments at
/// `args.pos[from..]`, and the matching byte range of `s` (None when start > len).
fn sub_range(vm: &mut Vm, ps: &PyStr, args: &Args, from: usize) -> PyResult<Option<(usize, usize, usize)>> {
    let n = ps.nchars as i64;
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
    let start = get(vm, from, 0)?;
    let end = get(vm, from + 1, n)?.min(n);
    if start > n || start > end {
        return Ok(None);
    }
    let (start, end) = (start as usize, end as usize);
    if ps.is_ascii() {
        return Ok(Some((start, end, start)));
    }
    if start == 0 && end == ps.nchars {
        return Ok(Some((0, ps.s.len(), 0)));
    }
    let (bs, be) = char_span(&ps.s, start, end);
    Ok(Some((bs, be, start)))
}

/// Char index of byte offset `byte` in `s`.
fn char_index(ps: &PyStr, byte: usize) -> i64 {
    if ps.is_ascii() {
        byte as i64
    } else {
        ps.s[..byte].chars().count() as i64
    }
}

fn find_impl(vm: &mut Vm, args: &Args, rev: bool) -> PyResult<i64> {
    let ps = pystr(&args.pos[0]);
    let sub = sub_str(vm, args, 1, if rev { "rfind" } else { "find" })?;
    let Some((bs, be, _)) = sub_range(vm, ps, args, 2)? else { return Ok(-1) };
    let hay = &ps.s[bs..be];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match r {
        Some(i) => char_index(ps, bs + i),
        None => -1,
    })
}

fn find(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &args, false)?))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &args, true)?))
}
fn index(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let ps = pystr(&args.pos[0]);
    let sub = sub_str(vm, &args, 1, "count")?;
    let Some((bs, be, _)) = sub_range(vm, ps, &args, 2)? else { return Ok(Value::Int(0)) };
    let hay = &ps.s[bs..be];
    Ok(Value::Int(if sub.is_empty() {
        (if ps.is_ascii() { hay.len() } else { hay.chars().count() }) as i64 + 1
    } else {
        hay.matches(sub).count() as i64
    }))
}

fn prefix_test(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let ps = pystr(&args.pos[0]);
    let arg = args.pos.get(1).cloned().unwrap_or(Value::None);
    let cands: Vec<Value> = match arg.tuple_items() {
        Some(t) => t.to_vec(),
        None => vec![arg.clone()],
    };
    let range = sub_range(vm, ps, &args, 2)?;
    for c in cands {
        let Some(p) = c.as_str() else {
            return Err(vm.type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                if ends { "endswith" } else { "startswith" },
                ops::type_name(&c)
            )));
        };
        let Some((bs, be, _)) = range else { continue };
        let hay = &ps.s[bs..be];
        if (ends && hay.ends_with(p)) || (!ends && hay.starts_with(p)) {
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

// ----- case mapping -----

fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLECASE, c as u32)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn table_lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| table[i].1)
}

fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(t) = table_lookup(TITLE_MAP, c) {
        out.push_str(t);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Is the 'Σ' at index i (of chars) in final position (CPython's handle_capital_sigma)?
fn final_sigma(chars: &[char], i: usize) -> bool {
    let case_ignorable = |c: char| matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}' | '\u{300}'..='\u{36f}');
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        let c = chars[j];
        if case_ignorable(c) {
            continue;
        }
        before = is_cased(c);
        break;
    }
    if !before {
        return false;
    }
    let mut k = i + 1;
    while k < chars.len() {
        let c = chars[k];
        if case_ignorable(c) {
            k += 1;
            continue;
        }
        return !is_cased(c);
    }
    true
}

fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == 'Σ' {
        out.push(if final_sigma(chars, i) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

fn upper(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::str(if s.is_ascii() { s.to_ascii_uppercase() } else { s.to_uppercase() }))
}
fn lower(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::str(if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() }))
}
fn casefold(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    if s.is_ascii() {
        return Ok(Value::str(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table_lookup(CASEFOLD_MAP, c) {
            Some(t) => out.push_str(t),
            None => out.extend(c.to_lowercase()),
        }
    }
    Ok(Value::str(out))
}
fn swapcase(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(Value::str(out))
}
fn title(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Ok(Value::str(out))
}
fn capitalize(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    Ok(Value::str(out))
}

// ----- classification -----

pub fn is_decimal_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(DECIMAL, c as u32)
}
pub fn is_digit_char(c: char) -> bool {
    is_decimal_char(c) || (!c.is_ascii() && in_ranges(DIGIT_EXTRA, c as u32))
}
pub fn is_numeric_char(c: char) -> bool {
    is_digit_char(c) || (!c.is_ascii() && in_ranges(NUMERIC_EXTRA, c as u32))
}
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ALPHA, c as u32)
}

fn pred(args: &Args, f: fn(char) -> bool) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}
fn isdigit(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_digit_char)
}
fn isdecimal(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_decimal_char)
}
fn isnumeric(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_numeric_char)
}
fn isalpha(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_alpha_char)
}
fn isalnum(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| is_alpha_char(c) || is_numeric_char(c))
}
fn isspace(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, is_py_space)
}
fn isascii(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(pystr(&args.pos[0]).is_ascii()))
}
fn isprintable(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(s_of(&args.pos[0]).chars().all(format::is_printable)))
}
fn isupper(_vm: &mut Vm, args: Args) -> PyResult {
    let mut cased = false;
    for c in s_of(&args.pos[0]).chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn islower(_vm: &mut Vm, args: Args) -> PyResult {
    let mut cased = false;
    for c in s_of(&args.pos[0]).chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn istitle(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}
fn isidentifier(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let mut cs = s.chars();
    Ok(Value::Bool(match cs.next() {
        Some(f) => (is_alpha_char(f) || f == '_') && cs.all(|c| is_alpha_char(c) || is_numeric_char(c) || c == '_' || (!c.is_ascii() && c.is_alphanumeric())),
        None => false,
    }))
}

// ----- padding -----

fn fill_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let w = ops::to_index(vm, args.pos.get(1).ok_or_else(|| vm.type_error(format!("{} expected at least 1 argument, got 0", name)))?)?;
    let fill = match args.pos.get(2) {
        Some(f) => {
            let Some(fs) = f.as_str() else {
                return Err(vm.type_error(format!("The fill character must be a unicode character, not {}", ops::type_name(f))));
            };
            if fs.chars().count() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            fs.chars().next().unwrap()
        }
        None => ' ',
    };
    let w = w.max(0) as usize;
    // MemoryError up front, not an aborting allocation ('a'.center(2**62)).
    vm.reserve(w.saturating_mul(fill.len_utf8()))?;
    Ok((w, fill))
}

fn fill_str(c: char, n: usize) -> String {
    std::iter::repeat(c).take(n).collect()
}

fn center(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_arg(vm, &args, "center")?;
    let ps = pystr(&args.pos[0]);
    let n = ps.nchars;
    if n >= w {
        return Ok(Value::str(&*ps.s));
    }
    let total = w - n;
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    Ok(Value::str(format!("{}{}{}", fill_str(f, left), ps.s, fill_str(f, right))))
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_arg(vm, &args, "ljust")?;
    let ps = pystr(&args.pos[0]);
    Ok(Value::str(if ps.nchars >= w { ps.s.to_string() } else { format!("{}{}", ps.s, fill_str(f, w - ps.nchars)) }))
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult {
    let (w, f) = fill_arg(vm, &args, "rjust")?;
    let ps = pystr(&args.pos[0]);
    Ok(Value::str(if ps.nchars >= w { ps.s.to_string() } else { format!("{}{}", fill_str(f, w - ps.nchars), ps.s) }))
}
fn zfill(vm: &mut Vm, args: Args) -> PyResult {
    let Some(wv) = args.pos.get(1) else { return Err(vm.type_error("zfill() takes exactly one argument (0 given)")) };
    let w = ops::to_index(vm, wv)?.max(0) as usize;
    let ps = pystr(&args.pos[0]);
    let s = &*ps.s;
    let n = ps.nchars;
    if n >= w {
        return Ok(Value::str(s));
    }
    vm.reserve(w)?;
    let (sign, rest) = if s.starts_with(['+', '-']) { s.split_at(1) } else { ("", s) };
    Ok(Value::str(format!("{}{}{}", sign, "0".repeat(w - n), rest)))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let sep = sub_str(vm, &args, 1, "partition")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::str(sep), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![args.pos[0].clone(), Value::str(""), Value::str("")]),
    })
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let sep = sub_str(vm, &args, 1, "rpartition")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::str(sep), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), args.pos[0].clone()]),
    })
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult {
    let keep = match args.arg(1, "keepends") {
        Some(k) => ops::truthy(vm, &k)?,
        None => false,
    };
    let s = s_of(&args.pos[0]);
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(if keep { &s[start..end] } else { &s[start..i] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn expandtabs(vm: &mut Vm, mut args: Args) -> PyResult {
    let size = match args.arg(1, "tabsize") {
        Some(v) => ops::to_index(vm, &v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s_of(&args.pos[0]).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    vm.reserve(n as usize)?;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let p = arg_str(vm, &args, 1, "removeprefix")?;
    Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
}
fn removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let p = arg_str(vm, &args, 1, "removesuffix")?;
    Ok(Value::str(if p.is_empty() { s } else { s.strip_suffix(p).unwrap_or(s) }))
}

fn encode(vm: &mut Vm, mut args: Args) -> PyResult {
    let enc = args.arg(1, "encoding");
    let errs = args.arg(2, "errors");
    let enc = match enc {
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| vm.type_error(format!("encode() argument 'encoding' must be str, not {}", ops::type_name(&v))))?,
        None => "utf-8".to_string(),
    };
    let errs = match errs {
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| vm.type_error(format!("encode() argument 'errors' must be str, not {}", ops::type_name(&v))))?,
        None => "strict".to_string(),
    };
    let s = s_of(&args.pos[0]);
    Ok(crate::vm::bytes_value(super::bytes::encode_str(vm, s, &enc, &errs)?))
}

// ----- str.format -----

fn str_format(vm: &mut Vm, args: Args) -> PyResult {
    let f = s_of(&args.pos[0]).to_string();
    let pos = args.pos[1..].to_vec();
    let kw = args.kw;
    Ok(Value::str(format_template(vm, &f, &pos, &kw, None)?))
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult {
    let f = s_of(&args.pos[0]).to_string();
    let m = args.pos.get(1).cloned().ok_or_else(|| vm.type_error("format_map() takes exactly one argument (0 given)"))?;
    Ok(Value::str(format_template(vm, &f, &[], &[], Some(&m))?))
}

/// Automatic field numbering state, shared with nested specs.
struct AutoNum {
    auto_used: bool,
    manual_used: bool,
    next: usize,
}

/// str.format: fields {name!conv:spec} with indexes, attributes and nesting
/// (CPython's MarkupIterator and field-name parsing).
pub fn format_template(vm: &mut Vm, f: &str, pos: &[Value], kw: &[(Value, Value)], mapping: Option<&Value>) -> PyResult<String> {
    let mut auto = AutoNum { auto_used: false, manual_used: false, next: 0 };
    let cs: Vec<char> = f.chars().collect();
    render(vm, &cs, pos, kw, mapping, 2, &mut auto)
}

fn render(vm: &mut Vm, cs: &[char], pos: &[Value], kw: &[(Value, Value)], mapping: Option<&Value>, depth: i32, auto: &mut AutoNum) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut i = 0;
    let n = cs.len();
    while i < n {
        let c = cs[i];
        if c != '{' && c != '}' {
            out.push(c);
            i += 1;
            continue;
        }
        let at_end = i + 1 >= n;
        if c == '}' {
            if at_end || cs[i + 1] != '}' {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 2;
            continue;
        }
        if at_end {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if cs[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        // A replacement field: find its closing brace.
        let start = i + 1;
        let mut count = 1;
        let mut j = start;
        let mut in_name = true;
        let mut spec_nested = false;
        let mut end = None;
        while j < n {
            let c = cs[j];
            j += 1;
            match c {
                '[' if in_name => {
                    while j < n && cs[j] != ']' {
                        j += 1;
                    }
                }
                '!' if in_name => {
                    in_name = false;
                    j += 1;
                }
                ':' if in_name => in_name = false,
                '{' => {
                    if !in_name {
                        spec_nested = true;
                    }
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        end = Some(j - 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            return Err(vm.value_error(if in_name { "expected '}' before end of string" } else { "unmatched '{' in format spec" }));
        };
        let field = &cs[start..end];
        i = end + 1;
        // Split into name, conversion and spec.
        let mut k = 0;
        let mut term = None;
        while k < field.len() {
            match field[k] {
                '{' => return Err(vm.value_error("unexpected '{' in field name")),
                '[' => {
                    while k < field.len() && field[k] != ']' {
                        k += 1;
                    }
                    if k < field.len() {
                        k += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => {
                    term = Some(field[k]);
                    break;
                }
                _ => k += 1,
            }
        }
        let name = &field[..k.min(field.len())];
        let mut conv = None;
        let mut spec: &[char] = &[];
        if let Some(t) = term {
            let mut p = k + 1;
            if t == '!' {
                if p >= field.len() {
                    return Err(vm.value_error("end of string while looking for conversion specifier"));
                }
                conv = Some(field[p]);
                p += 1;
                if p < field.len() {
                    if field[p] != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                    p += 1;
                }
            }
            spec = &field[p.min(field.len())..];
        }
        let mut val = field_object(vm, name, pos, kw, mapping, auto)?;
        if let Some(cv) = conv {
            val = match cv {
                'r' => Value::str(ops::repr(vm, &val)?),
                's' => Value::str(ops::str_(vm, &val)?),
                'a' => Value::str(format::ascii_escape(&ops::repr(vm, &val)?)),
                other => {
                    return Err(vm.value_error(if (' '..='~').contains(&other) {
                        format!("Unknown conversion specifier {}", other)
                    } else {
                        format!("Unknown conversion specifier \\x{:x}", other as u32)
                    }))
                }
            };
        }
        let spec_s: String = if spec_nested { render(vm, spec, pos, kw, mapping, depth - 1, auto)? } else { spec.iter().collect() };
        out.push_str(&ops::format(vm, &val, &spec_s)?);
    }
    Ok(out)
}

fn field_object(vm: &mut Vm, name: &[char], pos: &[Value], kw: &[(Value, Value)], mapping: Option<&Value>, auto: &mut AutoNum) -> PyResult {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let first: String = name[..first_end].iter().collect();
    let mut val = if first.is_empty() {
        if auto.manual_used {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        auto.auto_used = true;
        let idx = auto.next;
        auto.next += 1;
        pos.get(idx).cloned().ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", idx)))?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if auto.auto_used {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        auto.manual_used = true;
        let idx: usize = first.parse().map_err(|_| vm.value_error("Too many decimal digits in format string"))?;
        pos.get(idx).cloned().ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", idx)))?
    } else if let Some(m) = mapping {
        ops::getitem(vm, m, &Value::str(first.as_str()))?
    } else {
        match kw.iter().find(|(k, _)| k.as_str() == Some(first.as_str())) {
            Some((_, v)) => v.clone(),
            None => return Err(vm.key_error(Value::str(first))),
        }
    };
    let mut i = first_end;
    while i < name.len() {
        match name[i] {
            '.' => {
                let st = i + 1;
                let mut e = st;
                while e < name.len() && name[e] != '.' && name[e] != '[' {
                    e += 1;
                }
                if e == st {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let attr: String = name[st..e].iter().collect();
                val = ops::getattr(vm, &val, &crate::vm::intern(&attr))?;
                i = e;
            }
            '[' => {
                let st = i + 1;
                let mut e = st;
                while e < name.len() && name[e] != ']' {
                    e += 1;
                }
                if e >= name.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                if e == st {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let key: String = name[st..e].iter().collect();
                let k = if key.chars().all(|c| c.is_ascii_digit()) {
                    match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    }
                } else {
                    Value::str(key)
                };
                val = ops::getitem(vm, &val, &k)?;
                i = e + 1;
            }
            _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(val)
}

// ----- translate -----

fn maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let d = crate::vm::dict::Dict::new();
    let a: Vec<Value> = args.pos.iter().filter(|v| !matches!(v.payload(), Some(Payload::Class(_)))).cloned().collect();
    match a.len() {
        2 | 3 => {
            let (Some(xs), Some(ys)) = (a[0].as_str(), a[1].as_str()) else {
                return Err(vm.type_error(format!(
                    "maketrans() argument {} must be str, not {}",
                    if a[0].as_str().is_none() { 1 } else { 2 },
                    ops::type_name(if a[0].as_str().is_none() { &a[0] } else { &a[1] })
                )));
            };
            if xs.chars().count() != ys.chars().count() {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (x, y) in xs.chars().zip(ys.chars()) {
                d.set(vm, Value::Int(x as i64), Value::Int(y as i64))?;
            }
            if let Some(z) = a.get(2) {
                let Some(zs) = z.as_str() else {
                    return Err(vm.type_error(format!("maketrans() argument 3 must be str, not {}", ops::type_name(z))));
                };
                for c in zs.chars() {
                    d.set(vm, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        1 => {
            let Some(Payload::Dict(md)) = a[0].payload() else {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in md.items() {
                let k = match k.as_pystr() {
                    Some(s) => {
                        if s.nchars != 1 {
                            return Err(vm.value_error("string keys in translate table must be of length 1"));
                        }
                        Value::Int(s.s.chars().next().unwrap() as i64)
                    }
                    None => {
                        if super::int::as_int(&k).is_none() {
                            return Err(vm.type_error("keys in translate table must be strings or integers"));
                        }
                        k
                    }
                };
                d.set(vm, k, v)?;
            }
        }
        n => return Err(vm.type_error(format!("maketrans() takes at least 1 argument ({} given)", n))),
    }
    Ok(super::dict::dict_value(d))
}

fn translate(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]).to_string();
    let Some(table) = args.pos.get(1).cloned() else { return Err(vm.type_error("translate() takes exactly one argument (0 given)")) };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ops::getitem(vm, &table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => match v.as_str() {
                Some(t) => out.push_str(t),
                None => match super::int::as_int(&v) {
                    Some(_) => {
                        let n = ops::to_index(vm, &v)?;
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(ch) => out.push(ch),
                            None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
                        }
                    }
                    None => return Err(vm.type_error("character mapping must return integer, None or str")),
                },
            },
            Err(e) if vm.is_exc(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(out))
}

// ----- dunders for explicit calls -----

fn str_len(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(pystr(&args.pos[0]).nchars as i64))
}
fn str_getitem(vm: &mut Vm, args: Args) -> PyResult {
    getitem(vm, &args.pos[0], &args.pos[1])
}
fn str_str(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(s_of(&args.pos[0])))
}
fn str_repr_m(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(format::str_repr(s_of(&args.pos[0]))))
}
fn str_hash(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(pystr(&args.pos[0]).hash()))
}
fn str_contains(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(ops::contains(vm, &Value::str(s_of(&args.pos[0])), &args.pos[1])?))
}
fn str_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(ops::new_iter(IterState::Str { s: args.pos[0].obj().unwrap().clone(), byte_pos: 0 }))
}
fn str_add(vm: &mut Vm, args: Args) -> PyResult {
    let plain = Value::str(s_of(&args.pos[0]));
    if args.pos.get(1).and_then(|v| v.as_str()).is_none() {
        return Ok(types().not_implemented.clone());
    }
    Ok(binop(vm, BinOp::Add, &plain, &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
}
fn str_format_m(vm: &mut Vm, args: Args) -> PyResult {
    let Some(spec) = args.pos.get(1).and_then(|s| s.as_str()).map(|s| s.to_string()) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            args.pos.get(1).map(ops::type_name).unwrap_or_else(|| "nothing".into())
        )));
    };
    let plain = Value::str(s_of(&args.pos[0]));
    Ok(Value::str(format::format_value(vm, &plain, &spec)?))
}

pub fn register() {
    let s = &types().str;
    static_method(s, "__new__", str_new);
    let ms: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("encode", encode),
        ("format", str_format),
        ("format_map", format_map),
        ("translate", translate),
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__str__", str_str),
        ("__repr__", str_repr_m),
        ("__hash__", str_hash),
        ("__contains__", str_contains),
        ("__iter__", str_iter),
        ("__add__", str_add),
        ("__format__", str_format_m),
    ];
    for (n, f) in ms {
        method(s, n, *f);
    }
    static_method(s, "maketrans", maketrans);
}

// ----- Unicode tables (generated from CPython's unicodedata, Unicode 14.0.0) -----

static DECIMAL: &[(u32, u32)] = &[
    (0x30, 0x39), (0x660, 0x669), (0x6f0, 0x6f9), (0x7c0, 0x7c9), (0x966, 0x96f), (0x9e6, 0x9ef),
    (0xa66, 0xa6f), (0xae6, 0xaef), (0xb66, 0xb6f), (0xbe6, 0xbef), (0xc66, 0xc6f), (0xce6, 0xcef),
    (0xd66, 0xd6f), (0xde6, 0xdef), (0xe50, 0xe59), (0xed0, 0xed9), (0xf20, 0xf29), (0x1040, 0x1049),
    (0x1090, 0x1099), (0x17e0, 0x17e9), (0x1810, 0x1819), (0x1946, 0x194f), (0x19d0, 0x19d9),
    (0x1a80, 0x1a89), (0x1a90, 0x1a99), (0x1b50, 0x1b59), (0x1bb0, 0x1bb9), (0x1c40, 0x1c49),
    (0x1c50, 0x1c59), (0xa620, 0xa629), (0xa8d0, 0xa8d9), (0xa900, 0xa909), (0xa9d0, 0xa9d9),
    (0xa9f0, 0xa9f9), (0xaa50, 0xaa59), (0xabf0, 0xabf9), (0xff10, 0xff19), (0x104a0, 0x104a9),
    (0x10d30, 0x10d39), (0x11066, 0x1106f), (0x110f0, 0x110f9), (0x11136, 0x1113f), (0x111d0, 0x111d9),
    (0x112f0, 0x112f9), (0x11450, 0x11459), (0x114d0, 0x114d9), (0x11650, 0x11659), (0x116c0, 0x116c9),
    (0x11730, 0x11739), (0x118e0, 0x118e9), (0x11950, 0x11959), (0x11c50, 0x11c59), (0x11d50, 0x11d59),
    (0x11da0, 0x11da9), (0x16a60, 0x16a69), (0x16ac0, 0x16ac9), (0x16b50, 0x16b59), (0x1d7ce, 0x1d7ff),
    (0x1e140, 0x1e149), (0x1e2f0, 0x1e2f9), (0x1e950, 0x1e959), (0x1fbf0, 0x1fbf9),
];
static DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xb2, 0xb3), (0xb9, 0xb9), (0x1369, 0x1371), (0x19da, 0x19da), (0x2070, 0x2070), (0x2074, 0x2079),
    (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247c), (0x2488, 0x2490), (0x24ea, 0x24ea),
    (0x24f5, 0x24fd), (0x24ff, 0x24ff), (0x2776, 0x277e), (0x2780, 0x2788), (0x278a, 0x2792),
    (0x10a40, 0x10a43), (0x10e60, 0x10e68), (0x11052, 0x1105a), (0x1f100, 0x1f10a),
];
static NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0xbc, 0xbe), (0x9f4, 0x9f9), (0xb72, 0xb77), (0xbf0, 0xbf2), (0xc78, 0xc7e), (0xd58, 0xd5e),
    (0xd70, 0xd78), (0xf2a, 0xf33), (0x1372, 0x137c), (0x16ee, 0x16f0), (0x17f0, 0x17f9), (0x2150, 0x2182),
    (0x2185, 0x2189), (0x2469, 0x2473), (0x247d, 0x2487), (0x2491, 0x249b), (0x24eb, 0x24f4),
    (0x24fe, 0x24fe), (0x277f, 0x277f), (0x2789, 0x2789), (0x2793, 0x2793), (0x2cfd, 0x2cfd),
    (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303a), (0x3192, 0x3195), (0x3220, 0x3229),
    (0x3248, 0x324f), (0x3251, 0x325f), (0x3280, 0x3289), (0x32b1, 0x32bf), (0x3405, 0x3405),
    (0x3483, 0x3483), (0x382a, 0x382a), (0x3b4d, 0x3b4d), (0x4e00, 0x4e00), (0x4e03, 0x4e03),
    (0x4e07, 0x4e07), (0x4e09, 0x4e09), (0x4e5d, 0x4e5d), (0x4e8c, 0x4e8c), (0x4e94, 0x4e94),
    (0x4e96, 0x4e96), (0x4ebf, 0x4ec0), (0x4edf, 0x4edf), (0x4ee8, 0x4ee8), (0x4f0d, 0x4f0d),
    (0x4f70, 0x4f70), (0x5104, 0x5104), (0x5146, 0x5146), (0x5169, 0x5169), (0x516b, 0x516b),
    (0x516d, 0x516d), (0x5341, 0x5341), (0x5343, 0x5345), (0x534c, 0x534c), (0x53c1, 0x53c4),
    (0x56db, 0x56db), (0x58f1, 0x58f1), (0x58f9, 0x58f9), (0x5e7a, 0x5e7a), (0x5efe, 0x5eff),
    (0x5f0c, 0x5f0e), (0x5f10, 0x5f10), (0x62fe, 0x62fe), (0x634c, 0x634c), (0x67d2, 0x67d2),
    (0x6f06, 0x6f06), (0x7396, 0x7396), (0x767e, 0x767e), (0x8086, 0x8086), (0x842c, 0x842c),
    (0x8cae, 0x8cae), (0x8cb3, 0x8cb3), (0x8d30, 0x8d30), (0x9621, 0x9621), (0x9646, 0x9646),
    (0x964c, 0x964c), (0x9678, 0x9678), (0x96f6, 0x96f6), (0xa6e6, 0xa6ef), (0xa830, 0xa835),
    (0xf96b, 0xf96b), (0xf973, 0xf973), (0xf978, 0xf978), (0xf9b2, 0xf9b2), (0xf9d1, 0xf9d1),
    (0xf9d3, 0xf9d3), (0xf9fd, 0xf9fd), (0x10107, 0x10133), (0x10140, 0x10178), (0x1018a, 0x1018b),
    (0x102e1, 0x102fb), (0x10320, 0x10323), (0x10341, 0x10341), (0x1034a, 0x1034a), (0x103d1, 0x103d5),
    (0x10858, 0x1085f), (0x10879, 0x1087f), (0x108a7, 0x108af), (0x108fb, 0x108ff), (0x10916, 0x1091b),
    (0x109bc, 0x109bd), (0x109c0, 0x109cf), (0x109d2, 0x109ff), (0x10a44, 0x10a48), (0x10a7d, 0x10a7e),
    (0x10a9d, 0x10a9f), (0x10aeb, 0x10aef), (0x10b58, 0x10b5f), (0x10b78, 0x10b7f), (0x10ba9, 0x10baf),
    (0x10cfa, 0x10cff), (0x10e69, 0x10e7e), (0x10f1d, 0x10f26), (0x10f51, 0x10f54), (0x10fc5, 0x10fcb),
    (0x1105b, 0x11065), (0x111e1, 0x111f4), (0x1173a, 0x1173b), (0x118ea, 0x118f2), (0x11c5a, 0x11c6c),
    (0x11fc0, 0x11fd4), (0x12400, 0x1246e), (0x16b5b, 0x16b61), (0x16e80, 0x16e96), (0x1d2e0, 0x1d2f3),
    (0x1d360, 0x1d378), (0x1e8c7, 0x1e8cf), (0x1ec71, 0x1ecab), (0x1ecad, 0x1ecaf), (0x1ecb1, 0x1ecb4),
    (0x1ed01, 0x1ed2d), (0x1ed2f, 0x1ed3d), (0x1f10b, 0x1f10c), (0x20001, 0x20001), (0x20064, 0x20064),
    (0x200e2, 0x200e2), (0x20121, 0x20121), (0x2092a, 0x2092a), (0x20983, 0x20983), (0x2098c, 0x2098c),
    (0x2099c, 0x2099c), (0x20aea, 0x20aea), (0x20afd, 0x20afd), (0x20b19, 0x20b19), (0x22390, 0x22390),
    (0x22998, 0x22998), (0x23b1b, 0x23b1b), (0x2626d, 0x2626d), (0x2f890, 0x2f890),
];
static ALPHA: &[(u32, u32)] = &[
    (0x41, 0x5a), (0x61, 0x7a), (0xaa, 0xaa), (0xb5, 0xb5), (0xba, 0xba), (0xc0, 0xd6), (0xd8, 0xf6),
    (0xf8, 0x2c1), (0x2c6, 0x2d1), (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee), (0x370, 0x374),
    (0x376, 0x377), (0x37a, 0x37d), (0x37f, 0x37f), (0x386, 0x386), (0x388, 0x38a), (0x38c, 0x38c),
    (0x38e, 0x3a1), (0x3a3, 0x3f5), (0x3f7, 0x481), (0x48a, 0x52f), (0x531, 0x556), (0x559, 0x559),
    (0x560, 0x588), (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x620, 0x64a), (0x66e, 0x66f), (0x671, 0x6d3),
    (0x6d5, 0x6d5), (0x6e5, 0x6e6), (0x6ee, 0x6ef), (0x6fa, 0x6fc), (0x6ff, 0x6ff), (0x710, 0x710),
    (0x712, 0x72f), (0x74d, 0x7a5), (0x7b1, 0x7b1), (0x7ca, 0x7ea), (0x7f4, 0x7f5), (0x7fa, 0x7fa),
    (0x800, 0x815), (0x81a, 0x81a), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858), (0x860, 0x86a),
    (0x870, 0x887), (0x889, 0x88e), (0x8a0, 0x8c9), (0x904, 0x939), (0x93d, 0x93d), (0x950, 0x950),
    (0x958, 0x961), (0x971, 0x980), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8), (0x9aa, 0x9b0),
    (0x9b2, 0x9b2), (0x9b6, 0x9b9), (0x9bd, 0x9bd), (0x9ce, 0x9ce), (0x9dc, 0x9dd), (0x9df, 0x9e1),
    (0x9f0, 0x9f1), (0x9fc, 0x9fc), (0xa05, 0xa0a), (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30),
    (0xa32, 0xa33), (0xa35, 0xa36), (0xa38, 0xa39), (0xa59, 0xa5c), (0xa5e, 0xa5e), (0xa72, 0xa74),
    (0xa85, 0xa8d), (0xa8f, 0xa91), (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9),
    (0xabd, 0xabd), (0xad0, 0xad0), (0xae0, 0xae1), (0xaf9, 0xaf9), (0xb05, 0xb0c), (0xb0f, 0xb10),
    (0xb13, 0xb28), (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39), (0xb3d, 0xb3d), (0xb5c, 0xb5d),
    (0xb5f, 0xb61), (0xb71, 0xb71), (0xb83, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95),
    (0xb99, 0xb9a), (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9),
    (0xbd0, 0xbd0), (0xc05, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39), (0xc3d, 0xc3d),
    (0xc58, 0xc5a), (0xc5d, 0xc5d), (0xc60, 0xc61), (0xc80, 0xc80), (0xc85, 0xc8c), (0xc8e, 0xc90),
    (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbd, 0xcbd), (0xcdd, 0xcde), (0xce0, 0xce1),
    (0xcf1, 0xcf2), (0xd04, 0xd0c), (0xd0e, 0xd10), (0xd12, 0xd3a), (0xd3d, 0xd3d), (0xd4e, 0xd4e),
    (0xd54, 0xd56), (0xd5f, 0xd61), (0xd7a, 0xd7f), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb),
    (0xdbd, 0xdbd), (0xdc0, 0xdc6), (0xe01, 0xe30), (0xe32, 0xe33), (0xe40, 0xe46), (0xe81, 0xe82),
    (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0), (0xeb2, 0xeb3),
    (0xebd, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xedc, 0xedf), (0xf00, 0xf00), (0xf40, 0xf47),
    (0xf49, 0xf6c), (0xf88, 0xf8c), (0x1000, 0x102a), (0x103f, 0x103f), (0x1050, 0x1055), (0x105a, 0x105d),
    (0x1061, 0x1061), (0x1065, 0x1066), (0x106e, 0x1070), (0x1075, 0x1081), (0x108e, 0x108e),
    (0x10a0, 0x10c5), (0x10c7, 0x10c7), (0x10cd, 0x10cd), (0x10d0, 0x10fa), (0x10fc, 0x1248),
    (0x124a, 0x124d), (0x1250, 0x1256), (0x1258, 0x1258), (0x125a, 0x125d), (0x1260, 0x1288),
    (0x128a, 0x128d), (0x1290, 0x12b0), (0x12b2, 0x12b5), (0x12b8, 0x12be), (0x12c0, 0x12c0),
    (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135a),
    (0x1380, 0x138f), (0x13a0, 0x13f5), (0x13f8, 0x13fd), (0x1401, 0x166c), (0x166f, 0x167f),
    (0x1681, 0x169a), (0x16a0, 0x16ea), (0x16f1, 0x16f8), (0x1700, 0x1711), (0x171f, 0x1731),
    (0x1740, 0x1751), (0x1760, 0x176c), (0x176e, 0x1770), (0x1780, 0x17b3), (0x17d7, 0x17d7),
    (0x17dc, 0x17dc), (0x1820, 0x1878), (0x1880, 0x1884), (0x1887, 0x18a8), (0x18aa, 0x18aa),
    (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1950, 0x196d), (0x1970, 0x1974), (0x1980, 0x19ab),
    (0x19b0, 0x19c9), (0x1a00, 0x1a16), (0x1a20, 0x1a54), (0x1aa7, 0x1aa7), (0x1b05, 0x1b33),
    (0x1b45, 0x1b4c), (0x1b83, 0x1ba0), (0x1bae, 0x1baf), (0x1bba, 0x1be5), (0x1c00, 0x1c23),
    (0x1c4d, 0x1c4f), (0x1c5a, 0x1c7d), (0x1c80, 0x1c88), (0x1c90, 0x1cba), (0x1cbd, 0x1cbf),
    (0x1ce9, 0x1cec), (0x1cee, 0x1cf3), (0x1cf5, 0x1cf6), (0x1cfa, 0x1cfa), (0x1d00, 0x1dbf),
    (0x1e00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45), (0x1f48, 0x1f4d), (0x1f50, 0x1f57),
    (0x1f59, 0x1f59), (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4),
    (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4), (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3),
    (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffc), (0x2071, 0x2071),
    (0x207f, 0x207f), (0x2090, 0x209c), (0x2102, 0x2102), (0x2107, 0x2107), (0x210a, 0x2113),
    (0x2115, 0x2115), (0x2119, 0x211d), (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128),
    (0x212a, 0x212d), (0x212f, 0x2139), (0x213c, 0x213f), (0x2145, 0x2149), (0x214e, 0x214e),
    (0x2183, 0x2184), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee), (0x2cf2, 0x2cf3), (0x2d00, 0x2d25),
    (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67), (0x2d6f, 0x2d6f), (0x2d80, 0x2d96),
    (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6), (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6),
    (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde), (0x2e2f, 0x2e2f), (0x3005, 0x3006),
    (0x3031, 0x3035), (0x303b, 0x303c), (0x3041, 0x3096), (0x309d, 0x309f), (0x30a1, 0x30fa),
    (0x30fc, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e), (0x31a0, 0x31bf), (0x31f0, 0x31ff),
    (0x3400, 0x4dbf), (0x4e00, 0xa48c), (0xa4d0, 0xa4fd), (0xa500, 0xa60c), (0xa610, 0xa61f),
    (0xa62a, 0xa62b), (0xa640, 0xa66e), (0xa67f, 0xa69d), (0xa6a0, 0xa6e5), (0xa717, 0xa71f),
    (0xa722, 0xa788), (0xa78b, 0xa7ca), (0xa7d0, 0xa7d1), (0xa7d3, 0xa7d3), (0xa7d5, 0xa7d9),
    (0xa7f2, 0xa801), (0xa803, 0xa805), (0xa807, 0xa80a), (0xa80c, 0xa822), (0xa840, 0xa873),
    (0xa882, 0xa8b3), (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb), (0xa8fd, 0xa8fe), (0xa90a, 0xa925),
    (0xa930, 0xa946), (0xa960, 0xa97c), (0xa984, 0xa9b2), (0xa9cf, 0xa9cf), (0xa9e0, 0xa9e4),
    (0xa9e6, 0xa9ef), (0xa9fa, 0xa9fe), (0xaa00, 0xaa28), (0xaa40, 0xaa42), (0xaa44, 0xaa4b),
    (0xaa60, 0xaa76), (0xaa7a, 0xaa7a), (0xaa7e, 0xaaaf), (0xaab1, 0xaab1), (0xaab5, 0xaab6),
    (0xaab9, 0xaabd), (0xaac0, 0xaac0), (0xaac2, 0xaac2), (0xaadb, 0xaadd), (0xaae0, 0xaaea),
    (0xaaf2, 0xaaf4), (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16), (0xab20, 0xab26),
    (0xab28, 0xab2e), (0xab30, 0xab5a), (0xab5c, 0xab69), (0xab70, 0xabe2), (0xac00, 0xd7a3),
    (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9), (0xfb00, 0xfb06),
    (0xfb13, 0xfb17), (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28), (0xfb2a, 0xfb36), (0xfb38, 0xfb3c),
    (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44), (0xfb46, 0xfbb1), (0xfbd3, 0xfd3d),
    (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdfb), (0xfe70, 0xfe74), (0xfe76, 0xfefc),
    (0xff21, 0xff3a), (0xff41, 0xff5a), (0xff66, 0xffbe), (0xffc2, 0xffc7), (0xffca, 0xffcf),
    (0xffd2, 0xffd7), (0xffda, 0xffdc), (0x10000, 0x1000b), (0x1000d, 0x10026), (0x10028, 0x1003a),
    (0x1003c, 0x1003d), (0x1003f, 0x1004d), (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10280, 0x1029c),
    (0x102a0, 0x102d0), (0x10300, 0x1031f), (0x1032d, 0x10340), (0x10342, 0x10349), (0x10350, 0x10375),
    (0x10380, 0x1039d), (0x103a0, 0x103c3), (0x103c8, 0x103cf), (0x10400, 0x1049d), (0x104b0, 0x104d3),
    (0x104d8, 0x104fb), (0x10500, 0x10527), (0x10530, 0x10563), (0x10570, 0x1057a), (0x1057c, 0x1058a),
    (0x1058c, 0x10592), (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1), (0x105b3, 0x105b9),
    (0x105bb, 0x105bc), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785),
    (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805), (0x10808, 0x10808), (0x1080a, 0x10835),
    (0x10837, 0x10838), (0x1083c, 0x1083c), (0x1083f, 0x10855), (0x10860, 0x10876), (0x10880, 0x1089e),
    (0x108e0, 0x108f2), (0x108f4, 0x108f5), (0x10900, 0x10915), (0x10920, 0x10939), (0x10980, 0x109b7),
    (0x109be, 0x109bf), (0x10a00, 0x10a00), (0x10a10, 0x10a13), (0x10a15, 0x10a17), (0x10a19, 0x10a35),
    (0x10a60, 0x10a7c), (0x10a80, 0x10a9c), (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4), (0x10b00, 0x10b35),
    (0x10b40, 0x10b55), (0x10b60, 0x10b72), (0x10b80, 0x10b91), (0x10c00, 0x10c48), (0x10c80, 0x10cb2),
    (0x10cc0, 0x10cf2), (0x10d00, 0x10d23), (0x10e80, 0x10ea9), (0x10eb0, 0x10eb1), (0x10f00, 0x10f1c),
    (0x10f27, 0x10f27), (0x10f30, 0x10f45), (0x10f70, 0x10f81), (0x10fb0, 0x10fc4), (0x10fe0, 0x10ff6),
    (0x11003, 0x11037), (0x11071, 0x11072), (0x11075, 0x11075), (0x11083, 0x110af), (0x110d0, 0x110e8),
    (0x11103, 0x11126), (0x11144, 0x11144), (0x11147, 0x11147), (0x11150, 0x11172), (0x11176, 0x11176),
    (0x11183, 0x111b2), (0x111c1, 0x111c4), (0x111da, 0x111da), (0x111dc, 0x111dc), (0x11200, 0x11211),
    (0x11213, 0x1122b), (0x11280, 0x11286), (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d),
    (0x1129f, 0x112a8), (0x112b0, 0x112de), (0x11305, 0x1130c), (0x1130f, 0x11310), (0x11313, 0x11328),
    (0x1132a, 0x11330), (0x11332, 0x11333), (0x11335, 0x11339), (0x1133d, 0x1133d), (0x11350, 0x11350),
    (0x1135d, 0x11361), (0x11400, 0x11434), (0x11447, 0x1144a), (0x1145f, 0x11461), (0x11480, 0x114af),
    (0x114c4, 0x114c5), (0x114c7, 0x114c7), (0x11580, 0x115ae), (0x115d8, 0x115db), (0x11600, 0x1162f),
    (0x11644, 0x11644), (0x11680, 0x116aa), (0x116b8, 0x116b8), (0x11700, 0x1171a), (0x11740, 0x11746),
    (0x11800, 0x1182b), (0x118a0, 0x118df), (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913),
    (0x11915, 0x11916), (0x11918, 0x1192f), (0x1193f, 0x1193f), (0x11941, 0x11941), (0x119a0, 0x119a7),
    (0x119aa, 0x119d0), (0x119e1, 0x119e1), (0x119e3, 0x119e3), (0x11a00, 0x11a00), (0x11a0b, 0x11a32),
    (0x11a3a, 0x11a3a), (0x11a50, 0x11a50), (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8),
    (0x11c00, 0x11c08), (0x11c0a, 0x11c2e), (0x11c40, 0x11c40), (0x11c72, 0x11c8f), (0x11d00, 0x11d06),
    (0x11d08, 0x11d09), (0x11d0b, 0x11d30), (0x11d46, 0x11d46), (0x11d60, 0x11d65), (0x11d67, 0x11d68),
    (0x11d6a, 0x11d89), (0x11d98, 0x11d98), (0x11ee0, 0x11ef2), (0x11fb0, 0x11fb0), (0x12000, 0x12399),
    (0x12480, 0x12543), (0x12f90, 0x12ff0), (0x13000, 0x1342e), (0x14400, 0x14646), (0x16800, 0x16a38),
    (0x16a40, 0x16a5e), (0x16a70, 0x16abe), (0x16ad0, 0x16aed), (0x16b00, 0x16b2f), (0x16b40, 0x16b43),
    (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16e40, 0x16e7f), (0x16f00, 0x16f4a), (0x16f50, 0x16f50),
    (0x16f93, 0x16f9f), (0x16fe0, 0x16fe1), (0x16fe3, 0x16fe3), (0x17000, 0x187f7), (0x18800, 0x18cd5),
    (0x18d00, 0x18d08), (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe), (0x1b000, 0x1b122),
    (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a), (0x1bc70, 0x1bc7c),
    (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1d400, 0x1d454), (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f),
    (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb),
    (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514), (0x1d516, 0x1d51c),
    (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e), (0x1d540, 0x1d544), (0x1d546, 0x1d546), (0x1d54a, 0x1d550),
    (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d6c0), (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714),
    (0x1d716, 0x1d734), (0x1d736, 0x1d74e), (0x1d750, 0x1d76e), (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8),
    (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb), (0x1df00, 0x1df1e), (0x1e100, 0x1e12c), (0x1e137, 0x1e13d),
    (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad), (0x1e2c0, 0x1e2eb), (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb),
    (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4), (0x1e900, 0x1e943), (0x1e94b, 0x1e94b),
    (0x1ee00, 0x1ee03), (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27),
    (0x1ee29, 0x1ee32), (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42),
    (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b), (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52),
    (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59), (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d),
    (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72),
    (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b),
    (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x20000, 0x2a6df), (0x2a700, 0x2b738),
    (0x2b740, 0x2b81d), (0x2b820, 0x2cea1), (0x2ceb0, 0x2ebe0), (0x2f800, 0x2fa1d), (0x30000, 0x3134a),
];
static TITLECASE: &[(u32, u32)] = &[
    (0x1c5, 0x1c5), (0x1c8, 0x1c8), (0x1cb, 0x1cb), (0x1f2, 0x1f2), (0x1f88, 0x1f8f), (0x1f98, 0x1f9f),
    (0x1fa8, 0x1faf), (0x1fbc, 0x1fbc), (0x1fcc, 0x1fcc), (0x1ffc, 0x1ffc),
];
static TITLE_MAP: &[(u32, &str)] = &[
    (0xdf, "\u{53}\u{73}"), (0x1c4, "\u{1c5}"), (0x1c5, "\u{1c5}"), (0x1c6, "\u{1c5}"), (0x1c7, "\u{1c8}"),
    (0x1c8, "\u{1c8}"), (0x1c9, "\u{1c8}"), (0x1ca, "\u{1cb}"), (0x1cb, "\u{1cb}"), (0x1cc, "\u{1cb}"),
    (0x1f1, "\u{1f2}"), (0x1f2, "\u{1f2}"), (0x1f3, "\u{1f2}"), (0x587, "\u{535}\u{582}"),
    (0x10d0, "\u{10d0}"), (0x10d1, "\u{10d1}"), (0x10d2, "\u{10d2}"), (0x10d3, "\u{10d3}"),
    (0x10d4, "\u{10d4}"), (0x10d5, "\u{10d5}"), (0x10d6, "\u{10d6}"), (0x10d7, "\u{10d7}"),
    (0x10d8, "\u{10d8}"), (0x10d9, "\u{10d9}"), (0x10da, "\u{10da}"), (0x10db, "\u{10db}"),
    (0x10dc, "\u{10dc}"), (0x10dd, "\u{10dd}"), (0x10de, "\u{10de}"), (0x10df, "\u{10df}"),
    (0x10e0, "\u{10e0}"), (0x10e1, "\u{10e1}"), (0x10e2, "\u{10e2}"), (0x10e3, "\u{10e3}"),
    (0x10e4, "\u{10e4}"), (0x10e5, "\u{10e5}"), (0x10e6, "\u{10e6}"), (0x10e7, "\u{10e7}"),
    (0x10e8, "\u{10e8}"), (0x10e9, "\u{10e9}"), (0x10ea, "\u{10ea}"), (0x10eb, "\u{10eb}"),
    (0x10ec, "\u{10ec}"), (0x10ed, "\u{10ed}"), (0x10ee, "\u{10ee}"), (0x10ef, "\u{10ef}"),
    (0x10f0, "\u{10f0}"), (0x10f1, "\u{10f1}"), (0x10f2, "\u{10f2}"), (0x10f3, "\u{10f3}"),
    (0x10f4, "\u{10f4}"), (0x10f5, "\u{10f5}"), (0x10f6, "\u{10f6}"), (0x10f7, "\u{10f7}"),
    (0x10f8, "\u{10f8}"), (0x10f9, "\u{10f9}"), (0x10fa, "\u{10fa}"), (0x10fd, "\u{10fd}"),
    (0x10fe, "\u{10fe}"), (0x10ff, "\u{10ff}"), (0x1f80, "\u{1f88}"), (0x1f81, "\u{1f89}"),
    (0x1f82, "\u{1f8a}"), (0x1f83, "\u{1f8b}"), (0x1f84, "\u{1f8c}"), (0x1f85, "\u{1f8d}"),
    (0x1f86, "\u{1f8e}"), (0x1f87, "\u{1f8f}"), (0x1f88, "\u{1f88}"), (0x1f89, "\u{1f89}"),
    (0x1f8a, "\u{1f8a}"), (0x1f8b, "\u{1f8b}"), (0x1f8c, "\u{1f8c}"), (0x1f8d, "\u{1f8d}"),
    (0x1f8e, "\u{1f8e}"), (0x1f8f, "\u{1f8f}"), (0x1f90, "\u{1f98}"), (0x1f91, "\u{1f99}"),
    (0x1f92, "\u{1f9a}"), (0x1f93, "\u{1f9b}"), (0x1f94, "\u{1f9c}"), (0x1f95, "\u{1f9d}"),
    (0x1f96, "\u{1f9e}"), (0x1f97, "\u{1f9f}"), (0x1f98, "\u{1f98}"), (0x1f99, "\u{1f99}"),
    (0x1f9a, "\u{1f9a}"), (0x1f9b, "\u{1f9b}"), (0x1f9c, "\u{1f9c}"), (0x1f9d, "\u{1f9d}"),
    (0x1f9e, "\u{1f9e}"), (0x1f9f, "\u{1f9f}"), (0x1fa0, "\u{1fa8}"), (0x1fa1, "\u{1fa9}"),
    (0x1fa2, "\u{1faa}"), (0x1fa3, "\u{1fab}"), (0x1fa4, "\u{1fac}"), (0x1fa5, "\u{1fad}"),
    (0x1fa6, "\u{1fae}"), (0x1fa7, "\u{1faf}"), (0x1fa8, "\u{1fa8}"), (0x1fa9, "\u{1fa9}"),
    (0x1faa, "\u{1faa}"), (0x1fab, "\u{1fab}"), (0x1fac, "\u{1fac}"), (0x1fad, "\u{1fad}"),
    (0x1fae, "\u{1fae}"), (0x1faf, "\u{1faf}"), (0x1fb2, "\u{1fba}\u{345}"), (0x1fb3, "\u{1fbc}"),
    (0x1fb4, "\u{386}\u{345}"), (0x1fb7, "\u{391}\u{342}\u{345}"), (0x1fbc, "\u{1fbc}"),
    (0x1fc2, "\u{1fca}\u{345}"), (0x1fc3, "\u{1fcc}"), (0x1fc4, "\u{389}\u{345}"),
    (0x1fc7, "\u{397}\u{342}\u{345}"), (0x1fcc, "\u{1fcc}"), (0x1ff2, "\u{1ffa}\u{345}"),
    (0x1ff3, "\u{1ffc}"), (0x1ff4, "\u{38f}\u{345}"), (0x1ff7, "\u{3a9}\u{342}\u{345}"), (0x1ffc, "\u{1ffc}"),
    (0xfb00, "\u{46}\u{66}"), (0xfb01, "\u{46}\u{69}"), (0xfb02, "\u{46}\u{6c}"),
    (0xfb03, "\u{46}\u{66}\u{69}"), (0xfb04, "\u{46}\u{66}\u{6c}"), (0xfb05, "\u{53}\u{74}"),
    (0xfb06, "\u{53}\u{74}"), (0xfb13, "\u{544}\u{576}"), (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"), (0xfb16, "\u{54e}\u{576}"), (0xfb17, "\u{544}\u{56d}"),
];
static CASEFOLD_MAP: &[(u32, &str)] = &[
    (0xb5, "\u{3bc}"), (0xdf, "\u{73}\u{73}"), (0x149, "\u{2bc}\u{6e}"), (0x17f, "\u{73}"),
    (0x1f0, "\u{6a}\u{30c}"), (0x345, "\u{3b9}"), (0x390, "\u{3b9}\u{308}\u{301}"),
    (0x3b0, "\u{3c5}\u{308}\u{301}"), (0x3c2, "\u{3c3}"), (0x3d0, "\u{3b2}"), (0x3d1, "\u{3b8}"),
    (0x3d5, "\u{3c6}"), (0x3d6, "\u{3c0}"), (0x3f0, "\u{3ba}"), (0x3f1, "\u{3c1}"), (0x3f5, "\u{3b5}"),
    (0x587, "\u{565}\u{582}"), (0x13a0, "\u{13a0}"), (0x13a1, "\u{13a1}"), (0x13a2, "\u{13a2}"),
    (0x13a3, "\u{13a3}"), (0x13a4, "\u{13a4}"), (0x13a5, "\u{13a5}"), (0x13a6, "\u{13a6}"),
    (0x13a7, "\u{13a7}"), (0x13a8, "\u{13a8}"), (0x13a9, "\u{13a9}"), (0x13aa, "\u{13aa}"),
    (0x13ab, "\u{13ab}"), (0x13ac, "\u{13ac}"), (0x13ad, "\u{13ad}"), (0x13ae, "\u{13ae}"),
    (0x13af, "\u{13af}"), (0x13b0, "\u{13b0}"), (0x13b1, "\u{13b1}"), (0x13b2, "\u{13b2}"),
    (0x13b3, "\u{13b3}"), (0x13b4, "\u{13b4}"), (0x13b5, "\u{13b5}"), (0x13b6, "\u{13b6}"),
    (0x13b7, "\u{13b7}"), (0x13b8, "\u{13b8}"), (0x13b9, "\u{13b9}"), (0x13ba, "\u{13ba}"),
    (0x13bb, "\u{13bb}"), (0x13bc, "\u{13bc}"), (0x13bd, "\u{13bd}"), (0x13be, "\u{13be}"),
    (0x13bf, "\u{13bf}"), (0x13c0, "\u{13c0}"), (0x13c1, "\u{13c1}"), (0x13c2, "\u{13c2}"),
    (0x13c3, "\u{13c3}"), (0x13c4, "\u{13c4}"), (0x13c5, "\u{13c5}"), (0x13c6, "\u{13c6}"),
    (0x13c7, "\u{13c7}"), (0x13c8, "\u{13c8}"), (0x13c9, "\u{13c9}"), (0x13ca, "\u{13ca}"),
    (0x13cb, "\u{13cb}"), (0x13cc, "\u{13cc}"), (0x13cd, "\u{13cd}"), (0x13ce, "\u{13ce}"),
    (0x13cf, "\u{13cf}"), (0x13d0, "\u{13d0}"), (0x13d1, "\u{13d1}"), (0x13d2, "\u{13d2}"),
    (0x13d3, "\u{13d3}"), (0x13d4, "\u{13d4}"), (0x13d5, "\u{13d5}"), (0x13d6, "\u{13d6}"),
    (0x13d7, "\u{13d7}"), (0x13d8, "\u{13d8}"), (0x13d9, "\u{13d9}"), (0x13da, "\u{13da}"),
    (0x13db, "\u{13db}"), (0x13dc, "\u{13dc}"), (0x13dd, "\u{13dd}"), (0x13de, "\u{13de}"),
    (0x13df, "\u{13df}"), (0x13e0, "\u{13e0}"), (0x13e1, "\u{13e1}"), (0x13e2, "\u{13e2}"),
    (0x13e3, "\u{13e3}"), (0x13e4, "\u{13e4}"), (0x13e5, "\u{13e5}"), (0x13e6, "\u{13e6}"),
    (0x13e7, "\u{13e7}"), (0x13e8, "\u{13e8}"), (0x13e9, "\u{13e9}"), (0x13ea, "\u{13ea}"),
    (0x13eb, "\u{13eb}"), (0x13ec, "\u{13ec}"), (0x13ed, "\u{13ed}"), (0x13ee, "\u{13ee}"),
    (0x13ef, "\u{13ef}"), (0x13f0, "\u{13f0}"), (0x13f1, "\u{13f1}"), (0x13f2, "\u{13f2}"),
    (0x13f3, "\u{13f3}"), (0x13f4, "\u{13f4}"), (0x13f5, "\u{13f5}"), (0x13f8, "\u{13f0}"),
    (0x13f9, "\u{13f1}"), (0x13fa, "\u{13f2}"), (0x13fb, "\u{13f3}"), (0x13fc, "\u{13f4}"),
    (0x13fd, "\u{13f5}"), (0x1c80, "\u{432}"), (0x1c81, "\u{434}"), (0x1c82, "\u{43e}"), (0x1c83, "\u{441}"),
    (0x1c84, "\u{442}"), (0x1c85, "\u{442}"), (0x1c86, "\u{44a}"), (0x1c87, "\u{463}"), (0x1c88, "\u{a64b}"),
    (0x1e96, "\u{68}\u{331}"), (0x1e97, "\u{74}\u{308}"), (0x1e98, "\u{77}\u{30a}"),
    (0x1e99, "\u{79}\u{30a}"), (0x1e9a, "\u{61}\u{2be}"), (0x1e9b, "\u{1e61}"), (0x1e9e, "\u{73}\u{73}"),
    (0x1f50, "\u{3c5}\u{313}"), (0x1f52, "\u{3c5}\u{313}\u{300}"), (0x1f54, "\u{3c5}\u{313}\u{301}"),
    (0x1f56, "\u{3c5}\u{313}\u{342}"), (0x1f80, "\u{1f00}\u{3b9}"), (0x1f81, "\u{1f01}\u{3b9}"),
    (0x1f82, "\u{1f02}\u{3b9}"), (0x1f83, "\u{1f03}\u{3b9}"), (0x1f84, "\u{1f04}\u{3b9}"),
    (0x1f85, "\u{1f05}\u{3b9}"), (0x1f86, "\u{1f06}\u{3b9}"), (0x1f87, "\u{1f07}\u{3b9}"),
    (0x1f88, "\u{1f00}\u{3b9}"), (0x1f89, "\u{1f01}\u{3b9}"), (0x1f8a, "\u{1f02}\u{3b9}"),
    (0x1f8b, "\u{1f03}\u{3b9}"), (0x1f8c, "\u{1f04}\u{3b9}"), (0x1f8d, "\u{1f05}\u{3b9}"),
    (0x1f8e, "\u{1f06}\u{3b9}"), (0x1f8f, "\u{1f07}\u{3b9}"), (0x1f90, "\u{1f20}\u{3b9}"),
    (0x1f91, "\u{1f21}\u{3b9}"), (0x1f92, "\u{1f22}\u{3b9}"), (0x1f93, "\u{1f23}\u{3b9}"),
    (0x1f94, "\u{1f24}\u{3b9}"), (0x1f95, "\u{1f25}\u{3b9}"), (0x1f96, "\u{1f26}\u{3b9}"),
    (0x1f97, "\u{1f27}\u{3b9}"), (0x1f98, "\u{1f20}\u{3b9}"), (0x1f99, "\u{1f21}\u{3b9}"),
    (0x1f9a, "\u{1f22}\u{3b9}"), (0x1f9b, "\u{1f23}\u{3b9}"), (0x1f9c, "\u{1f24}\u{3b9}"),
    (0x1f9d, "\u{1f25}\u{3b9}"), (0x1f9e, "\u{1f26}\u{3b9}"), (0x1f9f, "\u{1f27}\u{3b9}"),
    (0x1fa0, "\u{1f60}\u{3b9}"), (0x1fa1, "\u{1f61}\u{3b9}"), (0x1fa2, "\u{1f62}\u{3b9}"),
    (0x1fa3, "\u{1f63}\u{3b9}"), (0x1fa4, "\u{1f64}\u{3b9}"), (0x1fa5, "\u{1f65}\u{3b9}"),
    (0x1fa6, "\u{1f66}\u{3b9}"), (0x1fa7, "\u{1f67}\u{3b9}"), (0x1fa8, "\u{1f60}\u{3b9}"),
    (0x1fa9, "\u{1f61}\u{3b9}"), (0x1faa, "\u{1f62}\u{3b9}"), (0x1fab, "\u{1f63}\u{3b9}"),
    (0x1fac, "\u{1f64}\u{3b9}"), (0x1fad, "\u{1f65}\u{3b9}"), (0x1fae, "\u{1f66}\u{3b9}"),
    (0x1faf, "\u{1f67}\u{3b9}"), (0x1fb2, "\u{1f70}\u{3b9}"), (0x1fb3, "\u{3b1}\u{3b9}"),
    (0x1fb4, "\u{3ac}\u{3b9}"), (0x1fb6, "\u{3b1}\u{342}"), (0x1fb7, "\u{3b1}\u{342}\u{3b9}"),
    (0x1fbc, "\u{3b1}\u{3b9}"), (0x1fbe, "\u{3b9}"), (0x1fc2, "\u{1f74}\u{3b9}"), (0x1fc3, "\u{3b7}\u{3b9}"),
    (0x1fc4, "\u{3ae}\u{3b9}"), (0x1fc6, "\u{3b7}\u{342}"), (0x1fc7, "\u{3b7}\u{342}\u{3b9}"),
    (0x1fcc, "\u{3b7}\u{3b9}"), (0x1fd2, "\u{3b9}\u{308}\u{300}"), (0x1fd3, "\u{3b9}\u{308}\u{301}"),
    (0x1fd6, "\u{3b9}\u{342}"), (0x1fd7, "\u{3b9}\u{308}\u{342}"), (0x1fe2, "\u{3c5}\u{308}\u{300}"),
    (0x1fe3, "\u{3c5}\u{308}\u{301}"), (0x1fe4, "\u{3c1}\u{313}"), (0x1fe6, "\u{3c5}\u{342}"),
    (0x1fe7, "\u{3c5}\u{308}\u{342}"), (0x1ff2, "\u{1f7c}\u{3b9}"), (0x1ff3, "\u{3c9}\u{3b9}"),
    (0x1ff4, "\u{3ce}\u{3b9}"), (0x1ff6, "\u{3c9}\u{342}"), (0x1ff7, "\u{3c9}\u{342}\u{3b9}"),
    (0x1ffc, "\u{3c9}\u{3b9}"), (0xab70, "\u{13a0}"), (0xab71, "\u{13a1}"), (0xab72, "\u{13a2}"),
    (0xab73, "\u{13a3}"), (0xab74, "\u{13a4}"), (0xab75, "\u{13a5}"), (0xab76, "\u{13a6}"),
    (0xab77, "\u{13a7}"), (0xab78, "\u{13a8}"), (0xab79, "\u{13a9}"), (0xab7a, "\u{13aa}"),
    (0xab7b, "\u{13ab}"), (0xab7c, "\u{13ac}"), (0xab7d, "\u{13ad}"), (0xab7e, "\u{13ae}"),
    (0xab7f, "\u{13af}"), (0xab80, "\u{13b0}"), (0xab81, "\u{13b1}"), (0xab82, "\u{13b2}"),
    (0xab83, "\u{13b3}"), (0xab84, "\u{13b4}"), (0xab85, "\u{13b5}"), (0xab86, "\u{13b6}"),
    (0xab87, "\u{13b7}"), (0xab88, "\u{13b8}"), (0xab89, "\u{13b9}"), (0xab8a, "\u{13ba}"),
    (0xab8b, "\u{13bb}"), (0xab8c, "\u{13bc}"), (0xab8d, "\u{13bd}"), (0xab8e, "\u{13be}"),
    (0xab8f, "\u{13bf}"), (0xab90, "\u{13c0}"), (0xab91, "\u{13c1}"), (0xab92, "\u{13c2}"),
    (0xab93, "\u{13c3}"), (0xab94, "\u{13c4}"), (0xab95, "\u{13c5}"), (0xab96, "\u{13c6}"),
    (0xab97, "\u{13c7}"), (0xab98, "\u{13c8}"), (0xab99, "\u{13c9}"), (0xab9a, "\u{13ca}"),
    (0xab9b, "\u{13cb}"), (0xab9c, "\u{13cc}"), (0xab9d, "\u{13cd}"), (0xab9e, "\u{13ce}"),
    (0xab9f, "\u{13cf}"), (0xaba0, "\u{13d0}"), (0xaba1, "\u{13d1}"), (0xaba2, "\u{13d2}"),
    (0xaba3, "\u{13d3}"), (0xaba4, "\u{13d4}"), (0xaba5, "\u{13d5}"), (0xaba6, "\u{13d6}"),
    (0xaba7, "\u{13d7}"), (0xaba8, "\u{13d8}"), (0xaba9, "\u{13d9}"), (0xabaa, "\u{13da}"),
    (0xabab, "\u{13db}"), (0xabac, "\u{13dc}"), (0xabad, "\u{13dd}"), (0xabae, "\u{13de}"),
    (0xabaf, "\u{13df}"), (0xabb0, "\u{13e0}"), (0xabb1, "\u{13e1}"), (0xabb2, "\u{13e2}"),
    (0xabb3, "\u{13e3}"), (0xabb4, "\u{13e4}"), (0xabb5, "\u{13e5}"), (0xabb6, "\u{13e6}"),
    (0xabb7, "\u{13e7}"), (0xabb8, "\u{13e8}"), (0xabb9, "\u{13e9}"), (0xabba, "\u{13ea}"),
    (0xabbb, "\u{13eb}"), (0xabbc, "\u{13ec}"), (0xabbd, "\u{13ed}"), (0xabbe, "\u{13ee}"),
    (0xabbf, "\u{13ef}"), (0xfb00, "\u{66}\u{66}"), (0xfb01, "\u{66}\u{69}"), (0xfb02, "\u{66}\u{6c}"),
    (0xfb03, "\u{66}\u{66}\u{69}"), (0xfb04, "\u{66}\u{66}\u{6c}"), (0xfb05, "\u{73}\u{74}"),
    (0xfb06, "\u{73}\u{74}"), (0xfb13, "\u{574}\u{576}"), (0xfb14, "\u{574}\u{565}"),
    (0xfb15, "\u{574}\u{56b}"), (0xfb16, "\u{57e}\u{576}"), (0xfb17, "\u{574}\u{56d}"),
];
