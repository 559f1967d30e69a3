//! int and bool: small-int arithmetic with overflow into BigInt, int(),
//! and the int methods.

use super::{check_args, method, static_method, types};
use crate::vm::code::{BinOp, UnOp};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An int-like value as i64 or BigInt (bools count as ints).
pub enum I {
    S(i64),
    B(BigInt),
}

pub fn as_int(v: &Value) -> Option<I> {
    match v {
        Value::Int(i) => Some(I::S(*i)),
        Value::Bool(b) => Some(I::S(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(I::B(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

impl I {
    pub fn big(self) -> BigInt {
        match self {
            I::S(i) => BigInt::from(i),
            I::B(b) => b,
        }
    }
}

pub fn bigint_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

fn int_pow(vm: &mut Vm, a: BigInt, b: BigInt) -> PyResult {
    if b.is_negative() {
        let fa = bigint_to_f64(vm, &a)?;
        let fb = bigint_to_f64(vm, &b)?;
        if fa == 0.0 {
            return Err(vm.zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(fa.powf(fb)));
    }
    let Some(e) = b.to_u32() else {
        if a.is_zero() || a.is_one() {
            return Ok(Value::bigint(a));
        }
        if a == BigInt::from(-1) {
            return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
        }
        return Err(vm.err(&types().exc("MemoryError"), ""));
    };
    if let (Some(x), true) = (a.to_i64(), e < 64) {
        if let Some(r) = x.checked_pow(e) {
            return Ok(Value::Int(r));
        }
    }
    Ok(Value::bigint(num_traits::pow(a, e as usize)))
}

/// Native int arithmetic; None when an operand isn't an int.
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else { return Ok(None) };
    if let (I::S(x), I::S(y)) = (&x, &y) {
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(vm.zero_div("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| Value::Int(num_integer::Integer::div_floor(&x, &y)))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(vm.zero_div("integer modulo by zero"));
                }
                x.checked_rem(y).map(|_| Value::Int(x.mod_floor(&y)))
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(vm.zero_div("division by zero"));
                }
                if x.abs() < (1 << 53) && y.abs() < (1 << 53) {
                    Some(Value::Float(x as f64 / y as f64))
                } else {
                    None
                }
            }
            BinOp::And => Some(if let (Value::Bool(p), Value::Bool(q)) = (a, b) { Value::Bool(*p & *q) } else { Value::Int(x & y) }),
            BinOp::Or => Some(if let (Value::Bool(p), Value::Bool(q)) = (a, b) { Value::Bool(*p | *q) } else { Value::Int(x | y) }),
            BinOp::Xor => Some(if let (Value::Bool(p), Value::Bool(q)) = (a, b) { Value::Bool(*p ^ *q) } else { Value::Int(x ^ y) }),
            BinOp::LShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 63 && x.abs() < (1i64 << (62 - y)) {
                    Some(Value::Int(x << y))
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(Value::Int(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }))
            }
            BinOp::Pow => None,
            BinOp::MatMul => return Ok(None),
        };
        if let Some(r) = r {
            return Ok(Some(r));
        }
    }
    let (x, y) = (x.big(), y.big());
    Ok(Some(match op {
        BinOp::Add => Value::bigint(x + y),
        BinOp::Sub => Value::bigint(x - y),
        BinOp::Mul => Value::bigint(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_div("integer division or modulo by zero"));
            }
            Value::bigint(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_div("integer modulo by zero"));
            }
            Value::bigint(x.mod_floor(&y))
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_div("division by zero"));
            }
            Value::Float(big_truediv(vm, &x, &y)?)
        }
        BinOp::Pow => int_pow(vm, x, y)?,
        BinOp::And => Value::bigint(x & y),
        BinOp::Or => Value::bigint(x | y),
        BinOp::Xor => Value::bigint(x ^ y),
        BinOp::LShift => {
            let Some(s) = y.to_usize() else {
                if y.is_negative() {
                    return Err(vm.value_error("negative shift count"));
                }
                return Err(vm.overflow_error("too many digits in integer"));
            };
            // MemoryError up front, not an aborting allocation (1 << 2**62).
            if !x.is_zero() {
                vm.reserve(s / 8)?;
            }
            Value::bigint(x << s)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let s = y.to_usize().unwrap_or(usize::MAX);
            if s > 1 << 20 {
                Value::Int(if x.is_negative() { -1 } else { 0 })
            } else {
                Value::bigint(x.div_floor(&(BigInt::one() << s)))
            }
        }
        BinOp::MatMul => return Ok(None),
    }))
}

/// Correctly rounded int / int for big operands.
fn big_truediv(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.is_finite() && b.is_finite() && a.abs() < 9e15 && b.abs() < 9e15 {
            return Ok(a / b);
        }
    }
    // Scale so the quotient has 64+ significant bits, then convert.
    let neg = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    let shift = y.bits() as i64 - x.bits() as i64 + 66;
    let q = if shift >= 0 { (x << shift as usize) / &y } else { x / (y << (-shift) as usize) };
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
    if f.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(if neg { -f } else { f })
}

pub fn unary(vm: &mut Vm, op: UnOp, v: &Value) -> PyResult<Option<Value>> {
    let Some(x) = as_int(v) else { return Ok(None) };
    let _ = vm;
    Ok(Some(match (op, x) {
        (UnOp::Neg, I::S(i)) => i.checked_neg().map(Value::Int).unwrap_or_else(|| Value::bigint(-BigInt::from(i))),
        (UnOp::Neg, I::B(b)) => Value::bigint(-b),
        (UnOp::Pos, I::S(i)) => Value::Int(i),
        (UnOp::Pos, I::B(b)) => Value::bigint(b),
        (UnOp::Invert, I::S(i)) => Value::Int(!i),
        (UnOp::Invert, I::B(b)) => Value::bigint(-b - 1),
        (UnOp::Not, _) => return Ok(None),
    }))
}

/// Parse an int literal the way int(s, base) does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (digits, base) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (r.to_string(), 16)
            } else if let Some(r) = lower.strip_prefix("0o") {
                (r.to_string(), 8)
            } else if let Some(r) = lower.strip_prefix("0b") {
                (r.to_string(), 2)
            } else {
                if lower.len() > 1 && lower.starts_with('0') && lower.chars().any(|c| c != '0' && c != '_') {
                    return None;
                }
                (lower.clone(), 10)
            }
        }
        16 => (lower.strip_prefix("0x").unwrap_or(&lower).to_string(), 16),
        8 => (lower.strip_prefix("0o").unwrap_or(&lower).to_string(), 8),
        2 => (lower.strip_prefix("0b").unwrap_or(&lower).to_string(), 2),
        b => (lower.clone(), b),
    };
    // A single underscore may follow a base prefix (0x_1f), never lead a plain number.
    let digits = if base != 10 && lower.starts_with("0") { digits.strip_prefix('_').unwrap_or(&digits).to_string() } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        // Unicode decimal digits are accepted by CPython too.
        if base == 10 {
            let ascii: String = clean.chars().filter_map(|c| unicode_digit(c).map(|d| char::from(b'0' + d as u8))).collect();
            if ascii.len() == clean.chars().count() {
                let v = BigInt::parse_bytes(ascii.as_bytes(), 10)?;
                return Some(if neg { -v } else { v });
            }
        }
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

/// The value of a Unicode decimal digit (category Nd), for int() and float().
pub fn unicode_digit(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
        0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
        0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let n = c as u32;
    ZEROS.iter().find(|&&z| n >= z && n < z + 10).map(|z| n - z)
}

/// int(x) for any value.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(vm, *f),
        Value::None => Err(vm.type_error("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")),
        Value::Obj(o) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = ops::lookup_user_special(v, name) {
                    let r = vm.call(&f, vec![v.clone()])?;
                    return to_int(vm, &r);
                }
            }
            match &o.payload {
                Payload::Int(b) => Ok(Value::bigint(b.clone())),
                Payload::Float(f) => float_to_int(vm, *f),
                Payload::Str(s) => match parse_int(&s.s, 10) {
                    Some(b) => Ok(Value::bigint(b)),
                    None => Err(vm.value_error(format!("invalid literal for int() with base 10: {}", crate::vm::format::str_repr(&s.s)))),
                },
                Payload::Bytes(b) => {
                    let s = String::from_utf8_lossy(b).to_string();
                    match parse_int(&s, 10) {
                        Some(b) => Ok(Value::bigint(b)),
                        None => Err(vm.value_error(format!("invalid literal for int() with base 10: {}", super::bytes::bytes_repr(b.as_ref())))),
                    }
                }
                _ => Err(vm.type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    ops::type_name(v)
                ))),
            }
        }
    }
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        Ok(Value::Int(t as i64))
    } else {
        use num_traits::FromPrimitive;
        Ok(Value::bigint(BigInt::from_f64(t).unwrap_or_default()))
    }
}

fn int_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let base = args.take_kw("base").or_else(|| args.pos.get(1).cloned());
    let x = args.pos.first().cloned();
    let r = match (x, base) {
        (None, None) => Value::Int(0),
        (Some(x), None) => to_int(vm, &x)?,
        (x, Some(b)) => {
            let b = ops::to_index(vm, &b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(x) = x else { return Err(vm.type_error("int() missing string argument")) };
            let s = match x.payload() {
                Some(Payload::Str(s)) => s.s.to_string(),
                Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).to_string(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            match parse_int(&s, b as u32) {
                Some(v) => Value::bigint(v),
                None => {
                    return Err(vm.value_error(format!(
                        "invalid literal for int() with base {}: {}",
                        b,
                        crate::vm::format::str_repr(&s)
                    )))
                }
            }
        }
    };
    wrap_subclass(&cls, r)
}

/// Instances of int subclasses carry their class.
fn wrap_subclass(cls: &Value, r: Value) -> PyResult {
    let c = cls.obj().unwrap();
    if std::sync::Arc::ptr_eq(c, &types().int) {
        return Ok(r);
    }
    let b = as_int(&r).map(|i| i.big()).unwrap_or_default();
    Ok(Value::Obj(Obj::with_class(c.clone(), Payload::Int(b), Some(crate::vm::dict::Dict::new()))))
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(ops::truthy(vm, v)?)),
    }
}

fn int_self(args: &Args) -> BigInt {
    as_int(&args.pos[0]).map(|i| i.big()).unwrap_or_default()
}

fn bit_length(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(int_self(&args).bits() as i64))
}

fn bit_count(_vm: &mut Vm, args: Args) -> PyResult {
    let b = int_self(&args).abs();
    Ok(Value::Int(b.to_u64_digits().1.iter().map(|d| d.count_ones() as i64).sum()))
}

fn conjugate(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::bigint(int_self(&args)))
}

fn as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::tuple(vec![Value::bigint(int_self(&args)), Value::Int(1)]))
}

fn is_integer(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(true))
}

fn int_index(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::bigint(int_self(&args)))
}

fn to_bytes(vm: &mut Vm, mut args: Args) -> PyResult {
    let v = int_self(&args);
    let length = args.arg(1, "length").map(|l| ops::to_index(vm, &l)).transpose()?.unwrap_or(1);
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    vm.reserve(length)?;
    let order = args.arg(2, "byteorder").and_then(|o| o.as_str().map(|s| s.to_string())).unwrap_or_else(|| "big".into());
    let signed = args.take_kw("signed").map(|s| ops::truthy(vm, &s)).transpose()?.unwrap_or(false);
    if v.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { v.to_signed_bytes_be() } else { v.to_bytes_be().1 };
    if v.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if v.is_negative() { 0xff } else { 0 };
    let mut out = vec![pad; length - bytes.len()];
    out.extend(bytes);
    if order == "little" {
        out.reverse();
    }
    Ok(crate::vm::bytes_value(out))
}

fn from_bytes(vm: &mut Vm, mut args: Args) -> PyResult {
    let data = args.arg(1, "bytes").unwrap_or(Value::None);
    let order = args.arg(2, "byteorder").and_then(|o| o.as_str().map(|s| s.to_string())).unwrap_or_else(|| "big".into());
    let signed = args.take_kw("signed").map(|s| ops::truthy(vm, &s)).transpose()?.unwrap_or(false);
    let mut bytes: Vec<u8> = ops::iterate(vm, &data)?.iter().map(|b| match b {
        Value::Int(i) => *i as u8,
        _ => 0,
    }).collect();
    if order == "little" {
        bytes.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_be(&bytes) } else { BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes) };
    Ok(Value::bigint(v))
}

pub fn register() {
    let t = types();
    static_method(&t.int, "__new__", int_new);
    static_method(&t.bool, "__new__", bool_new);
    method(&t.int, "bit_length", bit_length);
    method(&t.int, "bit_count", bit_count);
    method(&t.int, "conjugate", conjugate);
    method(&t.int, "as_integer_ratio", as_integer_ratio);
    method(&t.int, "is_integer", is_integer);
    method(&t.int, "__index__", int_index);
    method(&t.int, "__int__", int_index);
    method(&t.int, "to_bytes", to_bytes);
    super::class_method(&t.int, "from_bytes", from_bytes);
    let _ = check_args;
}
