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
    let a = f.abs();
    let s = format!("{:e}", a);
    let (m, e) = s.split_once('e').unwrap();
    let mut digits: String = m.chars().filter(|c| *c != '.').collect();
    let mut e: i32 = e.parse().unwrap();
    // Among equally short strings that round-trip, CPython picks the one
    // nearest the exact value: correctly rounding to that many digits gives it.
    let n = digits.len();
    if n > 1 {
        let r = format!("{:.*e}", n - 1, a);
        if r.parse::<f64>().ok() == Some(a) {
            let (m2, e2) = r.split_once('e').unwrap();
            digits = m2.chars().filter(|c| *c != '.').collect();
            e = e2.parse().unwrap();
        }
    }
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


/// Python's str.isprintable for one character (CPython's Unicode tables).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        return true;
    }
    if n < 0xa0 {
        return false;
    }
    !in_ranges(NONPRINTABLE, n)
}

/// Is `n` inside one of the sorted, disjoint inclusive ranges?
pub fn in_ranges(table: &[(u32, u32)], n: u32) -> bool {
    match table.binary_search_by(|&(a, b)| {
        if b < n {
            std::cmp::Ordering::Less
        } else if a > n {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(_) => true,
        Err(_) => false,
    }
}

/// The escape CPython's repr uses for a non-printable character.
pub fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

// ----- the format-spec mini-language -----

/// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#[derive(Debug, Clone)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec { fill: ' ', align: None, sign: None, no_neg_zero: false, alt: false, width: None, grouping: None, precision: None, ty: None }
    }
}

fn get_integer(vm: &mut Vm, cs: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let st = *i;
    let mut v: usize = 0;
    while *i < cs.len() && cs[*i].is_ascii_digit() {
        let d = cs[*i] as usize - '0' as usize;
        if v > (isize::MAX as usize - d) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        v = v * 10 + d;
        *i += 1;
    }
    Ok(if *i > st { Some(v) } else { None })
}

/// A precision as CPython takes it: at most INT_MAX ("precision too big"),
/// and the digits must fit under the memory limit.
fn check_precision(vm: &mut Vm, p: usize) -> PyResult<usize> {
    if p > i32::MAX as usize {
        return Err(vm.value_error("precision too big"));
    }
    vm.reserve(p)?;
    Ok(p)
}

/// Parse a spec as CPython's `parse_internal_render_format_spec` does.
/// `default_align` is '<' for strings and '>' for numbers.
pub fn parse_spec_for(vm: &mut Vm, spec: &str, type_name: &str, default_align: char) -> PyResult<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut fill_given = false;
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = cs[0];
        s.align = Some(cs[1]);
        fill_given = true;
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
        s.no_neg_zero = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if !fill_given && i < cs.len() && cs[i] == '0' {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        i += 1;
    }
    s.width = get_integer(vm, &cs, &mut i)?;
    if i < cs.len() && cs[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < cs.len() && cs[i] == '_' {
        if s.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < cs.len() && cs[i] == ',' && s.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        match get_integer(vm, &cs, &mut i)? {
            Some(p) => s.precision = Some(check_precision(vm, p)?),
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    // MemoryError up front, not an aborting allocation (format(1, '1000000000000')).
    vm.reserve(s.width.unwrap_or(0))?;
    if cs.len() - i > 1 {
        return Err(vm.value_error(format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name)));
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
    }
    if let Some(g) = s.grouping {
        match s.ty.or(if default_align == '<' { Some('s') } else { None }) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(vm.value_error(if (' '..='~').contains(&t) {
                    format!("Cannot specify '{}' with '{}'.", g, t)
                } else {
                    format!("Cannot specify '{}' with '\\x{:x}'.", g, t as u32)
                }))
            }
        }
    }
    Ok(s)
}

/// Parse a spec for numbers (kept for callers outside this module).
pub fn parse_spec(vm: &mut Vm, spec: &str) -> PyResult<Spec> {
    parse_spec_for(vm, spec, "object", '>')
}

fn unknown_code(vm: &mut Vm, t: char, type_name: &str) -> crate::vm::Flow {
    if (' '..='~').contains(&t) {
        vm.value_error(format!("Unknown format code '{}' for object of type '{}'", t, type_name))
    } else {
        vm.value_error(format!("Unknown format code '\\x{:x}' for object of type '{}'", t as u32, type_name))
    }
}

/// Fill `body` (of `len` chars) to the spec's width.
fn pad_to(s: &Spec, body: &str, len: usize, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let (left, right) = match s.align.unwrap_or(default_align) {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = String::with_capacity(body.len() + n * s.fill.len_utf8());
    for _ in 0..left {
        out.push(s.fill);
    }
    out.push_str(body);
    for _ in 0..right {
        out.push(s.fill);
    }
    out
}

/// Group `digits` (ASCII) with `sep` every `every` digits from the right,
/// zero-extending to at least `min_width` chars (CPython's
/// _PyUnicode_InsertThousandsGrouping).
fn group_min(digits: &str, sep: char, every: usize, min_width: isize) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    let mut groups: Vec<String> = Vec::new();
    let every = every as isize;
    loop {
        let l = every.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let mut g = "0".repeat(n_zeros as usize);
        let end = remaining as usize;
        g.push_str(std::str::from_utf8(&d[end - n_chars as usize..end]).unwrap_or(""));
        groups.push(g);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Lay out a number: sign, prefix, (grouped) digits and remainder, padded
/// per the spec (CPython's calc_number_widths/fill_number).
fn layout_number(s: &Spec, sign: &str, prefix: &str, digits: &str, remainder: &str, every: usize) -> String {
    let width = s.width.unwrap_or(0) as isize;
    let align = s.align.unwrap_or('>');
    let fixed_len = (sign.len() + prefix.len() + remainder.chars().count()) as isize;
    let zero_fill = s.fill == '0' && align == '=';
    let grouped = match s.grouping {
        Some(sep) => group_min(digits, sep, every, if zero_fill { width - fixed_len } else { 0 }),
        None => digits.to_string(),
    };
    let len = fixed_len as usize + grouped.chars().count();
    let w = width.max(0) as usize;
    if len >= w {
        return format!("{}{}{}{}", sign, prefix, grouped, remainder);
    }
    let n = w - len;
    let fill = |k: usize| std::iter::repeat(s.fill).take(k).collect::<String>();
    match align {
        '<' => format!("{}{}{}{}{}", sign, prefix, grouped, remainder, fill(n)),
        '^' => format!("{}{}{}{}{}{}", fill(n / 2), sign, prefix, grouped, remainder, fill(n - n / 2)),
        '=' => format!("{}{}{}{}{}", sign, prefix, fill(n), grouped, remainder),
        _ => format!("{}{}{}{}{}", fill(n), sign, prefix, grouped, remainder),
    }
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
    format_int_named(vm, &I::B(v.clone()), s, "int")
}

/// |v| in the given radix (16 upper-case for 'X'), without allocation-heavy
/// bigint conversion for machine ints.
fn int_digits(v: &I, ty: char) -> String {
    match v {
        I::S(x) => {
            let a = x.unsigned_abs();
            match ty {
                'b' => format!("{:b}", a),
                'o' => format!("{:o}", a),
                'x' => format!("{:x}", a),
                'X' => format!("{:X}", a),
                _ => a.to_string(),
            }
        }
        I::B(b) => {
            let a = b.abs();
            match ty {
                'b' => a.to_str_radix(2),
                'o' => a.to_str_radix(8),
                'x' => a.to_str_radix(16),
                'X' => a.to_str_radix(16).to_uppercase(),
                _ => a.to_string(),
            }
        }
    }
}

fn int_is_negative(v: &I) -> bool {
    match v {
        I::S(x) => *x < 0,
        I::B(b) => b.is_negative(),
    }
}

fn format_int_named(vm: &mut Vm, v: &I, s: &Spec, type_name: &str) -> PyResult<String> {
    use num_traits::ToPrimitive;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = match v {
                I::S(x) => Some(*x as f64),
                I::B(b) => b.to_f64().filter(|f| f.is_finite()),
            };
            let f = f.ok_or_else(|| vm.overflow_error("int too large to convert to float"))?;
            return format_float(vm, f, s);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        other => return Err(unknown_code(vm, other, type_name)),
    }
    if s.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if s.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = match v {
            I::S(x) => u32::try_from(*x).ok(),
            I::B(b) => b.to_u32(),
        };
        let c = c.filter(|n| *n < 0x110000).ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
        let c = char::from_u32(c).unwrap_or('\u{fffd}');
        return Ok(layout_number(s, "", "", "", &c.to_string(), 3));
    }
    let digits = int_digits(v, ty);
    let prefix = match (s.alt, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let sign = sign_str(int_is_negative(v), s);
    if s.width.is_none() && s.grouping.is_none() && prefix.is_empty() {
        return Ok(if sign.is_empty() { digits } else { format!("{}{}", sign, digits) });
    }
    let every = if matches!(ty, 'b' | 'o' | 'x' | 'X') { 4 } else { 3 };
    Ok(layout_number(s, sign, prefix, &digits, "", every))
}

/// Digits past which a double's exact decimal expansion is all zeros (at
/// most 1074 fractional digits, 767 significant ones): larger precisions
/// (Rust's formatter panics past 65535) are these plus zeros.
const EXACT_DIGITS: usize = 1100;

/// Fixed notation with `prec` digits, correctly rounded (half-even on exact ties).
fn fixed(f: f64, prec: usize) -> String {
    if prec > EXACT_DIGITS && f.is_finite() {
        return format!("{:.*}{}", EXACT_DIGITS, f, "0".repeat(prec - EXACT_DIGITS));
    }
    format!("{:.*}", prec, f)
}

fn exp_fmt(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec.min(EXACT_DIGITS), f);
    let (m, e) = s.split_once('e').unwrap();
    let m = format!("{}{}", m, "0".repeat(prec.saturating_sub(EXACT_DIGITS)));
    let e: i32 = e.parse().unwrap();
    format!("{}{}{}{:02}", m, if upper { 'E' } else { 'e' }, if e < 0 { '-' } else { '+' }, e.abs())
}

/// Make sure a formatted number has a decimal point (the '#' alternate form).
fn ensure_point(s: String) -> String {
    if s.contains('.') {
        return s;
    }
    match s.find(['e', 'E']) {
        Some(i) => format!("{}.{}", &s[..i], &s[i..]),
        None => format!("{}.", s),
    }
}

/// The 'g' presentation of a non-negative finite float.
fn general(f: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        return if alt { ensure_point(format!("0.{}", "0".repeat(p - 1))) } else { "0".into() };
    }
    let es = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), f);
    let exp: i32 = es.split_once('e').unwrap().1.parse().unwrap();
    let out = if exp >= -4 && exp < p as i32 {
        fixed(f, (p as i32 - 1 - exp).max(0) as usize)
    } else {
        exp_fmt(f, p - 1, upper)
    };
    if alt {
        return ensure_point(out);
    }
    // Strip trailing zeros (and a trailing point) from the mantissa.
    let (mant, rest) = match out.find(['e', 'E']) {
        Some(i) => (&out[..i], &out[i..]),
        None => (&out[..], ""),
    };
    let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.') } else { mant };
    format!("{}{}", mant, rest)
}

/// PyOS_double_to_string for |f|: `ty` is one of e E f F g G r.
fn double_to_string(f: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let a = f.abs();
    if a.is_nan() || a.is_infinite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        return if upper { t.to_uppercase() } else { t.to_string() };
    }
    match ty {
        'f' | 'F' => {
            let s = fixed(a, prec);
            if alt {
                ensure_point(s)
            } else {
                s
            }
        }
        'e' | 'E' => {
            let s = exp_fmt(a, prec, upper);
            if alt {
                ensure_point(s)
            } else {
                s
            }
        }
        'g' | 'G' => {
            let s = general(a, prec, alt, upper);
            if add_dot_0 && !s.contains(['.', 'e', 'E']) {
                format!("{}.0", s)
            } else {
                s
            }
        }
        _ => {
            // 'r': the shortest repr.
            let s = float_repr(a);
            let s = if add_dot_0 { s } else { s.strip_suffix(".0").map(|x| x.to_string()).unwrap_or(s) };
            if alt {
                ensure_point(s)
            } else {
                s
            }
        }
    }
}

/// Split a formatted number into its leading digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let i = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(i)
}

fn is_zero_text(body: &str) -> bool {
    body.chars().all(|c| !c.is_ascii_digit() || c == '0') && body.chars().any(|c| c.is_ascii_digit())
}

pub fn format_float(vm: &mut Vm, f: f64, s: &Spec) -> PyResult<String> {
    let mut ty = s.ty.unwrap_or('r');
    let mut add_dot_0 = false;
    let mut prec = s.precision;
    let mut val = f;
    let mut pct = false;
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n' | 'r' => {}
        other => return Err(unknown_code(vm, other, "float")),
    }
    if s.ty.is_none() {
        add_dot_0 = true;
    }
    if ty == 'n' {
        ty = 'g';
    }
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    if prec.is_none() {
        prec = Some(if ty == 'r' { 0 } else { 6 });
    } else if ty == 'r' {
        ty = 'g';
    }
    let body = double_to_string(val, ty, prec.unwrap(), s.alt, add_dot_0);
    let mut neg = val.is_sign_negative() && !val.is_nan();
    if neg && s.no_neg_zero && is_zero_text(&body) {
        neg = false;
    }
    let body = if pct { format!("{}%", body) } else { body };
    let (digits, rest) = split_digits(&body);
    Ok(layout_number(s, sign_str(neg, s), "", digits, rest, 3))
}

pub fn format_complex(vm: &mut Vm, re: f64, im: f64, s: &Spec) -> PyResult<String> {
    let mut ty = s.ty.unwrap_or('r');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | 'r' => {}
        other => return Err(unknown_code(vm, other, "complex")),
    }
    if s.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut skip_re = false;
    let mut parens = false;
    let mut prec = s.precision;
    if s.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    if prec.is_none() {
        prec = Some(if ty == 'r' { 0 } else { 6 });
    } else if ty == 'r' {
        ty = 'g';
    }
    let p = prec.unwrap();
    let part = |v: f64, sign_mode: Option<char>| -> String {
        let body = double_to_string(v, ty, p, s.alt, false);
        let mut neg = v.is_sign_negative() && !v.is_nan();
        if neg && s.no_neg_zero && is_zero_text(&body) {
            neg = false;
        }
        let sign = if neg {
            "-"
        } else {
            match sign_mode {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let (digits, rest) = split_digits(&body);
        let g = match s.grouping {
            Some(sep) => group_min(digits, sep, 3, 0),
            None => digits.to_string(),
        };
        format!("{}{}{}", sign, g, rest)
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&part(re, s.sign));
        out.push_str(&part(im, Some('+')));
    } else {
        out.push_str(&part(im, s.sign));
    }
    out.push('j');
    if parens {
        out.push(')');
    }
    let n = out.chars().count();
    Ok(pad_to(s, &out, n, '>'))
}

pub fn format_str(vm: &mut Vm, text: &str, s: &Spec) -> PyResult<String> {
    format_str_named(vm, text, s, "str")
}

fn format_str_named(vm: &mut Vm, text: &str, s: &Spec, type_name: &str) -> PyResult<String> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(unknown_code(vm, t, type_name));
        }
    }
    if let Some(sg) = s.sign {
        return Err(vm.value_error(if sg == ' ' { "Space not allowed in string format specifier" } else { "Sign not allowed in string format specifier" }));
    }
    if s.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in format specifier"));
    }
    if s.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let (t, n): (std::borrow::Cow<str>, usize) = match s.precision {
        Some(p) => {
            let end = text.char_indices().nth(p).map(|(i, _)| i).unwrap_or(text.len());
            let t = &text[..end];
            (t.into(), t.chars().count())
        }
        None => (text.into(), text.chars().count()),
    };
    Ok(pad_to(s, &t, n, '<'))
}

/// format(value, spec) for builtin types (int.__format__, float.__format__,
/// str.__format__, complex.__format__ and object.__format__).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return ops::str_(vm, v);
    }
    if let Some(i) = as_int(v) {
        let tn: std::borrow::Cow<str> = match v {
            Value::Int(_) => "int".into(),
            Value::Bool(_) => "bool".into(),
            _ => ops::type_name(v).into(),
        };
        let s = parse_spec_for(vm, spec, &tn, '>')?;
        return format_int_named(vm, &i, &s, &tn);
    }
    let fv = match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    };
    if let Some(f) = fv {
        let tn: std::borrow::Cow<str> = if let Value::Float(_) = v { "float".into() } else { ops::type_name(v).into() };
        let s = parse_spec_for(vm, spec, &tn, '>')?;
        return format_float(vm, f, &s);
    }
    match v.payload() {
        Some(Payload::Str(st)) => {
            let s = parse_spec_for(vm, spec, "str", '<')?;
            format_str_named(vm, &st.s, &s, "str")
        }
        Some(Payload::Complex(re, im)) => {
            let s = parse_spec_for(vm, spec, "complex", '>')?;
            format_complex(vm, *re, *im, &s)
        }
        Some(Payload::Native(_)) => {
            let t = ops::str_(vm, v)?;
            let s = parse_spec_for(vm, spec, "str", '<')?;
            format_str_named(vm, &t, &s, "str")
        }
        _ => Err(vm.type_error(format!("unsupported format string passed to {}.__format__", ops::type_name(v)))),
    }
}

// ----- printf-style formatting -----

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let out = percent_core(vm, fmt.as_bytes(), args, false)?;
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// `fmt % args` for bytes and bytearray.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    percent_core(vm, fmt, args, true)
}

fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(lock(b).clone()),
        _ => None,
    }
}

/// Does `%` treat `args` as a mapping (PyMapping_Check minus tuple/str/bytes)?
fn percent_mapping(v: &Value, bytes_mode: bool) -> bool {
    match v.payload() {
        Some(Payload::Tuple(_)) | Some(Payload::Str(_)) => false,
        Some(Payload::Bytes(_)) => !bytes_mode,
        Some(Payload::Dict(_)) | Some(Payload::List(_)) | Some(Payload::ByteArray(_)) | Some(Payload::Range(..)) => true,
        Some(Payload::Instance) | Some(Payload::Native(_)) => ops::lookup_special(v, "__getitem__").is_some(),
        _ => false,
    }
}

struct PctArgs {
    cur: Value,
    items: Vec<Value>,
    arglen: isize,
    argidx: isize,
}

impl PctArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.cur.clone());
            }
            return Ok(self.items[i as usize].clone());
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn is_number_like(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(o) => match &o.payload {
            Payload::Int(_) | Payload::Float(_) | Payload::Complex(..) => true,
            _ => ["__index__", "__int__", "__float__"].iter().any(|n| ops::lookup_special(v, n).is_some()),
        },
        _ => false,
    }
}

fn percent_core(vm: &mut Vm, cs: &[u8], args: &Value, bytes_mode: bool) -> PyResult<Vec<u8>> {
    let is_tuple = matches!(args.payload(), Some(Payload::Tuple(_)));
    let mut st = PctArgs {
        cur: args.clone(),
        items: args.tuple_items().map(|t| t.to_vec()).unwrap_or_default(),
        arglen: if is_tuple { args.tuple_items().map(|t| t.len()).unwrap_or(0) as isize } else { -1 },
        argidx: if is_tuple { 0 } else { -2 },
    };
    let dict = if percent_mapping(args, bytes_mode) { Some(args.clone()) } else { None };
    let mut out: Vec<u8> = Vec::with_capacity(cs.len() + 16);
    let mut i = 0;
    while i < cs.len() {
        // Copy a literal run.
        if cs[i] != b'%' {
            let run = cs[i..].iter().position(|&c| c == b'%').unwrap_or(cs.len() - i);
            out.extend_from_slice(&cs[i..i + run]);
            i += run;
            continue;
        }
        i += 1;
        if i >= cs.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if cs[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        if cs[i] == b'(' {
            let Some(d) = dict.clone() else { return Err(vm.type_error("format requires a mapping")) };
            let st_key = i + 1;
            let mut depth = 1;
            i += 1;
            while i < cs.len() && depth > 0 {
                if cs[i] == b'(' {
                    depth += 1;
                } else if cs[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let raw = &cs[st_key..i - 1];
            let key = if bytes_mode { crate::vm::bytes_value(raw.to_vec()) } else { Value::str(String::from_utf8_lossy(raw).into_owned()) };
            st.cur = ops::getitem(vm, &d, &key)?;
            st.arglen = -1;
            st.argidx = -2;
        }
        // Flags.
        let (mut ljust, mut plus, mut blank, mut alt, mut zero) = (false, false, false, false, false);
        while i < cs.len() {
            match cs[i] {
                b'-' => ljust = true,
                b'+' => plus = true,
                b' ' => blank = true,
                b'#' => alt = true,
                b'0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < cs.len() && cs[i] == b'*' {
            let w = st.next(vm)?;
            let n = match crate::vm::types::int::as_int(&w) {
                Some(I::S(n)) => n,
                Some(I::B(_)) => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
                None => return Err(vm.type_error("* wants int")),
            };
            if n < 0 {
                ljust = true;
            }
            width = n.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < cs.len() && cs[i].is_ascii_digit() {
                width = width.checked_mul(10).and_then(|w| w.checked_add((cs[i] - b'0') as usize)).ok_or_else(|| vm.value_error("width too big"))?;
                i += 1;
            }
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < cs.len() && cs[i] == b'.' {
            i += 1;
            if i < cs.len() && cs[i] == b'*' {
                let p = st.next(vm)?;
                let n = match crate::vm::types::int::as_int(&p) {
                    Some(I::S(n)) => n,
                    Some(I::B(_)) => return Err(vm.overflow_error("Python int too large to convert to C int")),
                    None => return Err(vm.type_error("* wants int")),
                };
                prec = Some(check_precision(vm, n.max(0) as usize)?);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < cs.len() && cs[i].is_ascii_digit() {
                    p = p.checked_mul(10).and_then(|w| w.checked_add((cs[i] - b'0') as usize)).ok_or_else(|| vm.value_error("precision too big"))?;
                    i += 1;
                }
                prec = Some(check_precision(vm, p)?);
            }
        }
        vm.reserve(width)?;
        while i < cs.len() && matches!(cs[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= cs.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let ty_pos = i;
        let ty = if cs[i] < 0x80 || bytes_mode {
            cs[i] as char
        } else {
            std::str::from_utf8(&cs[i..]).ok().and_then(|t| t.chars().next()).or_else(|| String::from_utf8_lossy(&cs[i..]).chars().next()).unwrap_or('?')
        };
        i += if bytes_mode { 1 } else { ty.len_utf8() };
        let v = st.next(vm)?;
        // (sign, prefix-and-digits) for numbers, or plain text.
        let mut numeric: Option<(String, String)> = None;
        let text: Vec<u8> = match ty {
            's' | 'r' | 'a' | 'b' if bytes_mode => {
                let b = match ty {
                    's' | 'b' => match bytes_of(&v) {
                        Some(b) => b,
                        None => match ops::lookup_special(&v, "__bytes__") {
                            Some(f) => {
                                let r = vm.call(&f, vec![v.clone()])?;
                                bytes_of(&r).ok_or_else(|| vm.type_error(format!("__bytes__ returned non-bytes (type {})", ops::type_name(&r))))?
                            }
                            None => {
                                return Err(vm.type_error(format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                    ops::type_name(&v)
                                )))
                            }
                        },
                    },
                    _ => ascii_escape(&ops::repr(vm, &v)?).into_bytes(),
                };
                let b = match prec {
                    Some(p) if p < b.len() => &b[..p],
                    _ => &b[..],
                };
                b.to_vec()
            }
            's' | 'r' | 'a' => {
                let t = match ty {
                    's' => ops::str_(vm, &v)?,
                    'r' => ops::repr(vm, &v)?,
                    _ => ascii_escape(&ops::repr(vm, &v)?),
                };
                match prec {
                    Some(p) => match t.char_indices().nth(p) {
                        Some((b, _)) => t[..b].as_bytes().to_vec(),
                        None => t.into_bytes(),
                    },
                    None => t.into_bytes(),
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let iv: BigInt = match as_int(&v) {
                    Some(I::S(x)) => BigInt::from(x),
                    Some(I::B(b)) => b,
                    None => {
                        if !is_number_like(&v) {
                            return Err(vm.type_error(if matches!(ty, 'o' | 'x' | 'X') {
                                format!("%{} format: an integer is required, not {}", ty, ops::type_name(&v))
                            } else {
                                format!("%{} format: a real number is required, not {}", ty, ops::type_name(&v))
                            }));
                        }
                        let r = if matches!(ty, 'o' | 'x' | 'X') {
                            if ops::lookup_special(&v, "__index__").is_none() {
                                return Err(vm.type_error(format!("%{} format: an integer is required, not {}", ty, ops::type_name(&v))));
                            }
                            Value::Int(ops::to_index(vm, &v)?)
                        } else {
                            crate::vm::types::int::to_int(vm, &v)?
                        };
                        ops::to_bigint(&r).unwrap_or_default()
                    }
                };
                let a = iv.abs();
                let mut digits = match ty {
                    'o' => a.to_str_radix(8),
                    'x' => a.to_str_radix(16),
                    'X' => a.to_str_radix(16).to_uppercase(),
                    _ => a.to_string(),
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                }
                let prefix = match (alt, ty) {
                    (true, 'o') => "0o",
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    _ => "",
                };
                let sign = if iv.is_negative() {
                    "-"
                } else if plus {
                    "+"
                } else if blank {
                    " "
                } else {
                    ""
                };
                numeric = Some((format!("{}{}", sign, prefix), digits));
                Vec::new()
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match &v {
                    Value::Float(f) => *f,
                    _ => match v.payload() {
                        Some(Payload::Float(f)) => *f,
                        _ => {
                            if !is_number_like(&v) || matches!(v.payload(), Some(Payload::Complex(..))) {
                                return Err(vm.type_error(format!("must be real number, not {}", ops::type_name(&v))));
                            }
                            ops::to_f64(vm, &v)?
                        }
                    },
                };
                let body = double_to_string(f, ty, prec.unwrap_or(6), alt, false);
                let sign = if f.is_sign_negative() && !f.is_nan() {
                    "-"
                } else if plus {
                    "+"
                } else if blank {
                    " "
                } else {
                    ""
                };
                numeric = Some((sign.to_string(), body));
                Vec::new()
            }
            'c' => {
                if bytes_mode {
                    match bytes_of(&v) {
                        Some(b) if b.len() == 1 => b,
                        Some(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                        None => match as_int(&v) {
                            Some(I::S(n)) if (0..256).contains(&n) => vec![n as u8],
                            Some(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                            None => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                        },
                    }
                } else {
                    match v.as_pystr() {
                        Some(p) if p.nchars == 1 => p.s.as_bytes().to_vec(),
                        Some(_) => return Err(vm.type_error("%c requires int or char")),
                        None => match as_int(&v) {
                            Some(I::S(n)) if (0..0x110000).contains(&n) => char::from_u32(n as u32).unwrap_or('\u{fffd}').to_string().into_bytes(),
                            Some(_) => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                            None => return Err(vm.type_error("%c requires int or char")),
                        },
                    }
                }
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    if (' '..='~').contains(&other) { other } else { '?' },
                    other as u32,
                    if bytes_mode { ty_pos } else { String::from_utf8_lossy(&cs[..ty_pos]).chars().count() }
                )))
            }
        };
        match numeric {
            Some((sign, body)) => {
                let n = sign.len() + body.len();
                if width > n {
                    if ljust {
                        out.extend_from_slice(sign.as_bytes());
                        out.extend_from_slice(body.as_bytes());
                        out.extend(std::iter::repeat(b' ').take(width - n));
                    } else if zero {
                        out.extend_from_slice(sign.as_bytes());
                        out.extend(std::iter::repeat(b'0').take(width - n));
                        out.extend_from_slice(body.as_bytes());
                    } else {
                        out.extend(std::iter::repeat(b' ').take(width - n));
                        out.extend_from_slice(sign.as_bytes());
                        out.extend_from_slice(body.as_bytes());
                    }
                } else {
                    out.extend_from_slice(sign.as_bytes());
                    out.extend_from_slice(body.as_bytes());
                }
            }
            None => {
                let n = if bytes_mode || width == 0 { text.len() } else { String::from_utf8_lossy(&text).chars().count() };
                if width > n && !ljust {
                    out.extend(std::iter::repeat(b' ').take(width - n));
                }
                out.extend_from_slice(&text);
                if width > n && ljust {
                    out.extend(std::iter::repeat(b' ').take(width - n));
                }
            }
        }
    }
    if st.argidx < st.arglen && dict.is_none() {
        return Err(vm.type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

// Characters str.isprintable() rejects (generated from CPython's unicodedata, Unicode 14.0.0).
static NONPRINTABLE: &[(u32, u32)] = &[
    (0x0, 0x1f), (0x7f, 0xa0), (0xad, 0xad), (0x378, 0x379), (0x380, 0x383), (0x38b, 0x38b), (0x38d, 0x38d),
    (0x3a2, 0x3a2), (0x530, 0x530), (0x557, 0x558), (0x58b, 0x58c), (0x590, 0x590), (0x5c8, 0x5cf),
    (0x5eb, 0x5ee), (0x5f5, 0x605), (0x61c, 0x61c), (0x6dd, 0x6dd), (0x70e, 0x70f), (0x74b, 0x74c),
    (0x7b2, 0x7bf), (0x7fb, 0x7fc), (0x82e, 0x82f), (0x83f, 0x83f), (0x85c, 0x85d), (0x85f, 0x85f),
    (0x86b, 0x86f), (0x88f, 0x897), (0x8e2, 0x8e2), (0x984, 0x984), (0x98d, 0x98e), (0x991, 0x992),
    (0x9a9, 0x9a9), (0x9b1, 0x9b1), (0x9b3, 0x9b5), (0x9ba, 0x9bb), (0x9c5, 0x9c6), (0x9c9, 0x9ca),
    (0x9cf, 0x9d6), (0x9d8, 0x9db), (0x9de, 0x9de), (0x9e4, 0x9e5), (0x9ff, 0xa00), (0xa04, 0xa04),
    (0xa0b, 0xa0e), (0xa11, 0xa12), (0xa29, 0xa29), (0xa31, 0xa31), (0xa34, 0xa34), (0xa37, 0xa37),
    (0xa3a, 0xa3b), (0xa3d, 0xa3d), (0xa43, 0xa46), (0xa49, 0xa4a), (0xa4e, 0xa50), (0xa52, 0xa58),
    (0xa5d, 0xa5d), (0xa5f, 0xa65), (0xa77, 0xa80), (0xa84, 0xa84), (0xa8e, 0xa8e), (0xa92, 0xa92),
    (0xaa9, 0xaa9), (0xab1, 0xab1), (0xab4, 0xab4), (0xaba, 0xabb), (0xac6, 0xac6), (0xaca, 0xaca),
    (0xace, 0xacf), (0xad1, 0xadf), (0xae4, 0xae5), (0xaf2, 0xaf8), (0xb00, 0xb00), (0xb04, 0xb04),
    (0xb0d, 0xb0e), (0xb11, 0xb12), (0xb29, 0xb29), (0xb31, 0xb31), (0xb34, 0xb34), (0xb3a, 0xb3b),
    (0xb45, 0xb46), (0xb49, 0xb4a), (0xb4e, 0xb54), (0xb58, 0xb5b), (0xb5e, 0xb5e), (0xb64, 0xb65),
    (0xb78, 0xb81), (0xb84, 0xb84), (0xb8b, 0xb8d), (0xb91, 0xb91), (0xb96, 0xb98), (0xb9b, 0xb9b),
    (0xb9d, 0xb9d), (0xba0, 0xba2), (0xba5, 0xba7), (0xbab, 0xbad), (0xbba, 0xbbd), (0xbc3, 0xbc5),
    (0xbc9, 0xbc9), (0xbce, 0xbcf), (0xbd1, 0xbd6), (0xbd8, 0xbe5), (0xbfb, 0xbff), (0xc0d, 0xc0d),
    (0xc11, 0xc11), (0xc29, 0xc29), (0xc3a, 0xc3b), (0xc45, 0xc45), (0xc49, 0xc49), (0xc4e, 0xc54),
    (0xc57, 0xc57), (0xc5b, 0xc5c), (0xc5e, 0xc5f), (0xc64, 0xc65), (0xc70, 0xc76), (0xc8d, 0xc8d),
    (0xc91, 0xc91), (0xca9, 0xca9), (0xcb4, 0xcb4), (0xcba, 0xcbb), (0xcc5, 0xcc5), (0xcc9, 0xcc9),
    (0xcce, 0xcd4), (0xcd7, 0xcdc), (0xcdf, 0xcdf), (0xce4, 0xce5), (0xcf0, 0xcf0), (0xcf3, 0xcff),
    (0xd0d, 0xd0d), (0xd11, 0xd11), (0xd45, 0xd45), (0xd49, 0xd49), (0xd50, 0xd53), (0xd64, 0xd65),
    (0xd80, 0xd80), (0xd84, 0xd84), (0xd97, 0xd99), (0xdb2, 0xdb2), (0xdbc, 0xdbc), (0xdbe, 0xdbf),
    (0xdc7, 0xdc9), (0xdcb, 0xdce), (0xdd5, 0xdd5), (0xdd7, 0xdd7), (0xde0, 0xde5), (0xdf0, 0xdf1),
    (0xdf5, 0xe00), (0xe3b, 0xe3e), (0xe5c, 0xe80), (0xe83, 0xe83), (0xe85, 0xe85), (0xe8b, 0xe8b),
    (0xea4, 0xea4), (0xea6, 0xea6), (0xebe, 0xebf), (0xec5, 0xec5), (0xec7, 0xec7), (0xece, 0xecf),
    (0xeda, 0xedb), (0xee0, 0xeff), (0xf48, 0xf48), (0xf6d, 0xf70), (0xf98, 0xf98), (0xfbd, 0xfbd),
    (0xfcd, 0xfcd), (0xfdb, 0xfff), (0x10c6, 0x10c6), (0x10c8, 0x10cc), (0x10ce, 0x10cf), (0x1249, 0x1249),
    (0x124e, 0x124f), (0x1257, 0x1257), (0x1259, 0x1259), (0x125e, 0x125f), (0x1289, 0x1289),
    (0x128e, 0x128f), (0x12b1, 0x12b1), (0x12b6, 0x12b7), (0x12bf, 0x12bf), (0x12c1, 0x12c1),
    (0x12c6, 0x12c7), (0x12d7, 0x12d7), (0x1311, 0x1311), (0x1316, 0x1317), (0x135b, 0x135c),
    (0x137d, 0x137f), (0x139a, 0x139f), (0x13f6, 0x13f7), (0x13fe, 0x13ff), (0x1680, 0x1680),
    (0x169d, 0x169f), (0x16f9, 0x16ff), (0x1716, 0x171e), (0x1737, 0x173f), (0x1754, 0x175f),
    (0x176d, 0x176d), (0x1771, 0x1771), (0x1774, 0x177f), (0x17de, 0x17df), (0x17ea, 0x17ef),
    (0x17fa, 0x17ff), (0x180e, 0x180e), (0x181a, 0x181f), (0x1879, 0x187f), (0x18ab, 0x18af),
    (0x18f6, 0x18ff), (0x191f, 0x191f), (0x192c, 0x192f), (0x193c, 0x193f), (0x1941, 0x1943),
    (0x196e, 0x196f), (0x1975, 0x197f), (0x19ac, 0x19af), (0x19ca, 0x19cf), (0x19db, 0x19dd),
    (0x1a1c, 0x1a1d), (0x1a5f, 0x1a5f), (0x1a7d, 0x1a7e), (0x1a8a, 0x1a8f), (0x1a9a, 0x1a9f),
    (0x1aae, 0x1aaf), (0x1acf, 0x1aff), (0x1b4d, 0x1b4f), (0x1b7f, 0x1b7f), (0x1bf4, 0x1bfb),
    (0x1c38, 0x1c3a), (0x1c4a, 0x1c4c), (0x1c89, 0x1c8f), (0x1cbb, 0x1cbc), (0x1cc8, 0x1ccf),
    (0x1cfb, 0x1cff), (0x1f16, 0x1f17), (0x1f1e, 0x1f1f), (0x1f46, 0x1f47), (0x1f4e, 0x1f4f),
    (0x1f58, 0x1f58), (0x1f5a, 0x1f5a), (0x1f5c, 0x1f5c), (0x1f5e, 0x1f5e), (0x1f7e, 0x1f7f),
    (0x1fb5, 0x1fb5), (0x1fc5, 0x1fc5), (0x1fd4, 0x1fd5), (0x1fdc, 0x1fdc), (0x1ff0, 0x1ff1),
    (0x1ff5, 0x1ff5), (0x1fff, 0x200f), (0x2028, 0x202f), (0x205f, 0x206f), (0x2072, 0x2073),
    (0x208f, 0x208f), (0x209d, 0x209f), (0x20c1, 0x20cf), (0x20f1, 0x20ff), (0x218c, 0x218f),
    (0x2427, 0x243f), (0x244b, 0x245f), (0x2b74, 0x2b75), (0x2b96, 0x2b96), (0x2cf4, 0x2cf8),
    (0x2d26, 0x2d26), (0x2d28, 0x2d2c), (0x2d2e, 0x2d2f), (0x2d68, 0x2d6e), (0x2d71, 0x2d7e),
    (0x2d97, 0x2d9f), (0x2da7, 0x2da7), (0x2daf, 0x2daf), (0x2db7, 0x2db7), (0x2dbf, 0x2dbf),
    (0x2dc7, 0x2dc7), (0x2dcf, 0x2dcf), (0x2dd7, 0x2dd7), (0x2ddf, 0x2ddf), (0x2e5e, 0x2e7f),
    (0x2e9a, 0x2e9a), (0x2ef4, 0x2eff), (0x2fd6, 0x2fef), (0x2ffc, 0x3000), (0x3040, 0x3040),
    (0x3097, 0x3098), (0x3100, 0x3104), (0x3130, 0x3130), (0x318f, 0x318f), (0x31e4, 0x31ef),
    (0x321f, 0x321f), (0xa48d, 0xa48f), (0xa4c7, 0xa4cf), (0xa62c, 0xa63f), (0xa6f8, 0xa6ff),
    (0xa7cb, 0xa7cf), (0xa7d2, 0xa7d2), (0xa7d4, 0xa7d4), (0xa7da, 0xa7f1), (0xa82d, 0xa82f),
    (0xa83a, 0xa83f), (0xa878, 0xa87f), (0xa8c6, 0xa8cd), (0xa8da, 0xa8df), (0xa954, 0xa95e),
    (0xa97d, 0xa97f), (0xa9ce, 0xa9ce), (0xa9da, 0xa9dd), (0xa9ff, 0xa9ff), (0xaa37, 0xaa3f),
    (0xaa4e, 0xaa4f), (0xaa5a, 0xaa5b), (0xaac3, 0xaada), (0xaaf7, 0xab00), (0xab07, 0xab08),
    (0xab0f, 0xab10), (0xab17, 0xab1f), (0xab27, 0xab27), (0xab2f, 0xab2f), (0xab6c, 0xab6f),
    (0xabee, 0xabef), (0xabfa, 0xabff), (0xd7a4, 0xd7af), (0xd7c7, 0xd7ca), (0xd7fc, 0xd7ff),
    (0xe000, 0xf8ff), (0xfa6e, 0xfa6f), (0xfada, 0xfaff), (0xfb07, 0xfb12), (0xfb18, 0xfb1c),
    (0xfb37, 0xfb37), (0xfb3d, 0xfb3d), (0xfb3f, 0xfb3f), (0xfb42, 0xfb42), (0xfb45, 0xfb45),
    (0xfbc3, 0xfbd2), (0xfd90, 0xfd91), (0xfdc8, 0xfdce), (0xfdd0, 0xfdef), (0xfe1a, 0xfe1f),
    (0xfe53, 0xfe53), (0xfe67, 0xfe67), (0xfe6c, 0xfe6f), (0xfe75, 0xfe75), (0xfefd, 0xff00),
    (0xffbf, 0xffc1), (0xffc8, 0xffc9), (0xffd0, 0xffd1), (0xffd8, 0xffd9), (0xffdd, 0xffdf),
    (0xffe7, 0xffe7), (0xffef, 0xfffb), (0xfffe, 0xffff), (0x1000c, 0x1000c), (0x10027, 0x10027),
    (0x1003b, 0x1003b), (0x1003e, 0x1003e), (0x1004e, 0x1004f), (0x1005e, 0x1007f), (0x100fb, 0x100ff),
    (0x10103, 0x10106), (0x10134, 0x10136), (0x1018f, 0x1018f), (0x1019d, 0x1019f), (0x101a1, 0x101cf),
    (0x101fe, 0x1027f), (0x1029d, 0x1029f), (0x102d1, 0x102df), (0x102fc, 0x102ff), (0x10324, 0x1032c),
    (0x1034b, 0x1034f), (0x1037b, 0x1037f), (0x1039e, 0x1039e), (0x103c4, 0x103c7), (0x103d6, 0x103ff),
    (0x1049e, 0x1049f), (0x104aa, 0x104af), (0x104d4, 0x104d7), (0x104fc, 0x104ff), (0x10528, 0x1052f),
    (0x10564, 0x1056e), (0x1057b, 0x1057b), (0x1058b, 0x1058b), (0x10593, 0x10593), (0x10596, 0x10596),
    (0x105a2, 0x105a2), (0x105b2, 0x105b2), (0x105ba, 0x105ba), (0x105bd, 0x105ff), (0x10737, 0x1073f),
    (0x10756, 0x1075f), (0x10768, 0x1077f), (0x10786, 0x10786), (0x107b1, 0x107b1), (0x107bb, 0x107ff),
    (0x10806, 0x10807), (0x10809, 0x10809), (0x10836, 0x10836), (0x10839, 0x1083b), (0x1083d, 0x1083e),
    (0x10856, 0x10856), (0x1089f, 0x108a6), (0x108b0, 0x108df), (0x108f3, 0x108f3), (0x108f6, 0x108fa),
    (0x1091c, 0x1091e), (0x1093a, 0x1093e), (0x10940, 0x1097f), (0x109b8, 0x109bb), (0x109d0, 0x109d1),
    (0x10a04, 0x10a04), (0x10a07, 0x10a0b), (0x10a14, 0x10a14), (0x10a18, 0x10a18), (0x10a36, 0x10a37),
    (0x10a3b, 0x10a3e), (0x10a49, 0x10a4f), (0x10a59, 0x10a5f), (0x10aa0, 0x10abf), (0x10ae7, 0x10aea),
    (0x10af7, 0x10aff), (0x10b36, 0x10b38), (0x10b56, 0x10b57), (0x10b73, 0x10b77), (0x10b92, 0x10b98),
    (0x10b9d, 0x10ba8), (0x10bb0, 0x10bff), (0x10c49, 0x10c7f), (0x10cb3, 0x10cbf), (0x10cf3, 0x10cf9),
    (0x10d28, 0x10d2f), (0x10d3a, 0x10e5f), (0x10e7f, 0x10e7f), (0x10eaa, 0x10eaa), (0x10eae, 0x10eaf),
    (0x10eb2, 0x10eff), (0x10f28, 0x10f2f), (0x10f5a, 0x10f6f), (0x10f8a, 0x10faf), (0x10fcc, 0x10fdf),
    (0x10ff7, 0x10fff), (0x1104e, 0x11051), (0x11076, 0x1107e), (0x110bd, 0x110bd), (0x110c3, 0x110cf),
    (0x110e9, 0x110ef), (0x110fa, 0x110ff), (0x11135, 0x11135), (0x11148, 0x1114f), (0x11177, 0x1117f),
    (0x111e0, 0x111e0), (0x111f5, 0x111ff), (0x11212, 0x11212), (0x1123f, 0x1127f), (0x11287, 0x11287),
    (0x11289, 0x11289), (0x1128e, 0x1128e), (0x1129e, 0x1129e), (0x112aa, 0x112af), (0x112eb, 0x112ef),
    (0x112fa, 0x112ff), (0x11304, 0x11304), (0x1130d, 0x1130e), (0x11311, 0x11312), (0x11329, 0x11329),
    (0x11331, 0x11331), (0x11334, 0x11334), (0x1133a, 0x1133a), (0x11345, 0x11346), (0x11349, 0x1134a),
    (0x1134e, 0x1134f), (0x11351, 0x11356), (0x11358, 0x1135c), (0x11364, 0x11365), (0x1136d, 0x1136f),
    (0x11375, 0x113ff), (0x1145c, 0x1145c), (0x11462, 0x1147f), (0x114c8, 0x114cf), (0x114da, 0x1157f),
    (0x115b6, 0x115b7), (0x115de, 0x115ff), (0x11645, 0x1164f), (0x1165a, 0x1165f), (0x1166d, 0x1167f),
    (0x116ba, 0x116bf), (0x116ca, 0x116ff), (0x1171b, 0x1171c), (0x1172c, 0x1172f), (0x11747, 0x117ff),
    (0x1183c, 0x1189f), (0x118f3, 0x118fe), (0x11907, 0x11908), (0x1190a, 0x1190b), (0x11914, 0x11914),
    (0x11917, 0x11917), (0x11936, 0x11936), (0x11939, 0x1193a), (0x11947, 0x1194f), (0x1195a, 0x1199f),
    (0x119a8, 0x119a9), (0x119d8, 0x119d9), (0x119e5, 0x119ff), (0x11a48, 0x11a4f), (0x11aa3, 0x11aaf),
    (0x11af9, 0x11bff), (0x11c09, 0x11c09), (0x11c37, 0x11c37), (0x11c46, 0x11c4f), (0x11c6d, 0x11c6f),
    (0x11c90, 0x11c91), (0x11ca8, 0x11ca8), (0x11cb7, 0x11cff), (0x11d07, 0x11d07), (0x11d0a, 0x11d0a),
    (0x11d37, 0x11d39), (0x11d3b, 0x11d3b), (0x11d3e, 0x11d3e), (0x11d48, 0x11d4f), (0x11d5a, 0x11d5f),
    (0x11d66, 0x11d66), (0x11d69, 0x11d69), (0x11d8f, 0x11d8f), (0x11d92, 0x11d92), (0x11d99, 0x11d9f),
    (0x11daa, 0x11edf), (0x11ef9, 0x11faf), (0x11fb1, 0x11fbf), (0x11ff2, 0x11ffe), (0x1239a, 0x123ff),
    (0x1246f, 0x1246f), (0x12475, 0x1247f), (0x12544, 0x12f8f), (0x12ff3, 0x12fff), (0x1342f, 0x143ff),
    (0x14647, 0x167ff), (0x16a39, 0x16a3f), (0x16a5f, 0x16a5f), (0x16a6a, 0x16a6d), (0x16abf, 0x16abf),
    (0x16aca, 0x16acf), (0x16aee, 0x16aef), (0x16af6, 0x16aff), (0x16b46, 0x16b4f), (0x16b5a, 0x16b5a),
    (0x16b62, 0x16b62), (0x16b78, 0x16b7c), (0x16b90, 0x16e3f), (0x16e9b, 0x16eff), (0x16f4b, 0x16f4e),
    (0x16f88, 0x16f8e), (0x16fa0, 0x16fdf), (0x16fe5, 0x16fef), (0x16ff2, 0x16fff), (0x187f8, 0x187ff),
    (0x18cd6, 0x18cff), (0x18d09, 0x1afef), (0x1aff4, 0x1aff4), (0x1affc, 0x1affc), (0x1afff, 0x1afff),
    (0x1b123, 0x1b14f), (0x1b153, 0x1b163), (0x1b168, 0x1b16f), (0x1b2fc, 0x1bbff), (0x1bc6b, 0x1bc6f),
    (0x1bc7d, 0x1bc7f), (0x1bc89, 0x1bc8f), (0x1bc9a, 0x1bc9b), (0x1bca0, 0x1ceff), (0x1cf2e, 0x1cf2f),
    (0x1cf47, 0x1cf4f), (0x1cfc4, 0x1cfff), (0x1d0f6, 0x1d0ff), (0x1d127, 0x1d128), (0x1d173, 0x1d17a),
    (0x1d1eb, 0x1d1ff), (0x1d246, 0x1d2df), (0x1d2f4, 0x1d2ff), (0x1d357, 0x1d35f), (0x1d379, 0x1d3ff),
    (0x1d455, 0x1d455), (0x1d49d, 0x1d49d), (0x1d4a0, 0x1d4a1), (0x1d4a3, 0x1d4a4), (0x1d4a7, 0x1d4a8),
    (0x1d4ad, 0x1d4ad), (0x1d4ba, 0x1d4ba), (0x1d4bc, 0x1d4bc), (0x1d4c4, 0x1d4c4), (0x1d506, 0x1d506),
    (0x1d50b, 0x1d50c), (0x1d515, 0x1d515), (0x1d51d, 0x1d51d), (0x1d53a, 0x1d53a), (0x1d53f, 0x1d53f),
    (0x1d545, 0x1d545), (0x1d547, 0x1d549), (0x1d551, 0x1d551), (0x1d6a6, 0x1d6a7), (0x1d7cc, 0x1d7cd),
    (0x1da8c, 0x1da9a), (0x1daa0, 0x1daa0), (0x1dab0, 0x1deff), (0x1df1f, 0x1dfff), (0x1e007, 0x1e007),
    (0x1e019, 0x1e01a), (0x1e022, 0x1e022), (0x1e025, 0x1e025), (0x1e02b, 0x1e0ff), (0x1e12d, 0x1e12f),
    (0x1e13e, 0x1e13f), (0x1e14a, 0x1e14d), (0x1e150, 0x1e28f), (0x1e2af, 0x1e2bf), (0x1e2fa, 0x1e2fe),
    (0x1e300, 0x1e7df), (0x1e7e7, 0x1e7e7), (0x1e7ec, 0x1e7ec), (0x1e7ef, 0x1e7ef), (0x1e7ff, 0x1e7ff),
    (0x1e8c5, 0x1e8c6), (0x1e8d7, 0x1e8ff), (0x1e94c, 0x1e94f), (0x1e95a, 0x1e95d), (0x1e960, 0x1ec70),
    (0x1ecb5, 0x1ed00), (0x1ed3e, 0x1edff), (0x1ee04, 0x1ee04), (0x1ee20, 0x1ee20), (0x1ee23, 0x1ee23),
    (0x1ee25, 0x1ee26), (0x1ee28, 0x1ee28), (0x1ee33, 0x1ee33), (0x1ee38, 0x1ee38), (0x1ee3a, 0x1ee3a),
    (0x1ee3c, 0x1ee41), (0x1ee43, 0x1ee46), (0x1ee48, 0x1ee48), (0x1ee4a, 0x1ee4a), (0x1ee4c, 0x1ee4c),
    (0x1ee50, 0x1ee50), (0x1ee53, 0x1ee53), (0x1ee55, 0x1ee56), (0x1ee58, 0x1ee58), (0x1ee5a, 0x1ee5a),
    (0x1ee5c, 0x1ee5c), (0x1ee5e, 0x1ee5e), (0x1ee60, 0x1ee60), (0x1ee63, 0x1ee63), (0x1ee65, 0x1ee66),
    (0x1ee6b, 0x1ee6b), (0x1ee73, 0x1ee73), (0x1ee78, 0x1ee78), (0x1ee7d, 0x1ee7d), (0x1ee7f, 0x1ee7f),
    (0x1ee8a, 0x1ee8a), (0x1ee9c, 0x1eea0), (0x1eea4, 0x1eea4), (0x1eeaa, 0x1eeaa), (0x1eebc, 0x1eeef),
    (0x1eef2, 0x1efff), (0x1f02c, 0x1f02f), (0x1f094, 0x1f09f), (0x1f0af, 0x1f0b0), (0x1f0c0, 0x1f0c0),
    (0x1f0d0, 0x1f0d0), (0x1f0f6, 0x1f0ff), (0x1f1ae, 0x1f1e5), (0x1f203, 0x1f20f), (0x1f23c, 0x1f23f),
    (0x1f249, 0x1f24f), (0x1f252, 0x1f25f), (0x1f266, 0x1f2ff), (0x1f6d8, 0x1f6dc), (0x1f6ed, 0x1f6ef),
    (0x1f6fd, 0x1f6ff), (0x1f774, 0x1f77f), (0x1f7d9, 0x1f7df), (0x1f7ec, 0x1f7ef), (0x1f7f1, 0x1f7ff),
    (0x1f80c, 0x1f80f), (0x1f848, 0x1f84f), (0x1f85a, 0x1f85f), (0x1f888, 0x1f88f), (0x1f8ae, 0x1f8af),
    (0x1f8b2, 0x1f8ff), (0x1fa54, 0x1fa5f), (0x1fa6e, 0x1fa6f), (0x1fa75, 0x1fa77), (0x1fa7d, 0x1fa7f),
    (0x1fa87, 0x1fa8f), (0x1faad, 0x1faaf), (0x1fabb, 0x1fabf), (0x1fac6, 0x1facf), (0x1fada, 0x1fadf),
    (0x1fae8, 0x1faef), (0x1faf7, 0x1faff), (0x1fb93, 0x1fb93), (0x1fbcb, 0x1fbef), (0x1fbfa, 0x1ffff),
    (0x2a6e0, 0x2a6ff), (0x2b739, 0x2b73f), (0x2b81e, 0x2b81f), (0x2cea2, 0x2ceaf), (0x2ebe1, 0x2f7ff),
    (0x2fa1e, 0x2ffff), (0x3134b, 0xe00ff), (0xe01f0, 0x10ffff),
];
