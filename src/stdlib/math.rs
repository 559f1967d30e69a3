//! The `math` module, with CPython's error messages for domain errors.

use super::{def, new_module, set};
use crate::vm::types::int::{as_int, float_to_int};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn f(vm: &mut Vm, args: &Args, i: usize) -> PyResult<f64> {
    match args.pos.get(i) {
        Some(v) => ops::to_f64(vm, v),
        None => Err(vm.type_error("math function missing argument")),
    }
}

fn domain(vm: &mut Vm) -> crate::vm::Flow {
    vm.value_error("math domain error")
}

macro_rules! unary {
    ($name:ident, $e:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult {
            let x = f(vm, &args, 0)?;
            let g: fn(f64) -> f64 = $e;
            let r = g(x);
            if r.is_nan() && !x.is_nan() {
                return Err(domain(vm));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("math range error"));
            }
            Ok(Value::Float(r))
        }
    };
}

unary!(sin, |x| x.sin());
unary!(cos, |x| x.cos());
unary!(tan, |x| x.tan());
unary!(asin, |x| x.asin());
unary!(acos, |x| x.acos());
unary!(atan, |x| x.atan());
unary!(sinh, |x| x.sinh());
unary!(cosh, |x| x.cosh());
unary!(tanh, |x| x.tanh());
unary!(exp, |x| x.exp());
unary!(expm1, |x| x.exp_m1());
unary!(log1p, |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() });
unary!(fabs, |x| x.abs());
unary!(cbrt, |x| if x == 0.0 || !x.is_finite() { x } else if x < 0.0 { -((-x).ln() / 3.0).exp() } else { (x.ln() / 3.0).exp() });
unary!(exp2, |x| x.exp2());
unary!(degrees, |x| x.to_degrees());
unary!(radians, |x| x.to_radians());

fn sqrt(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.sqrt()))
}

fn log(vm: &mut Vm, args: Args) -> PyResult {
    let lnx = |vm: &mut Vm, v: &Value| -> PyResult<f64> {
        if let Some(b) = ops::to_bigint(v) {
            if !b.is_positive() {
                return Err(domain(vm));
            }
            // Exact for huge ints: ln(b) = ln(mantissa) + shift*ln 2.
            let bits = b.bits();
            if bits > 1000 {
                let shift = bits - 64;
                let top = (&b >> shift).to_f64().unwrap_or(1.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = ops::to_f64(vm, v)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(x.ln())
    };
    let a = lnx(vm, &args.pos[0])?;
    match args.pos.get(1) {
        Some(b) => {
            let lb = lnx(vm, b)?;
            if lb == 0.0 {
                return Err(vm.zero_div("float division by zero"));
            }
            Ok(Value::Float(a / lb))
        }
        None => Ok(Value::Float(a)),
    }
}

fn log2(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log2()))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log10()))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = (f(vm, &args, 0)?, f(vm, &args, 1)?);
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Float(f(vm, &args, 0)?.atan2(f(vm, &args, 1)?)))
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = (f(vm, &args, 0)?, f(vm, &args, 1)?);
    if y == 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Float(f(vm, &args, 0)?.copysign(f(vm, &args, 1)?)))
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult {
    let mut s = 0.0f64;
    for i in 0..args.pos.len() {
        let x = f(vm, &args, i)?;
        s = s.hypot(x);
    }
    Ok(Value::Float(s))
}

fn rounding(vm: &mut Vm, args: Args, name: &str, g: fn(f64) -> f64) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    if let Some(i) = as_int(&v) {
        return Ok(Value::bigint(i.big()));
    }
    if let Some(m) = ops::lookup_user_special(&v, name) {
        return vm.call(&m, vec![v]);
    }
    let x = ops::to_f64(vm, &v)?;
    float_to_int(vm, g(x))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult {
    rounding(vm, args, "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, args: Args) -> PyResult {
    rounding(vm, args, "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, args: Args) -> PyResult {
    rounding(vm, args, "__trunc__", f64::trunc)
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize, fname: &str) -> PyResult<BigInt> {
    let v = args.pos.get(i).cloned().unwrap_or(Value::None);
    match ops::to_bigint(&v) {
        Some(b) => Ok(b),
        None => {
            if matches!(v, Value::Float(_)) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let _ = fname;
            Ok(BigInt::from(ops::to_index(vm, &v)?))
        }
    }
}

fn factorial(vm: &mut Vm, args: Args) -> PyResult {
    let n = int_arg(vm, &args, 0, "factorial")?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::bigint(r))
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult {
    let mut g = BigInt::zero();
    for i in 0..args.pos.len() {
        let x = int_arg(vm, &args, i, "gcd")?;
        g = num_integer::Integer::gcd(&g, &x);
    }
    Ok(Value::bigint(g))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult {
    let mut l = BigInt::one();
    for i in 0..args.pos.len() {
        let x = int_arg(vm, &args, i, "lcm")?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = num_integer::Integer::lcm(&l, &x);
    }
    Ok(Value::bigint(l))
}

fn isqrt(vm: &mut Vm, args: Args) -> PyResult {
    let n = int_arg(vm, &args, 0, "isqrt")?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult {
    let n = int_arg(vm, &args, 0, "comb")?;
    let k = int_arg(vm, &args, 1, "comb")?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(Value::bigint(r))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult {
    let n = int_arg(vm, &args, 0, "perm")?;
    let k = match args.pos.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, &args, 1, "perm")?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        r *= &n - i;
    }
    Ok(Value::bigint(r))
}

fn isclose(vm: &mut Vm, mut args: Args) -> PyResult {
    let rel = args.take_kw("rel_tol").map(|v| ops::to_f64(vm, &v)).transpose()?.unwrap_or(1e-9);
    let abs = args.take_kw("abs_tol").map(|v| ops::to_f64(vm, &v)).transpose()?.unwrap_or(0.0);
    let (a, b) = (f(vm, &args, 0)?, f(vm, &args, 1)?);
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(d <= (rel * b.abs()).max(rel * a.abs()) || d <= abs))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(f(vm, &args, 0)?.is_nan()))
}
fn isinf(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(f(vm, &args, 0)?.is_infinite()))
}
fn isfinite(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(f(vm, &args, 0)?.is_finite()))
}

fn prod(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    let items = ops::iterate(vm, &args.pos[0])?;
    let mut acc = start;
    for it in items {
        acc = ops::binary_op(vm, crate::vm::code::BinOp::Mul, &acc, &it)?;
    }
    Ok(acc)
}

/// Shewchuk's exact summation, as CPython's fsum.
fn fsum(vm: &mut Vm, args: Args) -> PyResult {
    let items = ops::iterate(vm, &args.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    for it in items {
        let mut x = ops::to_f64(vm, &it)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn modf(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    let mut e = e;
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    let e = ops::to_index(vm, &args.pos[1])?;
    Ok(Value::Float(x * 2f64.powi(e as i32)))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult {
    let p = ops::iterate(vm, &args.pos[0])?;
    let q = ops::iterate(vm, &args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut s = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        let d = ops::to_f64(vm, a)? - ops::to_f64(vm, b)?;
        s = s.hypot(d);
    }
    Ok(Value::Float(s))
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = (f(vm, &args, 0)?, f(vm, &args, 1)?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    let n = (x / y).round();
    let n = if ((x / y) - (x / y).trunc()).abs() == 0.5 { 2.0 * (x / y / 2.0).round() } else { n };
    Ok(Value::Float(x - n * y))
}

/// erf via the Abramowitz–Stegun-free series/continued fraction CPython uses.
fn erf_f(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    let r = if ax < 1.5 {
        // Taylor series
        let mut acc = 0.0;
        let mut fk = 0.0;
        let x2 = x * x;
        for i in (0..25).rev() {
            let _ = fk;
            fk = i as f64;
            acc = 2.0 + x2 * acc / (fk + 0.5);
        }
        let _ = ax;
        acc * x * (-x2).exp() / std::f64::consts::PI.sqrt()
    } else {
        let c = erfc_cf(ax);
        if x > 0.0 { 1.0 - c } else { c - 1.0 }
    };
    r
}

fn erfc_cf(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let mut a = 0.0;
    let mut da = 0.5;
    let mut p = 1.0;
    let mut p_last = 0.0;
    let mut q = da + x2;
    let mut q_last = 1.0;
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        let temp = p;
        p = b * p - a * p_last;
        p_last = temp;
        let temp = q;
        q = b * q - a * q_last;
        q_last = temp;
    }
    p / q * x * (-x2).exp() / std::f64::consts::PI.sqrt()
}

fn erf(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Float(erf_f(f(vm, &args, 0)?)))
}
fn erfc(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    Ok(Value::Float(if x.abs() < 1.5 { 1.0 - erf_f(x) } else if x > 0.0 { erfc_cf(x) } else { 2.0 - erfc_cf(-x) }))
}

/// Lanczos approximation; exact for small integers.
fn gamma_f(x: f64) -> f64 {
    if x.fract() == 0.0 && x > 0.0 && x < 171.0 {
        let mut r = 1.0;
        let mut i = 2.0;
        while i < x {
            r *= i;
            i += 1.0;
        }
        return r;
    }
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma_f(1.0 - x));
    }
    const G: f64 = 7.0;
    const C: [f64; 9] = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

fn gamma(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(domain(vm));
    }
    let r = gamma_f(x);
    if r.is_infinite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn lgamma(vm: &mut Vm, args: Args) -> PyResult {
    let x = f(vm, &args, 0)?;
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(domain(vm));
    }
    if x == 1.0 || x == 2.0 {
        return Ok(Value::Float(0.0));
    }
    Ok(Value::Float(gamma_f(x).abs().ln()))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("math");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("exp", exp),
        ("expm1", expm1),
        ("log1p", log1p),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("sqrt", sqrt),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("atan2", atan2),
        ("fmod", fmod),
        ("copysign", copysign),
        ("hypot", hypot),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("isclose", isclose),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("prod", prod),
        ("fsum", fsum),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("dist", dist),
        ("remainder", remainder),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
    ];
    for (n, g) in fns {
        def(&m, n, *g);
    }
    set(&m, "pi", Value::Float(std::f64::consts::PI));
    set(&m, "e", Value::Float(std::f64::consts::E));
    set(&m, "tau", Value::Float(std::f64::consts::TAU));
    set(&m, "inf", Value::Float(f64::INFINITY));
    set(&m, "nan", Value::Float(f64::NAN));
    m
}
