//! Text formatting shared by repr(), format(), f-strings, str.format and `%`:
//! float repr (shortest round-trip, CPython's exponent rules), str repr
//! quoting, and the format-spec mini-language.

use crate::vm::ops;
use crate::vm::types::int::{as_int, I};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::Signed;

/// repr(float): shortest digits that round-trip; scientific outside [1e-4, 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (neg, digits, exp) = shortest_digits(f);
    let sign = if neg { "-" } else { "" };
    // exp: decimal exponent such that value = 0.d1d2... * 10^exp
    let e10 = exp - 1; // scientific exponent
    if (-4..16).contains(&e10) {
        let s = if exp <= 0 {
            format!("0.{}{}", "0".repeat((-exp) as usize), digits)
        } else if (exp as usize) >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(exp as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..exp as usize], &digits[exp as usize..])
        };
        format!("{}{}", sign, s)
    } else {
        let mant = if digits.len() == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        format!("{}{}e{}{:02}", sign, mant, if e10 < 0 { "-" } else { "+" }, e10.abs())
    }
}

/// (negative, significant digits, decimal exponent) of the shortest repr.
fn shortest_digits(f: f64) -> (bool, String, i32) {
    let s = format!("{:e}", f.abs());
    let (m, e) = s.split_once('e').unwrap();
    let digits: String = m.chars().filter(|c| *c != '.').collect();
    let e: i32 = e.parse().unwrap();
    (f < 0.0, digits, e + 1)
}

/// repr(str): CPython's quote choice and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's str.isprintable for one character (approximation by category).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || n == 0x7f {
        return false;
    }
    if (0x80..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c.is_whitespace() && c != ' ' {
        return false;
    }
    // Unassigned/private/surrogates/format characters.
    !matches!(n, 0xd800..=0xdfff | 0xe000..=0xf8ff | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff0..=0xfffb | 0xf0000..)
}

/// ascii(): repr with every non-ASCII character escaped.
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

/// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(vm: &mut Vm, spec: &str) -> PyResult<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = Some(cs[0]);
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(cs[start..i].iter().collect::<String>().parse().unwrap_or(0));
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        s.precision = Some(cs[st..i].iter().collect::<String>().parse().unwrap_or(0));
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// Pad `body` (with sign/prefix already split off) to the spec's width.
fn pad(s: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{}{}", sign, body);
    }
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() { '0' } else { ' ' });
    let align = s.align.unwrap_or(if s.zero && s.fill.is_none() { '=' } else { default_align });
    let n = width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{}{}{}", sign, body, f(n)),
        '^' => format!("{}{}{}{}", f(n / 2), sign, body, f(n - n / 2)),
        '=' => format!("{}{}{}", sign, f(n), body),
        _ => format!("{}{}{}", f(n), sign, body),
    }
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let cs: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in cs.iter().enumerate() {
        if i > 0 && (cs.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(vm: &mut Vm, v: &BigInt, s: &Spec) -> PyResult<String> {
    let neg = v.is_negative();
    let a = v.abs();
    let ty = s.ty.unwrap_or('d');
    let (digits, prefix) = match ty {
        'd' | 'n' => (a.to_string(), ""),
        'b' => (a.to_str_radix(2), "0b"),
        'o' => (a.to_str_radix(8), "0o"),
        'x' => (a.to_str_radix(16), "0x"),
        'X' => (a.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            use num_traits::ToPrimitive;
            let c = a.to_u32().and_then(char::from_u32).ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(s, "", &c.to_string(), '<'));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            use num_traits::ToPrimitive;
            let f = v.to_f64().unwrap_or(f64::INFINITY);
            return format_float(vm, f, s);
        }
        other => {
            return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'int'", other)));
        }
    };
    let digits = match s.grouping {
        Some(sep) => group_digits(&digits, sep, if matches!(ty, 'd' | 'n') { 3 } else { 4 }),
        None => digits,
    };
    let sign = sign_str(neg, s);
    let prefix = if s.alt { prefix } else { "" };
    let body = format!("{}{}", prefix, digits);
    if s.zero && s.align.is_none() && s.grouping.is_some() {
        // Zero padding with grouping keeps separators in the padding.
        let width = s.width.unwrap_or(0);
        let mut d = digits.replace([',', '_'], "");
        let sep = s.grouping.unwrap();
        let mut out = group_digits(&d, sep, 3);
        while sign.len() + prefix.len() + out.chars().count() < width {
            d.insert(0, '0');
            out = group_digits(&d, sep, 3);
        }
        return Ok(format!("{}{}{}", sign, prefix, out));
    }
    if s.align == Some('=') || (s.zero && s.align.is_none()) {
        return Ok(pad(s, &format!("{}{}", sign, prefix), &digits, '>'));
    }
    Ok(pad(s, sign, &body, '>'))
}

/// Format a float in fixed notation with `prec` digits, correctly rounded.
fn fixed(f: f64, prec: usize) -> String {
    format!("{:.*}", prec, f)
}

fn exp_fmt(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    let r = format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// The 'g' presentation (and repr-like default with precision).
fn general(f: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        let z = if alt { format!("0.{}", "0".repeat(p - 1)) } else { "0".into() };
        return if f.is_sign_negative() { format!("-{}", z) } else { z };
    }
    let es = format!("{:.*e}", p - 1, f);
    let exp: i32 = es.split_once('e').unwrap().1.parse().unwrap();
    let mut out = if exp >= -4 && exp < p as i32 {
        fixed(f, (p as i32 - 1 - exp).max(0) as usize)
    } else {
        exp_fmt(f, p - 1, upper)
    };
    if !alt {
        // Strip trailing zeros (and a trailing point) from the mantissa.
        let (mant, rest) = match out.find(['e', 'E']) {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.').to_string() } else { mant };
        out = format!("{}{}", mant, rest);
    }
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

pub fn format_float(vm: &mut Vm, f: f64, s: &Spec) -> PyResult<String> {
    let neg = f.is_sign_negative() && !(f.is_nan());
    let a = f.abs();
    let upper = matches!(s.ty, Some('E' | 'F' | 'G'));
    let body = if a.is_nan() || a.is_infinite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let t = if upper { t.to_uppercase() } else { t.to_string() };
        if s.ty == Some('%') {
            format!("{}%", t)
        } else {
            t
        }
    } else {
        match s.ty {
            Some('f' | 'F') => fixed(a, s.precision.unwrap_or(6)),
            Some('e' | 'E') => exp_fmt(a, s.precision.unwrap_or(6), upper),
            Some('g' | 'G') => general(a, s.precision.unwrap_or(6), s.alt, upper),
            Some('%') => format!("{}%", fixed(a * 100.0, s.precision.unwrap_or(6))),
            Some('n') => general(a, s.precision.unwrap_or(6), s.alt, false),
            None => match s.precision {
                Some(p) => {
                    let g = general(a, p, s.alt, false);
                    if g.contains(['.', 'e', 'n', 'i']) {
                        g
                    } else {
                        format!("{}.0", g)
                    }
                }
                None => float_repr(a),
            },
            Some(other) => {
                return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'float'", other)));
            }
        }
    };
    let body = if s.alt && !body.contains('.') && matches!(s.ty, Some('f' | 'F' | 'e' | 'E')) {
        match body.find(['e', 'E']) {
            Some(i) => format!("{}.{}", &body[..i], &body[i..]),
            None => format!("{}.", body),
        }
    } else {
        body
    };
    let body = match s.grouping {
        Some(sep) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (&body[..i], &body[i..]),
                None => (&body[..], ""),
            };
            format!("{}{}", group_digits(int_part, sep, 3), rest)
        }
        None => body,
    };
    let sign = sign_str(neg, s);
    if s.align == Some('=') || (s.zero && s.align.is_none()) {
        return Ok(pad(s, sign, &body, '>'));
    }
    Ok(pad(s, sign, &body, '>'))
}

pub fn format_str(vm: &mut Vm, text: &str, s: &Spec) -> PyResult<String> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'str'", t)));
        }
    }
    if s.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let t: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(s, "", &t, '<'))
}

/// format(value, spec) for builtin types.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return ops::str_(vm, v);
    }
    let s = parse_spec(vm, spec)?;
    if let Value::Bool(b) = v {
        if s.ty.is_none() {
            return format_str(vm, if *b { "True" } else { "False" }, &s);
        }
    }
    if let Some(i) = as_int(v) {
        let b = match i {
            I::S(x) => BigInt::from(x),
            I::B(b) => b,
        };
        return format_int(vm, &b, &s);
    }
    match v {
        Value::Float(f) => return format_float(vm, *f, &s),
        _ => {}
    }
    match v.payload() {
        Some(Payload::Float(f)) => format_float(vm, *f, &s),
        Some(Payload::Str(st)) => {
            let t = st.s.to_string();
            format_str(vm, &t, &s)
        }
        Some(Payload::Complex(re, im)) => {
            let r = crate::vm::types::float::complex_repr(*re, *im);
            format_str(vm, &r, &Spec { ty: None, ..s })
        }
        _ => {
            if s.ty.is_some() || s.precision.is_some() || s.sign.is_some() {
                return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", ops::type_name(v))));
            }
            let t = ops::str_(vm, v)?;
            format_str(vm, &t, &s)
        }
    }
}

/// printf-style formatting: `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args.payload() {
        Some(Payload::Tuple(t)) => (t.to_vec(), None),
        Some(Payload::Dict(_)) => (vec![], Some(args.clone())),
        _ => (vec![args.clone()], None),
    };
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut ai = 0;
    let mut i = 0;
    let mut next_arg = |vm: &mut Vm, ai: &mut usize| -> PyResult<Value> {
        let v = items.get(*ai).cloned().ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
        *ai += 1;
        Ok(v)
    };
    while i < cs.len() {
        let c = cs[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= cs.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key_val = None;
        if cs[i] == '(' {
            let st = i + 1;
            let mut depth = 1;
            i += 1;
            while i < cs.len() && depth > 0 {
                if cs[i] == '(' {
                    depth += 1;
                } else if cs[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            let key: String = cs[st..i - 1].iter().collect();
            let m = mapping.clone().ok_or_else(|| vm.type_error("format requires a mapping"))?;
            key_val = Some(ops::getitem(vm, &m, &Value::str(key))?);
        }
        let mut spec = Spec::default();
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            match cs[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        if i < cs.len() && cs[i] == '*' {
            let w = next_arg(vm, &mut ai)?;
            spec.width = Some(ops::to_index(vm, &w)? as usize);
            i += 1;
        } else {
            let st = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                spec.width = cs[st..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let st = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            spec.precision = Some(cs[st..i].iter().collect::<String>().parse().unwrap_or(0));
        }
        if i >= cs.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let ty = cs[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let v = match key_val.take() {
            Some(v) => v,
            None => next_arg(vm, &mut ai)?,
        };
        let piece = match ty {
            's' => {
                let t = ops::str_(vm, &v)?;
                format_str(vm, &t, &Spec { sign: None, ty: None, zero: false, ..spec })?
            }
            'r' | 'a' => {
                let mut t = ops::repr(vm, &v)?;
                if ty == 'a' {
                    t = ascii_escape(&t);
                }
                format_str(vm, &t, &Spec { sign: None, ty: None, zero: false, ..spec })?
            }
            'd' | 'i' | 'u' => {
                let iv = if matches!(v, Value::Float(_)) || matches!(v.payload(), Some(Payload::Float(_))) {
                    crate::vm::types::int::to_int(vm, &v)?
                } else {
                    v.clone()
                };
                let b = ops::to_bigint(&iv).ok_or_else(|| vm.type_error(format!("%{} format: a real number is required, not {}", ty, ops::type_name(&v))))?;
                let mut sp = spec.clone();
                sp.ty = Some('d');
                let prec = sp.precision.take();
                let mut r = format_int(vm, &b, &Spec { width: None, ..sp.clone() })?;
                if let Some(p) = prec {
                    let neg = r.starts_with('-');
                    let digits = r.trim_start_matches(['-', '+', ' ']).to_string();
                    let signs = &r[..r.len() - digits.len()];
                    r = format!("{}{}{}", signs, "0".repeat(p.saturating_sub(digits.len())), digits);
                    let _ = neg;
                }
                pad_simple(&r, &sp)
            }
            'x' | 'X' | 'o' => {
                let b = ops::to_bigint(&v).ok_or_else(|| vm.type_error(format!("%{} format: an integer is required, not {}", ty, ops::type_name(&v))))?;
                let mut sp = spec.clone();
                sp.ty = Some(ty);
                let r = format_int(vm, &b, &Spec { width: None, ..sp.clone() })?;
                pad_simple(&r, &sp)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = ops::to_f64(vm, &v).map_err(|_| vm.type_error(format!("must be real number, not {}", ops::type_name(&v))))?;
                let mut sp = spec.clone();
                sp.ty = Some(ty);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format_float(vm, f, &sp)?
            }
            'c' => {
                let t = match v.as_str() {
                    Some(s) => s.to_string(),
                    None => {
                        let n = ops::to_index(vm, &v)?;
                        char::from_u32(n as u32).map(|c| c.to_string()).unwrap_or_default()
                    }
                };
                format_str(vm, &t, &Spec { sign: None, ty: None, precision: None, ..spec })?
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if ai < items.len() && mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn pad_simple(r: &str, sp: &Spec) -> String {
    let width = sp.width.unwrap_or(0);
    let n = r.chars().count();
    if n >= width {
        return r.to_string();
    }
    if sp.align == Some('<') {
        format!("{}{}", r, " ".repeat(width - n))
    } else if sp.zero {
        let digits_start = r.find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(0);
        let (sign, rest) = r.split_at(digits_start);
        let (prefix, digits) = if rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o") {
            rest.split_at(2)
        } else {
            ("", rest)
        };
        format!("{}{}{}{}", sign, prefix, "0".repeat(width - n), digits)
    } else {
        format!("{}{}", " ".repeat(width - n), r)
    }
}
