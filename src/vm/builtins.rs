//! The `builtins` module: print, len, iteration helpers, conversions,
//! introspection, and every builtin class and exception by name.

use crate::host::Stream;
use crate::vm::dict::Dict;
use crate::vm::eval::ns_dict;
use crate::vm::types::{self, iter::native, native_fn, types};
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, Flow, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

/// Write text to the run's stdout or stderr (or a file-like object).
pub fn write_to(vm: &mut Vm, file: Option<&Value>, text: &str) -> PyResult<()> {
    match file {
        None => {
            // print() honours a reassigned sys.stdout (e.g. redirect_stdout).
            let redirected = crate::stdlib::sys::current_stdout(vm).filter(|f| crate::stdlib::sys::stream_of(f).is_none());
            match redirected {
                Some(f) => {
                    ops::call_method(vm, &f, "write", vec![Value::str(text)])?;
                }
                None => vm.run.write_from(vm.out_lane(), Stream::Stdout, text),
            }
            Ok(())
        }
        Some(f) => {
            if let Some(stream) = crate::stdlib::sys::stream_of(f) {
                vm.run.write_from(vm.out_lane(), stream, text);
                return Ok(());
            }
            ops::call_method(vm, f, "write", vec![Value::str(text)])?;
            Ok(())
        }
    }
}

fn print(vm: &mut Vm, mut args: Args) -> PyResult {
    let sep = args.take_kw("sep").filter(|v| !v.is_none());
    let end = args.take_kw("end").filter(|v| !v.is_none());
    let file = args.take_kw("file").filter(|v| !v.is_none());
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(format!("'{}' is an invalid keyword argument for print()", k.as_str().unwrap_or(""))));
    }
    let sep = match &sep {
        Some(s) => s.as_str().map(|x| x.to_string()).ok_or_else(|| vm.type_error(format!("sep must be None or a string, not {}", ops::type_name(s))))?,
        None => " ".into(),
    };
    let end = match &end {
        Some(s) => s.as_str().map(|x| x.to_string()).ok_or_else(|| vm.type_error(format!("end must be None or a string, not {}", ops::type_name(s))))?,
        None => "\n".into(),
    };
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a.as_str() {
            Some(s) if a.obj().map(|o| o.cls.is_none()).unwrap_or(true) => out.push_str(s),
            _ => out.push_str(&ops::str_(vm, a)?),
        }
    }
    out.push_str(&end);
    write_to(vm, file.as_ref(), &out)?;
    if let Some(f) = flush {
        if ops::truthy(vm, &f)? {
            vm.run.host.flush();
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "len", &args, 1, 1)?;
    Ok(Value::Int(ops::len(vm, &args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "repr", &args, 1, 1)?;
    Ok(Value::str(ops::repr(vm, &args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult {
    let r = ops::repr(vm, &args.pos[0])?;
    Ok(Value::str(crate::vm::format::ascii_escape(&r)))
}

fn format(vm: &mut Vm, args: Args) -> PyResult {
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
    Ok(Value::str(ops::format(vm, &args.pos[0], &spec)?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(args.pos[0].id() as i64))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(ops::hash(vm, &args.pos[0])?))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "abs", &args, 1, 1)?;
    let v = &args.pos[0];
    match v {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::bigint(BigInt::from(*i).abs()))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(f) = ops::lookup_special(v, "__abs__") {
                return vm.call(&f, vec![v.clone()]);
            }
            match v.payload() {
                Some(Payload::Int(b)) => Ok(Value::bigint(b.abs())),
                Some(Payload::Float(f)) => Ok(Value::Float(f.abs())),
                _ => Err(vm.type_error(format!("bad operand type for abs(): '{}'", ops::type_name(v)))),
            }
        }
    }
}

/// Round half to even at `nd` decimal places, via correctly rounded formatting.
fn round_float(f: f64, nd: i64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return f;
    }
    if nd >= 0 {
        if nd > 300 {
            return f;
        }
        format!("{:.*}", nd as usize, f).parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-nd) as i32);
        if !p.is_finite() {
            return 0.0f64.copysign(f);
        }
        let q = f / p;
        let r = q.round();
        let r = if (q - q.trunc()).abs() == 0.5 { 2.0 * (q / 2.0).round() } else { r };
        r * p
    }
}

fn round(vm: &mut Vm, mut args: Args) -> PyResult {
    let x = args.arg(0, "number").ok_or_else(|| vm.type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = args.arg(1, "ndigits").filter(|v| !v.is_none());
    if let Some(f) = ops::lookup_user_special(&x, "__round__") {
        let mut a = vec![x.clone()];
        if let Some(n) = nd {
            a.push(n);
        }
        return vm.call(&f, a);
    }
    if let Some(i) = types::int::as_int(&x) {
        let b = i.big();
        let Some(n) = nd else { return Ok(Value::bigint(b)) };
        let n = ops::to_index(vm, &n)?;
        if n >= 0 {
            return Ok(Value::bigint(b));
        }
        let p = num_traits::pow(BigInt::from(10), (-n) as usize);
        let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
        return Ok(Value::bigint(q * p));
    }
    let f = match (&x, x.payload()) {
        (Value::Float(f), _) => *f,
        (_, Some(Payload::Float(f))) => *f,
        _ => return Err(vm.type_error(format!("type {} doesn't define __round__ method", ops::type_name(&x)))),
    };
    match nd {
        None => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            types::int::float_to_int(vm, r)
        }
        Some(n) => {
            let n = ops::to_index(vm, &n)?;
            Ok(Value::Float(round_float(f, n)))
        }
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "divmod", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let (Some(_), Some(_)) = (ops::as_num(a), ops::as_num(b)) {
        let is_float = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
        if is_float {
            let (x, y) = (ops::to_f64(vm, a)?, ops::to_f64(vm, b)?);
            if y == 0.0 {
                return Err(vm.zero_div("float divmod()"));
            }
            let (q, r) = types::float::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
        if ops::to_bigint(b).map(|x| x.is_zero()).unwrap_or(false) {
            return Err(vm.zero_div("integer division or modulo by zero"));
        }
    }
    if let Some(f) = ops::lookup_user_special(a, "__divmod__") {
        return vm.call(&f, vec![a.clone(), b.clone()]);
    }
    let q = ops::binary_op(vm, crate::vm::code::BinOp::FloorDiv, a, b)?;
    let r = ops::binary_op(vm, crate::vm::code::BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, mut args: Args) -> PyResult {
    let base = args.arg(0, "base").unwrap_or(Value::None);
    let exp = args.arg(1, "exp").unwrap_or(Value::None);
    let m = args.arg(2, "mod").filter(|v| !v.is_none());
    match m {
        None => ops::binary_op(vm, crate::vm::code::BinOp::Pow, &base, &exp),
        Some(m) => {
            let (Some(b), Some(e), Some(m)) = (ops::to_bigint(&base), ops::to_bigint(&exp), ops::to_bigint(&m)) else {
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            };
            if m.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let (b, e) = if e.is_negative() {
                // Modular inverse.
                let inv = mod_inverse(&b, &m).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
                (inv, -e)
            } else {
                (b, e)
            };
            let r = b.modpow(&e, &m.abs());
            let r = if m.is_negative() && !r.is_zero() { r + &m } else { r };
            let r = if !m.is_negative() && r.is_negative() { r + &m } else { r };
            Ok(Value::bigint(r))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = num_integer::Integer::extended_gcd(&num_integer::Integer::mod_floor(a, &m), &m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&g.x, &m))
}

fn minmax(vm: &mut Vm, mut args: Args, is_max: bool) -> PyResult {
    let name = if is_max { "max" } else { "min" };
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k.as_str().unwrap_or(""), name)));
    }
    let items = match args.pos.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => ops::iterate(vm, &args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!("Cannot specify a default for {}() with multiple positional arguments", name)));
            }
            args.pos.clone()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, vec![it.clone()])?,
            None => it.clone(),
        };
        let better = if is_max { ops::less_than(vm, &best_key, &k)? } else { ops::less_than(vm, &k, &best_key)? };
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn max(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, true)
}
fn min(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, false)
}

fn sum(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args.arg(1, "start").unwrap_or(Value::Int(0));
    if start.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let mut acc = start;
    // A list or tuple is summed from a snapshot; anything else streams, as
    // in CPython (a generator's items are never all held at once).
    let seq = &args.pos[0];
    if matches!(seq.payload(), Some(Payload::List(_) | Payload::Tuple(_))) && seq.obj().is_some_and(|o| o.cls.is_none()) {
        for x in ops::iterate(vm, seq)? {
            acc = sum_add(vm, acc, x)?;
        }
        return Ok(acc);
    }
    let it = ops::get_iter(vm, &args.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        acc = sum_add(vm, acc, x)?;
    }
    Ok(acc)
}

/// One step of `sum`: small ints and floats added here, the rest by `+`.
#[inline]
fn sum_add(vm: &mut Vm, acc: Value, x: Value) -> PyResult {
    match (&acc, &x) {
        (Value::Int(a), Value::Int(b)) => {
            if let Some(r) = a.checked_add(*b) {
                return Ok(Value::Int(r));
            }
        }
        (Value::Float(a), Value::Float(b)) => return Ok(Value::Float(a + b)),
        _ => {}
    }
    ops::binary_op(vm, crate::vm::code::BinOp::Add, &acc, &x)
}

fn any(vm: &mut Vm, args: Args) -> PyResult {
    let it = ops::get_iter(vm, &args.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::truthy(vm, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult {
    let it = ops::get_iter(vm, &args.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        if !ops::truthy(vm, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn class_list(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<Value>> {
    if let Some(t) = v.tuple_items() {
        let mut out = Vec::new();
        // Tuples of tuples of classes nest on the Rust stack.
        let what = if fname == "isinstance" { " in __instancecheck__" } else { " in __subclasscheck__" };
        for x in t.to_vec() {
            out.extend(ops::nested(vm, what, |vm| class_list(vm, &x, fname))?);
        }
        return Ok(out);
    }
    if matches!(v.payload(), Some(Payload::Class(_))) {
        return Ok(vec![v.clone()]);
    }
    Err(vm.type_error(format!("{}() arg 2 must be a type, a tuple of types, or a union", fname)))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "isinstance", &args, 2, 2)?;
    for c in class_list(vm, &args.pos[1], "isinstance")? {
        let co = c.obj().unwrap();
        let meta = ops::class_of(&c);
        if ops::is_heap_class(&meta) {
            if let Some(f) = ops::lookup_type(&meta, "__instancecheck__") {
                let r = vm.call(&f, vec![c.clone(), args.pos[0].clone()])?;
                if ops::truthy(vm, &r)? {
                    return Ok(Value::Bool(true));
                }
                continue;
            }
        }
        if ops::isinstance_cls(&args.pos[0], co) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "issubclass", &args, 2, 2)?;
    let Some(a) = args.pos[0].obj().filter(|o| matches!(o.payload, Payload::Class(_))) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    for c in class_list(vm, &args.pos[1], "issubclass")? {
        if ops::is_subclass(a, c.obj().unwrap()) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_str() {
        Some(s) => Ok(crate::vm::intern(s)),
        None => Err(vm.type_error(format!("attribute name must be string, not '{}'", ops::type_name(v)))),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return Err(vm.type_error(format!("getattr expected at least 2 arguments, got {}", args.pos.len())));
    }
    let name = attr_name(vm, &args.pos[1])?;
    match ops::getattr(vm, &args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && vm.is_exc(&e, "AttributeError") => Ok(args.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "setattr", &args, 3, 3)?;
    let name = attr_name(vm, &args.pos[1])?;
    ops::setattr(vm, &args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult {
    let name = attr_name(vm, &args.pos[1])?;
    ops::delattr(vm, &args.pos[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "hasattr", &args, 2, 2)?;
    let name = attr_name(vm, &args.pos[1])?;
    match ops::getattr(vm, &args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.is_exc(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn callable(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(ops::callable(&args.pos[0])))
}

fn chr(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "chr", &args, 1, 1)?;
    let i = ops::to_index(vm, &args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "ord", &args, 1, 1)?;
    let v = &args.pos[0];
    if let Some(s) = v.as_str() {
        let n = s.chars().count();
        if n != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", n)));
        }
        return Ok(Value::Int(s.chars().next().unwrap() as i64));
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", ops::type_name(v))))
}

fn radix(vm: &mut Vm, args: &Args, r: u32, prefix: &str) -> PyResult {
    let v = &args.pos[0];
    let b = match ops::to_bigint(v) {
        Some(b) => b,
        None => BigInt::from(ops::to_index(vm, v)?),
    };
    let s = b.abs().to_str_radix(r);
    Ok(Value::str(if b.is_negative() { format!("-{}{}", prefix, s) } else { format!("{}{}", prefix, s) }))
}
fn hex(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, 16, "0x")
}
fn bin(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, 2, "0b")
}
fn oct(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, 8, "0o")
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.len() {
        1 => ops::get_iter(vm, &args.pos[0]),
        2 => Ok(ops::new_iter(IterState::Callable { func: args.pos[0].clone(), sentinel: args.pos[1].clone(), done: false })),
        n => Err(vm.type_error(format!("iter expected at most 2 arguments, got {}", n))),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let it = &args.pos[0];
    let is_iter = matches!(it.payload(), Some(Payload::Iterator(_) | Payload::Generator(_))) || ops::lookup_special(it, "__next__").is_some();
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", ops::type_name(it))));
    }
    // Generators: surface the return value in StopIteration.
    if let Some(g) = types::generator::as_plain_generator(it) {
        return match types::generator::gen_send(vm, &g, Value::None)? {
            types::generator::GenResult::Yielded(v) => Ok(v),
            types::generator::GenResult::Returned(v) => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
        };
    }
    if let Some(Payload::Iterator(_)) = it.payload() {
        return match ops::next(vm, it)? {
            Some(v) => Ok(v),
            None => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(Value::None)),
            },
        };
    }
    let f = ops::lookup_special(it, "__next__").unwrap();
    match vm.call(&f, vec![it.clone()]) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() > 1 && vm.is_exc(&e, "StopIteration") => Ok(args.pos[1].clone()),
        Err(e) => Err(e),
    }
}

struct Enumerate {
    it: Value,
    n: BigInt,
}
impl NativeIter for Enumerate {
    fn type_name(&self) -> &'static str {
        "enumerate"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match ops::next(vm, &self.it)? {
            Some(v) => {
                let i = Value::bigint(self.n.clone());
                self.n += 1;
                Ok(Some(Value::tuple(vec![i, v])))
            }
            None => Ok(None),
        }
    }
}

fn enumerate(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args.arg(1, "start").map(|s| ops::to_bigint(&s).unwrap_or_default()).unwrap_or_default();
    let src = args.arg(0, "iterable").ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let it = ops::get_iter(vm, &src)?;
    Ok(native(Enumerate { it, n: start }))
}

struct Zip {
    its: Vec<Value>,
    strict: bool,
}
impl NativeIter for Zip {
    fn type_name(&self) -> &'static str {
        "zip"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.clone().iter().enumerate() {
            match ops::next(vm, it)? {
                Some(v) => out.push(v),
                None => {
                    if self.strict {
                        if i > 0 {
                            return Err(vm.value_error(format!("zip() argument {} is shorter than argument{} 1{}", i + 1, if i > 1 { "s" } else { "" }, if i > 1 { format!("-{}", i) } else { String::new() })));
                        }
                        for (j, other) in self.its.clone().iter().enumerate().skip(1) {
                            if ops::next(vm, other)?.is_some() {
                                return Err(vm.value_error(format!("zip() argument {} is longer than argument{} 1{}", j + 1, if j > 1 { "s" } else { "" }, if j > 1 { format!("-{}", j) } else { String::new() })));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
}

fn zip(vm: &mut Vm, mut args: Args) -> PyResult {
    let strict = match args.take_kw("strict") {
        Some(s) => ops::truthy(vm, &s)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, a) in args.pos.iter().enumerate() {
        its.push(ops::get_iter(vm, a).map_err(|_| vm.type_error(format!("zip argument #{} must support iteration", i + 1)))?);
    }
    Ok(native(Zip { its, strict }))
}

struct Map {
    f: Value,
    its: Vec<Value>,
}
impl NativeIter for Map {
    fn type_name(&self) -> &'static str {
        "map"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut a = Vec::with_capacity(self.its.len());
        for it in self.its.clone() {
            match ops::next(vm, &it)? {
                Some(v) => a.push(v),
                None => return Ok(None),
            }
        }
        vm.call(&self.f, a).map(Some)
    }
}

fn map(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args.pos[1..] {
        its.push(ops::get_iter(vm, a)?);
    }
    Ok(native(Map { f: args.pos[0].clone(), its }))
}

struct Filter {
    f: Value,
    it: Value,
}
impl NativeIter for Filter {
    fn type_name(&self) -> &'static str {
        "filter"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while let Some(v) = ops::next(vm, &self.it)? {
            let keep = if self.f.is_none() { ops::truthy(vm, &v)? } else {
                let r = vm.call(&self.f, vec![v.clone()])?;
                ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

fn filter(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "filter", &args, 2, 2)?;
    let it = ops::get_iter(vm, &args.pos[1])?;
    Ok(native(Filter { f: args.pos[0].clone(), it }))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "reversed", &args, 1, 1)?;
    let v = &args.pos[0];
    if let Some(f) = ops::lookup_special(v, "__reversed__") {
        return vm.call(&f, vec![v.clone()]);
    }
    let items = match v.payload() {
        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_)) => ops::iterate(vm, v)?,
        _ => {
            if ops::lookup_special(v, "__getitem__").is_some() && ops::lookup_special(v, "__len__").is_some() {
                let n = ops::len(vm, v)?;
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    out.push(ops::getitem(vm, v, &Value::Int(i as i64))?);
                }
                out
            } else {
                return Err(vm.type_error(format!("'{}' object is not reversible", ops::type_name(v))));
            }
        }
    };
    let mut items = items;
    items.reverse();
    Ok(ops::new_iter(IterState::Seq { seq: Value::list(items), idx: 0 }))
}

fn sorted(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.pos.len())));
    }
    let items = ops::iterate(vm, &args.pos[0])?;
    let l = Value::list(items);
    let sort = ops::getattr(vm, &l, &crate::vm::intern("sort"))?;
    let kw = std::mem::take(&mut args.kw);
    vm.call_args(&sort, Args { pos: vec![], kw })?;
    Ok(l)
}

fn input(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(p) = args.pos.first() {
        let s = ops::str_(vm, p)?;
        vm.run.write(Stream::Stdout, &s);
    }
    vm.run.host.flush();
    match vm.run.read_line() {
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(line))
        }
        None => Err(vm.err(&types().exc("EOFError"), "EOF when reading a line")),
    }
}

fn vars(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.first() {
        None => locals(vm, args),
        Some(v) => ops::getattr(vm, v, &crate::vm::intern("__dict__"))
            .map_err(|_| vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.first() {
        None => {
            let f = vm.frames.last().unwrap();
            let mut names: Vec<String> = match &f.ns {
                Some(ns) => ns_dict(ns).keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect(),
                None if f.code.flags.uses_namespace => ns_dict(&f.globals).keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect(),
                None => f.code.varnames.iter().enumerate().filter(|(i, _)| f.fast[*i].is_some()).map(|(_, n)| n.clone()).collect(),
            };
            names.sort();
            Ok(Value::list(names.into_iter().map(Value::str).collect()))
        }
        Some(v) => {
            if let Some(Payload::Module(m)) = v.payload() {
                let mut names: Vec<String> = ns_dict(&m.dict).keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect();
                names.sort();
                return Ok(Value::list(names.into_iter().map(Value::str).collect()));
            }
            if let Some(Payload::Class(c)) = v.payload() {
                let mut names: Vec<String> = c.dict.keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect();
                for m in &c.mro {
                    names.extend(types::class_dict(m).keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())));
                }
                names.sort();
                names.dedup();
                return Ok(Value::list(names.into_iter().map(Value::str).collect()));
            }
            let f = ops::lookup_special(v, "__dir__").unwrap();
            let r = vm.call(&f, vec![v.clone()])?;
            let mut items = ops::iterate(vm, &r)?;
            types::list::sort_values(vm, &mut items, None, false)?;
            Ok(Value::list(items))
        }
    }
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult {
    // The caller is the innermost Python frame.
    Ok(Value::Obj(vm.frames.last().unwrap().globals.clone()))
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult {
    let f = vm.frames.last().unwrap();
    if let Some(ns) = &f.ns {
        return Ok(Value::Obj(ns.clone()));
    }
    if f.code.flags.uses_namespace {
        return Ok(Value::Obj(f.globals.clone()));
    }
    let d = Dict::new();
    for (i, n) in f.code.varnames.iter().enumerate() {
        if let Some(v) = &f.fast[i] {
            d.set_str(n, v.clone());
        }
    }
    Ok(Value::Obj(Obj::new(Payload::Dict(d))))
}

fn exit(vm: &mut Vm, args: Args) -> PyResult {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    let e = exc::new_exception(&types().exc("SystemExit"), if code.is_none() { vec![] } else { vec![code] });
    let _ = vm;
    Err(Flow::Exc(e))
}

/// The builtins namespace (a dict object).
pub fn make_builtins() -> ObjRef {
    let t = types();
    let d = Dict::new();
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format),
        ("id", id),
        ("hash", hash),
        ("abs", abs),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("max", max),
        ("min", min),
        ("sum", sum),
        ("any", any),
        ("all", all),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("iter", iter),
        ("next", next),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("reversed", reversed),
        ("sorted", sorted),
        ("input", input),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("exit", exit),
        ("quit", exit),
    ];
    for (n, f) in fns {
        d.set_str(n, native_fn(n, *f));
    }
    let classes: &[(&str, &ObjRef)] = &[
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ];
    for (n, c) in classes {
        d.set_str(n, Value::Obj((*c).clone()));
    }
    for (n, c) in &t.exceptions {
        d.set_str(n, Value::Obj(c.clone()));
    }
    d.set_str("EnvironmentError", Value::Obj(t.exc("OSError")));
    d.set_str("IOError", Value::Obj(t.exc("OSError")));
    d.set_str("NotImplemented", t.not_implemented.clone());
    d.set_str("Ellipsis", t.ellipsis.clone());
    d.set_str("None", Value::None);
    d.set_str("True", Value::Bool(true));
    d.set_str("False", Value::Bool(false));
    d.set_str("__build_class__", t.build_class.clone());
    d.set_str("__name__", Value::str("builtins"));
    d.set_str("__debug__", Value::Bool(true));
    Obj::new(Payload::Dict(d))
}
