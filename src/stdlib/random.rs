//! The `random` module: an exact port of CPython's MT19937 generator and of the
//! Python-level algorithms in Lib/random.py (randbelow, shuffle, sample, choices...),
//! so seeded programs print the same numbers as CPython 3.12.

use super::{new_module, set};
use crate::vm::dict::Dict;
use crate::vm::types::{self, class_dict, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::sync::{Mutex, OnceLock};

/// A class defined like a Python class (heap class): its native methods are
/// found by the VM's special-method dispatch (repr, ==, +, len, iter...).
pub fn heap_class(name: &str, module: &str, bases: Vec<ObjRef>, kind: BaseKind) -> ObjRef {
    let bases = if bases.is_empty() { vec![types().object.clone()] } else { bases };
    let mro = crate::vm::types::object::c3_mro(&bases).unwrap_or_default();
    let dict = Dict::new();
    dict.set_str("__module__", Value::str(module));
    Obj::new(Payload::Class(Box::new(ClassData {
        name: Mutex::new(name.to_string()),
        qualname: Mutex::new(name.to_string()),
        bases,
        mro,
        dict,
        builtin: false,
        base_kind: kind,
        meta: None,
        flags: std::sync::atomic::AtomicU32::new(0),
        descr_bloom: std::sync::atomic::AtomicU64::new(0),
        ctor: std::sync::OnceLock::new(),
    })))
}

const N: usize = 624;
const M: usize = 397;

#[derive(Clone)]
pub struct Mt {
    mt: [u32; N],
    idx: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt { mt: [0; N], idx: N + 1, gauss_next: None };
        m.init_genrand(5489);
        m
    }
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.idx = N;
    }
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len();
        let mut k = N.max(klen);
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
        self.gauss_next = None;
    }
    fn seed_big(&mut self, n: &BigUint) {
        let mut key = n.to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }
    fn genrand(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908b0df];
        if self.idx >= N {
            let mt = &mut self.mt;
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            self.idx = 0;
        }
        let mut y = self.mt[self.idx];
        self.idx += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }
    fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
    fn bits_u64(&mut self, k: u64) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k)) as u64;
        lo | (hi << 32)
    }
    fn bits_big(&mut self, k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.bits_u64(k));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k as i64;
        for _ in 0..words {
            let mut r = self.genrand();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        BigUint::from_slice(&out)
    }
    fn below_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros() as u64;
        let mut r = self.bits_u64(k);
        while r >= n {
            r = self.bits_u64(k);
        }
        r
    }
    fn below_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(s) = n.to_u64() {
            return BigUint::from(self.below_u64(s));
        }
        let k = n.bits();
        let mut r = self.bits_big(k);
        while &r >= n {
            r = self.bits_big(k);
        }
        r
    }
}

pub struct RandomState(pub Mutex<Mt>);

fn random_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = heap_class("Random", "random", vec![], BaseKind::Other);
        types::static_method(&c, "__new__", r_new);
        types::method(&c, "__init__", r_init);
        types::method(&c, "seed", r_seed);
        types::method(&c, "random", r_random);
        types::method(&c, "getrandbits", r_getrandbits);
        types::method(&c, "randbytes", r_randbytes);
        types::method(&c, "randrange", r_randrange);
        types::method(&c, "randint", r_randint);
        types::method(&c, "choice", r_choice);
        types::method(&c, "choices", r_choices);
        types::method(&c, "shuffle", r_shuffle);
        types::method(&c, "sample", r_sample);
        types::method(&c, "uniform", r_uniform);
        types::method(&c, "triangular", r_triangular);
        types::method(&c, "gauss", r_gauss);
        types::method(&c, "normalvariate", r_normalvariate);
        types::method(&c, "expovariate", r_expovariate);
        types::method(&c, "getstate", r_getstate);
        types::method(&c, "setstate", r_setstate);
        c
    })
}

fn st<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Mutex<Mt>> {
    match v.payload() {
        Some(Payload::Native(n)) => match n.downcast_ref::<RandomState>() {
            Some(s) => Ok(&s.0),
            None => Err(vm.type_error("descriptor requires a 'random.Random' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'random.Random' object")),
    }
}

fn r_new(_vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].obj().cloned().unwrap_or_else(|| random_class().clone());
    Ok(Value::Obj(Obj::with_class(cls, Payload::Native(Box::new(RandomState(Mutex::new(Mt::new())))), Some(Dict::new()))))
}

fn r_init(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos.get(1).cloned().unwrap_or(Value::None);
    do_seed(vm, &args.pos[0], &a)?;
    Ok(Value::None)
}

// ----- SHA-512 (for str/bytes seeds, as CPython's version-2 seeding) -----

fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
        0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
        0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(128) {
        let mut w = [0u64; 80];
        for i in 0..16 {
            w[i] = u64::from_be_bytes(chunk[i * 8..i * 8 + 8].try_into().unwrap());
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 64];
    for i in 0..8 {
        out[i * 8..i * 8 + 8].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

fn do_seed(vm: &mut Vm, this: &Value, a: &Value) -> PyResult<()> {
    let n: BigUint = match a {
        Value::None => {
            let t = vm.run.host.wall_time();
            let ns = (t * 1e9) as u128 ^ ((this.id() as u128) << 64);
            BigUint::from(ns)
        }
        Value::Float(f) => BigUint::from(ops::hash_f64(*f).unsigned_abs()),
        _ => {
            if let Some(b) = ops::to_bigint(a) {
                b.magnitude().clone()
            } else if let Some(s) = a.as_str() {
                let mut bytes = s.as_bytes().to_vec();
                bytes.extend_from_slice(&sha512(s.as_bytes()));
                BigUint::from_bytes_be(&bytes)
            } else if let Some(Payload::Bytes(_) | Payload::ByteArray(_)) = a.payload() {
                let data = crate::vm::types::bytes::data(a);
                let mut bytes = data.clone();
                bytes.extend_from_slice(&sha512(&data));
                BigUint::from_bytes_be(&bytes)
            } else {
                return Err(vm.type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ));
            }
        }
    };
    let s = st(vm, this)?;
    lock(s).seed_big(&n);
    Ok(())
}

fn r_seed(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args.arg(1, "a").unwrap_or(Value::None);
    do_seed(vm, &args.pos[0], &a)?;
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, args: Args) -> PyResult {
    let s = st(vm, &args.pos[0])?;
    Ok(Value::Float(lock(s).random()))
}

fn rnd(vm: &Vm, this: &Value) -> PyResult<f64> {
    Ok(lock(st(vm, this)?).random())
}

fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = ops::to_bigint(v) {
        return Ok(b);
    }
    Ok(BigInt::from(ops::to_index(vm, v)?))
}

/// randrange's argument conversion (3.12: integral floats are still accepted).
fn rr_index(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    match index_big(vm, v) {
        Ok(b) => Ok(b),
        Err(e) => {
            if let Value::Float(f) = v {
                if f.is_finite() && f.fract() == 0.0 {
                    return Ok(num_traits::FromPrimitive::from_f64(*f).unwrap_or_default());
                }
                if f.is_finite() {
                    return Err(vm.value_error(format!("non-integer {} for randrange()", what)));
                }
            }
            Err(e)
        }
    }
}

fn r_getrandbits(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "getrandbits", &args, 2, 2)?;
    let k = ops::to_index(vm, &args.pos[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let s = st(vm, &args.pos[0])?;
    let r = lock(s).bits_big(k as u64);
    Ok(Value::bigint(BigInt::from(r)))
}

fn r_randbytes(vm: &mut Vm, args: Args) -> PyResult {
    let n = ops::to_index(vm, &args.pos[1])?;
    if n < 0 {
        return Err(vm.value_error("number of bytes must be non-negative"));
    }
    let s = st(vm, &args.pos[0])?;
    let r = lock(s).bits_big(n as u64 * 8);
    let mut b = r.to_bytes_le();
    b.resize(n as usize, 0);
    Ok(crate::vm::bytes_value(b))
}

fn below(vm: &Vm, this: &Value, n: &BigInt) -> PyResult<BigInt> {
    let s = st(vm, this)?;
    let r = lock(s).below_big(n.magnitude());
    Ok(BigInt::from(r))
}

fn below_usize(vm: &Vm, this: &Value, n: usize) -> PyResult<usize> {
    let s = st(vm, this)?;
    let r = lock(s).below_u64(n as u64);
    Ok(r as usize)
}

fn randrange(vm: &mut Vm, this: &Value, start: &Value, stop: &Value, step: Option<&Value>) -> PyResult {
    let istart = rr_index(vm, start, "arg 1")?;
    if stop.is_none() {
        if step.is_some() {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(Value::bigint(below(vm, this, &istart)?));
        }
        return Err(vm.value_error("empty range for randrange()"));
    }
    let istop = rr_index(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => rr_index(vm, s, "step")?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            return Ok(Value::bigint(istart + below(vm, this, &width)?));
        }
        return Err(vm.value_error(format!("empty range for randrange() ({}, {}, {})", istart, istop, width)));
    }
    use num_integer::Integer;
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::one()).div_floor(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::one()).div_floor(&istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    Ok(Value::bigint(istart + istep * below(vm, this, &n)?))
}

fn r_randrange(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let start = match args.arg(1, "start") {
        Some(v) => v,
        None => return Err(vm.type_error("Random.randrange() missing 1 required positional argument: 'start'")),
    };
    let stop = args.arg(2, "stop").unwrap_or(Value::None);
    let step = args.arg(3, "step");
    randrange(vm, &this, &start, &stop, step.as_ref())
}

fn r_randint(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let (Some(a), Some(b)) = (args.arg(1, "a"), args.arg(2, "b")) else {
        return Err(vm.type_error("Random.randint() missing 1 required positional argument: 'b'"));
    };
    let b1 = ops::binary_op(vm, crate::vm::code::BinOp::Add, &b, &Value::Int(1))?;
    randrange(vm, &this, &a, &b1, None)
}

fn r_choice(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "choice", &args, 2, 2)?;
    let seq = args.pos[1].clone();
    let n = ops::len(vm, &seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = below_usize(vm, &args.pos[0], n)?;
    ops::getitem(vm, &seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "shuffle", &args, 2, 2)?;
    let x = args.pos[1].clone();
    let n = ops::len(vm, &x)?;
    let js: Vec<usize> = {
        let s = st(vm, &args.pos[0])?;
        let mut g = lock(s);
        (1..n).rev().map(|i| g.below_u64(i as u64 + 1) as usize).collect()
    };
    if let (Some(Payload::List(l)), true) = (x.payload(), x.obj().map(|o| o.cls.is_none()).unwrap_or(false)) {
        let mut l = lock(l);
        for (i, j) in (1..n).rev().zip(js) {
            if i < l.len() && j < l.len() {
                l.swap(i, j);
            }
        }
        return Ok(Value::None);
    }
    for (i, j) in (1..n).rev().zip(js) {
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let a = ops::getitem(vm, &x, &vi)?;
        let b = ops::getitem(vm, &x, &vj)?;
        ops::setitem(vm, &x, vi, b)?;
        ops::setitem(vm, &x, vj, a)?;
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let counts = args.take_kw("counts");
    let Some(pop) = args.arg(1, "population") else {
        return Err(vm.type_error("Random.sample() missing 2 required positional arguments: 'population' and 'k'"));
    };
    let Some(kv) = args.arg(2, "k") else {
        return Err(vm.type_error("Random.sample() missing 1 required keyword-only argument: 'k'"));
    };
    let cls = ops::class_of(&pop);
    let is_seq = types::is_sequence_class(&cls) || ops::is_subclass(&cls, &types().str) || matches!(pop.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)));
    if !is_seq && !ops::lookup_special(&pop, "__getitem__").is_some_and(|_| !types::is_mapping_class(&cls) && ops::lookup_special(&pop, "__len__").is_some()) {
        return Err(vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let population: Vec<Value> = if let Some(c) = counts {
        let items = ops::iterate(vm, &pop)?;
        let cs = ops::iterate(vm, &c)?;
        if cs.len() != items.len() {
            return Err(vm.value_error("The number of counts does not match the population"));
        }
        let mut out = Vec::new();
        for (it, c) in items.into_iter().zip(cs) {
            let c = ops::to_index(vm, &c)?;
            for _ in 0..c.max(0) {
                out.push(it.clone());
            }
        }
        out
    } else {
        ops::iterate(vm, &pop)?
    };
    let n = population.len();
    let k = ops::to_index(vm, &kv)?;
    if k < 0 || k as usize > n {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
        setsize += 4usize.saturating_pow(e);
    }
    let s = st(vm, &this)?;
    let mut g = lock(s);
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = population;
        for i in 0..k {
            let j = g.below_u64((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = g.below_u64(n as u64) as usize;
            while selected.contains(&j) {
                j = g.below_u64(n as u64) as usize;
            }
            selected.insert(j);
            result.push(population[j].clone());
        }
    }
    Ok(Value::list(result))
}

fn r_choices(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let k = match args.take_kw("k") {
        Some(v) => ops::to_index(vm, &v)?,
        None => 1,
    };
    let cum = args.take_kw("cum_weights").filter(|v| !v.is_none());
    let weights = args.arg(2, "weights").filter(|v| !v.is_none());
    let Some(pop) = args.arg(1, "population") else {
        return Err(vm.type_error("Random.choices() missing 1 required positional argument: 'population'"));
    };
    let n = ops::len(vm, &pop)?;
    let k = k.max(0) as usize;
    let cum: Vec<f64> = match (cum, weights) {
        (None, None) => {
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let r = rnd(vm, &this)?;
                let i = (r * n as f64).floor() as i64;
                out.push(ops::getitem(vm, &pop, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (Some(_), Some(_)) => return Err(vm.type_error("Cannot specify both weights and cumulative weights")),
        (None, Some(w)) => {
            let ws = match ops::iterate(vm, &w) {
                Ok(ws) => ws,
                Err(e) => {
                    if let Value::Int(kk) = w {
                        return Err(vm.type_error(format!("The number of choices must be a keyword argument: k={}", kk)));
                    }
                    return Err(e);
                }
            };
            let mut acc: Option<Value> = None;
            let mut out = Vec::new();
            for x in ws {
                let v = match acc {
                    None => x,
                    Some(a) => ops::binary_op(vm, crate::vm::code::BinOp::Add, &a, &x)?,
                };
                out.push(ops::to_f64(vm, &v)?);
                acc = Some(v);
            }
            out
        }
        (Some(c), None) => {
            let cs = ops::iterate(vm, &c)?;
            let mut out = Vec::new();
            for x in cs {
                out.push(ops::to_f64(vm, &x)?);
            }
            out
        }
    };
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let total = *cum.last().unwrap_or(&0.0);
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = rnd(vm, &this)? * total;
        // bisect_right(cum, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(ops::getitem(vm, &pop, &Value::Int(lo as i64))?);
    }
    Ok(Value::list(out))
}

fn num_arg(vm: &mut Vm, args: &mut Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    match args.arg(i, name) {
        Some(v) => ops::to_f64(vm, &v),
        None => Ok(default),
    }
}

fn r_uniform(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let (Some(a), Some(b)) = (args.arg(1, "a"), args.arg(2, "b")) else {
        return Err(vm.type_error("Random.uniform() missing 2 required positional arguments: 'a' and 'b'"));
    };
    let r = Value::Float(rnd(vm, &this)?);
    let d = ops::binary_op(vm, crate::vm::code::BinOp::Sub, &b, &a)?;
    let m = ops::binary_op(vm, crate::vm::code::BinOp::Mul, &d, &r)?;
    ops::binary_op(vm, crate::vm::code::BinOp::Add, &a, &m)
}

fn r_triangular(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let mut low = num_arg(vm, &mut args, 1, "low", 0.0)?;
    let mut high = num_arg(vm, &mut args, 2, "high", 1.0)?;
    let mode = args.arg(3, "mode").filter(|v| !v.is_none());
    let mut u = rnd(vm, &this)?;
    let mut c = match mode {
        None => 0.5,
        Some(m) => {
            let m = ops::to_f64(vm, &m)?;
            if high == low {
                return Ok(Value::Float(low));
            }
            (m - low) / (high - low)
        }
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

fn r_gauss(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let mu = num_arg(vm, &mut args, 1, "mu", 0.0)?;
    let sigma = num_arg(vm, &mut args, 2, "sigma", 1.0)?;
    let s = st(vm, &this)?;
    let mut g = lock(s);
    let z = match g.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = g.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - g.random()).ln()).sqrt();
            g.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

fn r_normalvariate(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let mu = num_arg(vm, &mut args, 1, "mu", 0.0)?;
    let sigma = num_arg(vm, &mut args, 2, "sigma", 1.0)?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let s = st(vm, &this)?;
    let mut g = lock(s);
    let z = loop {
        let u1 = g.random();
        let u2 = 1.0 - g.random();
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            break z;
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

fn r_expovariate(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let l = num_arg(vm, &mut args, 1, "lambd", 1.0)?;
    let r = rnd(vm, &this)?;
    if l == 0.0 {
        return Err(vm.zero_div("float division by zero"));
    }
    Ok(Value::Float(-(1.0 - r).ln() / l))
}

fn r_getstate(vm: &mut Vm, args: Args) -> PyResult {
    let s = st(vm, &args.pos[0])?;
    let g = lock(s).clone();
    let mut items: Vec<Value> = g.mt.iter().map(|x| Value::Int(*x as i64)).collect();
    items.push(Value::Int(g.idx as i64));
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(items), g.gauss_next.map(Value::Float).unwrap_or(Value::None)]))
}

fn r_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = args.pos.get(1).cloned().unwrap_or(Value::None);
    let parts = ops::iterate(vm, &state)?;
    if parts.len() != 3 || !matches!(parts[0], Value::Int(3)) {
        return Err(vm.value_error("state with version 3 passed to Random.setstate() of version 3"));
    }
    let words = ops::iterate(vm, &parts[1])?;
    if words.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = Mt::new();
    for (i, w) in words.iter().enumerate().take(N) {
        mt.mt[i] = ops::to_bigint(w).and_then(|b| b.to_u32()).ok_or_else(|| vm.value_error("state vector items must be integers"))?;
    }
    let idx = ops::to_index(vm, &words[N])?;
    if idx < 0 || idx as usize > N {
        return Err(vm.value_error("invalid state"));
    }
    mt.idx = idx as usize;
    mt.gauss_next = match &parts[2] {
        Value::None => None,
        v => Some(ops::to_f64(vm, v)?),
    };
    *lock(st(vm, &args.pos[0])?) = mt;
    Ok(Value::None)
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("random");
    let cls = random_class().clone();
    set(&m, "Random", Value::Obj(cls.clone()));
    let inst = Value::Obj(Obj::with_class(cls.clone(), Payload::Native(Box::new(RandomState(Mutex::new(Mt::new())))), Some(Dict::new())));
    let _ = do_seed(vm, &inst, &Value::None);
    for name in [
        "seed", "random", "getrandbits", "randbytes", "randrange", "randint", "choice", "choices", "shuffle", "sample", "uniform",
        "triangular", "gauss", "normalvariate", "expovariate", "getstate", "setstate",
    ] {
        if let Some(f) = class_dict(&cls).get_str(name) {
            set(&m, name, ops::bind(&f, &inst));
        }
    }
    let _ = (Sign::Plus, BigInt::zero());
    m
}
