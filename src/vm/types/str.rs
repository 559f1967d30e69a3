//! str: indexing by code point, concatenation, `%` formatting, str.format,
//! and the str methods.

use super::list::{repeat_count, slice_indices, slice_positions};
use super::{method, static_method, types};
use crate::vm::code::BinOp;
use crate::vm::format;
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
        Some(v) => v.as_str().ok_or_else(|| {
            vm.type_error(format!("{}() argument {} must be str, not {}", fname, i, ops::type_name(v)))
        }),
        None => Err(vm.type_error(format!("{}() takes at least {} argument ({} given)", fname, i, args.pos.len() - 1))),
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
    let c = if ps.is_ascii() { ps.s.as_bytes()[j as usize] as char } else { ps.s.chars().nth(j as usize).unwrap() };
    Ok(Value::str(c.to_string()))
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
            let Some(n) = repeat_count(vm, n)? else { return Ok(None) };
            Ok(Some(Value::str(s_of(s).repeat(n))))
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
    let encoding = args.take_kw("encoding").or_else(|| args.pos.get(1).cloned());
    let s = match args.pos.first() {
        None => String::new(),
        Some(v) => match (v.payload(), &encoding) {
            (Some(Payload::Bytes(b)), Some(_)) => String::from_utf8_lossy(b).to_string(),
            _ => ops::str_(vm, v)?,
        },
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
    let items = ops::iterate(vm, args.pos.get(1).ok_or_else(|| vm.type_error("str.join() takes exactly one argument (0 given)"))?)?;
    let mut out = String::new();
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

fn opt_sep(vm: &mut Vm, args: &mut Args, fname: &str) -> PyResult<(Option<String>, i64)> {
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
    let _ = fname;
    let maxsplit = match maxsplit {
        Some(m) => ops::to_index(vm, &m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult {
    let s = s_of(&args.pos[0]).to_string();
    let (sep, maxsplit) = opt_sep(vm, &mut args, "split")?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).map(|x| x.to_string()).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str()).map(|x| x.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                match rest.find(char::is_whitespace) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = rest[i..].trim_start();
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
            out
        }
    };
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn rsplit(vm: &mut Vm, mut args: Args) -> PyResult {
    let s = s_of(&args.pos[0]).to_string();
    let (sep, maxsplit) = opt_sep(vm, &mut args, "rsplit")?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep.as_str()).map(|x| x.to_string()).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(|x| x.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let ch_len = rest[i..].chars().next().unwrap().len_utf8();
                        out.push(rest[i + ch_len..].to_string());
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn strip_chars(args: &Args) -> Option<Vec<char>> {
    args.pos.get(1).and_then(|c| c.as_str()).map(|c| c.chars().collect())
}

fn strip(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match strip_chars(&args) {
        Some(cs) => s.trim_matches(|c| cs.contains(&c)),
        None => s.trim(),
    }))
}
fn lstrip(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match strip_chars(&args) {
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
        None => s.trim_start(),
    }))
}
fn rstrip(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::str(match strip_chars(&args) {
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
        None => s.trim_end(),
    }))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let old = arg_str(vm, &args, 1, "replace")?.to_string();
    let new = arg_str(vm, &args, 2, "replace")?.to_string();
    let count = match args.pos.get(3) {
        Some(c) => ops::to_index(vm, c)?,
        None => -1,
    };
    Ok(Value::str(if count < 0 { s.replace(&old, &new) } else { s.replacen(&old, &new, count as usize) }))
}

/// Char-index range [start, end) from optional slice arguments, as byte offsets.
fn sub_range(vm: &mut Vm, s: &str, args: &Args, from: usize) -> PyResult<(usize, usize, usize)> {
    let n = s.chars().count() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match args.pos.get(from) {
        Some(v) if !v.is_none() => norm(ops::to_index(vm, v)?),
        _ => 0,
    };
    let end = match args.pos.get(from + 1) {
        Some(v) if !v.is_none() => norm(ops::to_index(vm, v)?),
        _ => n,
    };
    let byte = |ci: i64| s.char_indices().nth(ci as usize).map(|(b, _)| b).unwrap_or(s.len());
    let (bs, be) = (byte(start), byte(end.max(start)));
    Ok((bs, be, start as usize))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn find_impl(vm: &mut Vm, args: &Args, rev: bool) -> PyResult<i64> {
    let s = s_of(&args.pos[0]);
    let sub = arg_str(vm, args, 1, if rev { "rfind" } else { "find" })?.to_string();
    let (bs, be, _) = sub_range(vm, s, args, 2)?;
    if be < bs || (be - bs) < sub.len() && !sub.is_empty() {
        return Ok(-1);
    }
    let hay = &s[bs..be];
    let r = if rev { hay.rfind(&sub) } else { hay.find(&sub) };
    Ok(match r {
        Some(i) => char_index(s, bs + i),
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
    let s = s_of(&args.pos[0]);
    let sub = arg_str(vm, &args, 1, "count")?.to_string();
    let (bs, be, _) = sub_range(vm, s, &args, 2)?;
    let hay = &s[bs..be];
    Ok(Value::Int(if sub.is_empty() { hay.chars().count() as i64 + 1 } else { hay.matches(&sub).count() as i64 }))
}

fn prefix_test(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let s = s_of(&args.pos[0]);
    let (bs, be, _) = sub_range(vm, s, &args, 2)?;
    let hay = &s[bs..be];
    let arg = args.pos.get(1).cloned().unwrap_or(Value::None);
    let cands: Vec<Value> = match arg.tuple_items() {
        Some(t) => t.to_vec(),
        None => vec![arg.clone()],
    };
    for c in cands {
        let Some(p) = c.as_str() else {
            return Err(vm.type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                if ends { "endswith" } else { "startswith" },
                ops::type_name(&c)
            )));
        };
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

fn upper(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(s_of(&args.pos[0]).to_uppercase()))
}
fn lower(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(s_of(&args.pos[0]).to_lowercase()))
}
fn casefold(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(s_of(&args.pos[0]).to_lowercase().replace('ß', "ss")))
}
fn swapcase(_vm: &mut Vm, args: Args) -> PyResult {
    let s: String = s_of(&args.pos[0])
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect();
    Ok(Value::str(s))
}
fn title(_vm: &mut Vm, args: Args) -> PyResult {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s_of(&args.pos[0]).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    Ok(Value::str(out))
}
fn capitalize(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let mut cs = s.chars();
    let out = match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    Ok(Value::str(out))
}

fn pred(args: &Args, f: fn(char) -> bool) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}
fn isdigit(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_ascii_digit() || ('\u{2070}'..='\u{2079}').contains(&c) || c == '\u{b2}' || c == '\u{b3}' || c == '\u{b9}' || (c.is_numeric() && c.to_digit(10).is_some()))
}
fn isdecimal(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_ascii_digit() || (c.is_numeric() && c.to_digit(10).is_some()))
}
fn isnumeric(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_numeric())
}
fn isalpha(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_alphabetic())
}
fn isalnum(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_alphanumeric())
}
fn isspace(_vm: &mut Vm, args: Args) -> PyResult {
    pred(&args, |c| c.is_whitespace())
}
fn isascii(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(s_of(&args.pos[0]).is_ascii()))
}
fn isprintable(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(s_of(&args.pos[0]).chars().all(format::is_printable)))
}
fn isupper(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::Bool(s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase())))
}
fn islower(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    Ok(Value::Bool(s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase())))
}
fn istitle(_vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() {
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
        Some(f) => (f.is_alphabetic() || f == '_') && cs.all(|c| c.is_alphanumeric() || c == '_'),
        None => false,
    }))
}

fn fill_arg(vm: &mut Vm, args: &Args) -> PyResult<(usize, char)> {
    let w = ops::to_index(vm, args.pos.get(1).ok_or_else(|| vm.type_error("expected at least 1 argument, got 0"))?)?;
    let fill = match args.pos.get(2) {
        Some(f) => {
            let fs = f.as_str().unwrap_or("");
            if fs.chars().count() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            fs.chars().next().unwrap()
        }
        None => ' ',
    };
    Ok((w.max(0) as usize, fill))
}

fn center(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let (w, f) = fill_arg(vm, &args)?;
    let n = s.chars().count();
    if n >= w {
        return Ok(Value::str(s));
    }
    let total = w - n;
    // CPython puts the extra space on the right when the string length is even... by its formula:
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    Ok(Value::str(format!("{}{}{}", f.to_string().repeat(left), s, f.to_string().repeat(right))))
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let (w, f) = fill_arg(vm, &args)?;
    let n = s.chars().count();
    Ok(Value::str(if n >= w { s.to_string() } else { format!("{}{}", s, f.to_string().repeat(w - n)) }))
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let (w, f) = fill_arg(vm, &args)?;
    let n = s.chars().count();
    Ok(Value::str(if n >= w { s.to_string() } else { format!("{}{}", f.to_string().repeat(w - n), s) }))
}
fn zfill(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let w = ops::to_index(vm, &args.pos[1])?.max(0) as usize;
    let n = s.chars().count();
    if n >= w {
        return Ok(Value::str(s));
    }
    let (sign, rest) = if s.starts_with(['+', '-']) { s.split_at(1) } else { ("", s) };
    Ok(Value::str(format!("{}{}{}", sign, "0".repeat(w - n), rest)))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let sep = arg_str(vm, &args, 1, "partition")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::str(sep), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![Value::str(s), Value::str(""), Value::str("")]),
    })
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]);
    let sep = arg_str(vm, &args, 1, "rpartition")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::str(sep), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::str(s)]),
    })
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult {
    let keep = match args.arg(1, "keepends") {
        Some(k) => ops::truthy(vm, &k)?,
        None => false,
    };
    let s = s_of(&args.pos[0]);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            out.push(Value::str(std::mem::take(&mut cur)));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(Value::str(cur));
    }
    Ok(Value::list(out))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult {
    let size = match args.pos.get(1) {
        Some(v) => ops::to_index(vm, v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s_of(&args.pos[0]).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
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

fn encode(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(crate::vm::bytes_value(s_of(&args.pos[0]).as_bytes().to_vec()))
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult {
    let f = s_of(&args.pos[0]).to_string();
    let pos = args.pos[1..].to_vec();
    let kw = args.kw;
    Ok(Value::str(format_template(vm, &f, &pos, &kw, None)?))
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult {
    let f = s_of(&args.pos[0]).to_string();
    let m = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::str(format_template(vm, &f, &[], &[], Some(&m))?))
}

/// str.format: fields {name!conv:spec} with indexes, attributes and nesting.
pub fn format_template(vm: &mut Vm, f: &str, pos: &[Value], kw: &[(Value, Value)], mapping: Option<&Value>) -> PyResult<String> {
    let cs: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < cs.len() {
        let c = cs[i];
        if c == '{' {
            if i + 1 < cs.len() && cs[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (spec may nest one level).
            let mut depth = 1;
            let mut j = i + 1;
            while j < cs.len() && depth > 0 {
                if cs[j] == '{' {
                    depth += 1;
                } else if cs[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = cs[i + 1..j - 1].iter().collect();
            i = j;
            // split field into name, conversion, spec
            let (name_conv, spec) = match field.find(':') {
                Some(k) => (field[..k].to_string(), field[k + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(k) => (name_conv[..k].to_string(), Some(name_conv[k + 1..].to_string())),
                None => (name_conv.clone(), None),
            };
            // first part of name: index or keyword
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut val = if first.is_empty() {
                if manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = pos.get(auto).cloned().ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", auto)))?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if auto > 0 {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                manual = true;
                pos.get(n).cloned().ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", n)))?
            } else if let Some(m) = mapping {
                ops::getitem(vm, m, &Value::str(first))?
            } else {
                match kw.iter().find(|(k, _)| k.as_str() == Some(first)) {
                    Some((_, v)) => v.clone(),
                    None => return Err(vm.key_error(Value::str(first))),
                }
            };
            // attribute / index chain
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    val = ops::getattr(vm, &val, &crate::vm::intern(&r[..end]))?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    val = ops::getitem(vm, &val, &k)?;
                    rest = &r[end + 1..];
                } else {
                    break;
                }
            }
            if let Some(cv) = conv {
                val = match cv.as_str() {
                    "r" => Value::str(ops::repr(vm, &val)?),
                    "s" => Value::str(ops::str_(vm, &val)?),
                    "a" => Value::str(format::ascii_escape(&ops::repr(vm, &val)?)),
                    other => return Err(vm.value_error(format!("Unknown conversion specifier {}", other))),
                };
            }
            // nested fields inside the spec
            let spec = if spec.contains('{') {
                let mut sub_auto_pos: Vec<Value> = pos[auto.min(pos.len())..].to_vec();
                let r = format_template(vm, &spec, &sub_auto_pos, kw, mapping)?;
                let used = spec.matches("{}").count();
                auto += used;
                sub_auto_pos.clear();
                r
            } else {
                spec
            };
            out.push_str(&ops::format(vm, &val, &spec)?);
        } else if c == '}' {
            if i + 1 < cs.len() && cs[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let d = crate::vm::dict::Dict::new();
    match (args.pos.first(), args.pos.get(1)) {
        (Some(x), Some(y)) => {
            let (xs, ys) = (s_of(x), s_of(y));
            if xs.chars().count() != ys.chars().count() {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (a, b) in xs.chars().zip(ys.chars()) {
                d.set(vm, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = args.pos.get(2) {
                for c in s_of(z).chars() {
                    d.set(vm, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        (Some(m), None) => {
            if let Some(Payload::Dict(md)) = m.payload() {
                for (k, v) in md.items() {
                    let k = match k.as_str() {
                        Some(s) => Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0)),
                        None => k,
                    };
                    d.set(vm, k, v)?;
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes at least 1 argument")),
    }
    Ok(super::dict::dict_value(d))
}

fn translate(vm: &mut Vm, args: Args) -> PyResult {
    let s = s_of(&args.pos[0]).to_string();
    let table = args.pos[1].clone();
    let mut out = String::new();
    for c in s.chars() {
        match ops::getitem(vm, &table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => match v.as_str() {
                Some(t) => out.push_str(t),
                None => {
                    let n = ops::to_index(vm, &v)?;
                    out.push(char::from_u32(n as u32).unwrap_or(c));
                }
            },
            Err(e) if vm.is_exc(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(out))
}

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
    Ok(binop(vm, BinOp::Add, &plain, &args.pos[1])?.unwrap_or_else(|| types().not_implemented.clone()))
}
fn str_format_m(vm: &mut Vm, args: Args) -> PyResult {
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
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
