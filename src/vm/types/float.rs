//! float and complex: arithmetic with CPython's exact semantics (floor
//! division and modulo signs, error messages), float() and the float methods.

use super::{method, static_method, types};
use crate::vm::code::{BinOp, UnOp};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

/// A float view of an int or float operand when at least one side is a float.
fn float_pair(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<(f64, f64)>> {
    let is_f = |v: &Value| matches!(v, Value::Float(_)) || matches!(v.payload(), Some(Payload::Float(_)));
    let is_num = |v: &Value| ops::as_num(v).is_some();
    if !(is_f(a) || is_f(b)) || !is_num(a) || !is_num(b) {
        return Ok(None);
    }
    Ok(Some((ops::to_f64(vm, a)?, ops::to_f64(vm, b)?)))
}

/// CPython's float divmod.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_div("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // A negative base with a fractional exponent gives a complex result.
        let r = (-x).powf(y);
        let th = std::f64::consts::PI * y;
        return Ok(crate::vm::complex_value(r * th.cos(), r * th.sin()));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some((x, y)) = float_pair(vm, a, b)? else { return Ok(None) };
    Ok(Some(match op {
        BinOp::Add => Value::Float(x + y),
        BinOp::Sub => Value::Float(x - y),
        BinOp::Mul => Value::Float(x * y),
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_div("float division by zero"));
            }
            Value::Float(x / y)
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_div("float floor division by zero"));
            }
            Value::Float(float_divmod(x, y).0)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_div("float modulo"));
            }
            Value::Float(float_divmod(x, y).1)
        }
        BinOp::Pow => float_pow(vm, x, y)?,
        _ => return Ok(None),
    }))
}

pub fn unary(_vm: &mut Vm, op: UnOp, v: &Value) -> PyResult<Option<Value>> {
    let f = match v {
        Value::Float(f) => *f,
        _ => match v.payload() {
            Some(Payload::Float(f)) => *f,
            Some(Payload::Complex(re, im)) => {
                return Ok(match op {
                    UnOp::Neg => Some(crate::vm::complex_value(-re, -im)),
                    UnOp::Pos => Some(crate::vm::complex_value(*re, *im)),
                    _ => None,
                })
            }
            _ => return Ok(None),
        },
    };
    Ok(match op {
        UnOp::Neg => Some(Value::Float(-f)),
        UnOp::Pos => Some(Value::Float(f)),
        _ => None,
    })
}

fn as_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(Payload::Complex(a, b)) = v.payload() {
        return Ok(Some((*a, *b)));
    }
    if ops::as_num(v).is_some() {
        return Ok(Some((ops::to_f64(vm, v)?, 0.0)));
    }
    Ok(None)
}

pub fn complex_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some((a1, b1)), Some((a2, b2))) = (as_complex(vm, a)?, as_complex(vm, b)?) else { return Ok(None) };
    let c = |re: f64, im: f64| Some(crate::vm::complex_value(re, im));
    Ok(match op {
        BinOp::Add => c(a1 + a2, b1 + b2),
        BinOp::Sub => c(a1 - a2, b1 - b2),
        BinOp::Mul => c(a1 * a2 - b1 * b2, a1 * b2 + b1 * a2),
        BinOp::TrueDiv => {
            let d = a2 * a2 + b2 * b2;
            if d == 0.0 {
                return Err(vm.zero_div("complex division by zero"));
            }
            c((a1 * a2 + b1 * b2) / d, (b1 * a2 - a1 * b2) / d)
        }
        BinOp::Pow => {
            // Small integral exponents use repeated multiplication, like CPython.
            if b2 == 0.0 && a2.fract() == 0.0 && a2.abs() <= 100.0 {
                let n = a2 as i64;
                let (mut rr, mut ri) = (1.0f64, 0.0f64);
                let (mut br, mut bi) = (a1, b1);
                let mut k = n.unsigned_abs();
                while k > 0 {
                    if k & 1 == 1 {
                        let t = rr * br - ri * bi;
                        ri = rr * bi + ri * br;
                        rr = t;
                    }
                    let t = br * br - bi * bi;
                    bi = 2.0 * br * bi;
                    br = t;
                    k >>= 1;
                }
                if n < 0 {
                    let d = rr * rr + ri * ri;
                    if d == 0.0 {
                        return Err(vm.zero_div("0.0 to a negative or complex power"));
                    }
                    return Ok(c(rr / d, -ri / d));
                }
                return Ok(c(rr, ri));
            }
            if a1 == 0.0 && b1 == 0.0 {
                if b2 != 0.0 || a2 < 0.0 {
                    return Err(vm.zero_div("0.0 to a negative or complex power"));
                }
                return Ok(c(if a2 == 0.0 { 1.0 } else { 0.0 }, 0.0));
            }
            let r = (a1 * a1 + b1 * b1).sqrt();
            let th = b1.atan2(a1);
            let lr = r.ln();
            let nr = (a2 * lr - b2 * th).exp();
            let nth = b2 * lr + a2 * th;
            c(nr * nth.cos(), nr * nth.sin())
        }
        _ => None,
    })
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |f: f64| {
        let s = crate::vm::format::float_repr(f);
        s.strip_suffix(".0").map(|x| x.to_string()).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", fmt(im))
    } else {
        let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) { "-" } else { "+" };
        format!("({}{}{}j)", fmt(re), sign, fmt(im.abs()))
    }
}

/// Parse a float literal the way float(s) does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-' | '+')) {
        return None;
    }
    clean.parse::<f64>().ok().map(|f| sign * f)
}

pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v.payload() {
        Some(Payload::Str(s)) => parse_float(&s.s).ok_or_else(|| {
            vm.value_error(format!("could not convert string to float: {}", crate::vm::format::str_repr(&s.s)))
        }),
        _ => {
            if ops::as_num(v).is_some() || ops::lookup_user_special(v, "__float__").is_some() || ops::lookup_user_special(v, "__index__").is_some() {
                return ops::to_f64(vm, v);
            }
            Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", ops::type_name(v))))
        }
    }
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult {
    let f = match args.pos.get(1) {
        None => 0.0,
        Some(v) => to_float(vm, v)?,
    };
    let cls = args.pos[0].obj().unwrap();
    if std::sync::Arc::ptr_eq(cls, &types().float) {
        Ok(Value::Float(f))
    } else {
        Ok(Value::Obj(Obj::with_class(cls.clone(), Payload::Float(f), Some(crate::vm::dict::Dict::new()))))
    }
}

fn fself(vm: &mut Vm, args: &Args) -> PyResult<f64> {
    ops::to_f64(vm, &args.pos[0])
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult {
    let f = fself(vm, &args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let f = fself(vm, &args)?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let mut num = f;
    let mut den = num_bigint::BigInt::from(1);
    while num.fract() != 0.0 {
        num *= 2.0;
        den *= 2;
    }
    use num_traits::FromPrimitive;
    let n = num_bigint::BigInt::from_f64(num).unwrap_or_default();
    let g = num_integer::Integer::gcd(&n, &den);
    Ok(Value::tuple(vec![Value::bigint(&n / &g), Value::bigint(&den / &g)]))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Float(fself(vm, &args)?))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult {
    let f = fself(vm, &args)?;
    Ok(Value::str(hex_repr(f)))
}

/// float.hex(): [-]0x1.<13 hex digits>p<exp>, as CPython prints it.
pub fn hex_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, mant, if e < 0 { "-" } else { "+" }, e.abs())
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let s = args.pos.get(1).and_then(|v| v.as_str()).unwrap_or("").trim().to_ascii_lowercase();
    let bad = |vm: &mut Vm| vm.value_error("invalid hexadecimal floating-point string");
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
    };
    match rest.as_str() {
        "inf" | "infinity" => return Ok(Value::Float(if neg { f64::NEG_INFINITY } else { f64::INFINITY })),
        "nan" => return Ok(Value::Float(f64::NAN)),
        _ => {}
    }
    let body = rest.strip_prefix("0x").unwrap_or(&rest);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().map_err(|_| bad(vm))?),
        None => (body.to_string(), 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((&mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return Err(bad(vm));
    }
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0 + c.to_digit(16).ok_or_else(|| bad(vm))? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += c.to_digit(16).ok_or_else(|| bad(vm))? as f64 * scale;
        scale /= 16.0;
    }
    let r = v * 2f64.powi(exp);
    Ok(Value::Float(if neg { -r } else { r }))
}

/// Parse "1+2j", " 3-1j ", "j", "2.5" the way complex(str) does.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(t).trim();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts (a sign not after 'e').
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let imag_of = |p: &str| -> Option<f64> {
            match p {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => parse_float(p),
            }
        };
        return match split {
            Some(i) => Some((parse_float(&body[..i])?, imag_of(&body[i..])?)),
            None => Some((0.0, imag_of(body)?)),
        };
    }
    parse_float(t).map(|r| (r, 0.0))
}

fn complex_new(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(v) = args.pos.get(1) {
        if let Some(f) = ops::lookup_user_special(v, "__complex__") {
            return vm.call(&f, vec![v.clone()]);
        }
    }
    let re = match args.pos.get(1) {
        Some(v) => match v.payload() {
            Some(Payload::Complex(a, b)) => return Ok(crate::vm::complex_value(*a, *b)),
            Some(Payload::Str(s)) => {
                return match parse_complex(&s.s) {
                    Some((a, b)) => Ok(crate::vm::complex_value(a, b)),
                    None => Err(vm.value_error("complex() arg is a malformed string")),
                }
            }
            _ => ops::to_f64(vm, v)?,
        },
        None => 0.0,
    };
    let im = match args.pos.get(2) {
        Some(v) => ops::to_f64(vm, v)?,
        None => 0.0,
    };
    Ok(crate::vm::complex_value(re, im))
}

fn complex_conjugate(_vm: &mut Vm, args: Args) -> PyResult {
    let Some(Payload::Complex(a, b)) = args.pos[0].payload() else { unreachable!() };
    Ok(crate::vm::complex_value(*a, -*b))
}

fn complex_abs(_vm: &mut Vm, args: Args) -> PyResult {
    let Some(Payload::Complex(a, b)) = args.pos[0].payload() else { unreachable!() };
    Ok(Value::Float(a.hypot(*b)))
}

pub fn register() {
    let t = types();
    static_method(&t.float, "__new__", float_new);
    method(&t.float, "is_integer", is_integer);
    method(&t.float, "as_integer_ratio", as_integer_ratio);
    method(&t.float, "conjugate", conjugate);
    method(&t.float, "hex", float_hex);
    super::class_method(&t.float, "fromhex", fromhex);
    static_method(&t.complex, "__new__", complex_new);
    method(&t.complex, "conjugate", complex_conjugate);
    method(&t.complex, "__abs__", complex_abs);
}
