//! The fuzz harness logic, shared by the `cargo fuzz` targets
//! (fuzz/fuzz_targets/*.rs) and by tests/fuzz_regressions.rs, which replays
//! tests/fuzz_corpus/ on stable Rust. Each check returns Err(description)
//! for a finding; a Rust panic is a finding too (under libFuzzer it aborts;
//! the regression test catches it).
//!
//! - `check_run_source`: bytes → UTF-8 (lossy) → parse, compile and run with
//!   a short timeout, a memory limit and small thread/process caps. A finding
//!   is a panic (run_source catches those on the main thread: exit code 70
//!   with `internal_error()` set), a stack overflow or abort (they kill the
//!   process), or a run that outlives its timeout by far (a hang).
//! - `check_codecs`: the first byte picks a decoder of untrusted-ish bytes
//!   (pickle.loads, the fork snapshot, `process::decode_start`, the frozen
//!   bytecode codec) or a pickle round trip of a value built from the bytes.
//!   Decoders must return errors, never panic.

#![allow(dead_code)]

use spindle::host::native::NativeHost;
use spindle::runtime::{self, memory, process, run_source, snapshot, Run, RunOptions};
use spindle::stdlib::pickle;
use spindle::vm::code::Source;
use spindle::vm::value::Value;
use spindle::vm::{marshal, ops, Flow, Vm};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A run stops (KeyboardInterrupt) this long after it started.
pub const TIMEOUT_MS: u64 = 300;
/// A run (or a decode) taking longer than this is a hang.
pub const HANG: Duration = Duration::from_secs(5);
/// Each run may use this much more memory than the process already holds
/// (runs leak their reference cycles: there is no cycle collector).
pub const MEMORY: usize = 64 << 20;

/// Programs containing these are not run: they only slow fuzzing down
/// (processes, sleeping until the timeout, stdin) or reach the deliberate
/// panic of `_spindle._internal_error_for_tests` (and `_spindle.fetch`).
pub const SKIP: &[&str] = &["multiprocessing", "ProcessPool", "sleep", "input(", "open(", "_spindle", "stdin"];

/// The program a fuzz input stands for, or None if it is skipped.
pub fn source_of(data: &[u8]) -> Option<String> {
    let src = String::from_utf8_lossy(data);
    if SKIP.iter().any(|w| src.contains(w)) {
        return None;
    }
    Some(src.into_owned())
}

/// Run options for a fuzz input: `# gil` in the source runs it under the
/// GIL, `# green` with green threads (both are in the dictionary).
pub fn options_for(src: &str) -> RunOptions {
    RunOptions {
        filename: "fuzz.py".into(),
        timeout_ms: Some(TIMEOUT_MS),
        memory_limit: Some(memory::in_use().saturating_add(MEMORY)),
        max_threads: 4,
        max_processes: 0,
        cpu_count: Some(2),
        gil: src.contains("# gil"),
        green: src.contains("# green"),
        ..RunOptions::default()
    }
}

pub fn check_run_source(data: &[u8]) -> Result<(), String> {
    let Some(src) = source_of(data) else { return Ok(()) };
    let host = Arc::new(NativeHost::capturing());
    let opts = options_for(&src);
    let t0 = Instant::now();
    let outcome = run_source(&src, &opts, host.clone());
    let took = t0.elapsed();
    if outcome.exit_code == runtime::INTERNAL_ERROR_EXIT {
        if let Some(msg) = runtime::internal_error() {
            return Err(format!("internal error: {msg}"));
        }
    }
    if took > HANG {
        return Err(format!("hang: the run took {took:?} with a timeout of {TIMEOUT_MS} ms"));
    }
    Ok(())
}

/// A fresh run and VM for decoding (with the same limits as a fuzzed run:
/// pickle.loads may call what it finds, as in CPython).
fn new_vm() -> Vm {
    let host = Arc::new(NativeHost::capturing());
    let opts = options_for("");
    let run = Run::new(host, opts);
    Vm::new(run, "main")
}

/// Bytes naming what a decoder could reach but must not run here (see SKIP).
const CODEC_SKIP: &[&[u8]] = &[b"_spindle", b"multiprocessing", b"sleep", b"input", b"stdin", b"ProcessPool"];

pub fn check_codecs(data: &[u8]) -> Result<(), String> {
    let Some((&sel, rest)) = data.split_first() else { return Ok(()) };
    if CODEC_SKIP.iter().any(|w| rest.windows(w.len()).any(|x| x == *w)) {
        return Ok(());
    }
    let t0 = Instant::now();
    let r = match sel % 5 {
        0 => pickle_loads(rest),
        1 => snapshot_restore(rest),
        2 => start_decode(rest),
        3 => marshal_load(rest),
        _ => pickle_round_trip(rest),
    };
    let took = t0.elapsed();
    if took > HANG {
        return Err(format!("hang: decoding took {took:?}"));
    }
    r
}

/// pickle.loads: any result or exception; then repr what came out and
/// pickle it again, as a program would.
fn pickle_loads(data: &[u8]) -> Result<(), String> {
    let mut vm = new_vm();
    if let Ok(v) = pickle::loads_value(&mut vm, data) {
        let _ = ops::repr(&mut vm, &v);
        let _ = pickle::dumps_value(&mut vm, &v);
    }
    Ok(())
}

/// The program whose __main__ a fuzzed snapshot restores into: functions
/// (with defaults, a closure), classes with methods, so that FUNC paths and
/// CLASS/INSTANCE tags have something to point at.
const SNAPSHOT_MAIN: &str = "\
def f(a, b=2, *, c=3):
    return a + b + c

def outer(x):
    def inner(y):
        return x + y
    return inner

class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, C) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    @property
    def p(self):
        return self.v
    @staticmethod
    def s():
        return 1
    @classmethod
    def k(cls):
        return cls

class E(Exception):
    pass

if __name__ == '__main__':
    shared = [1, 2]
    d = {'a': {1, 2}, 'b': frozenset({3}), 'c': shared}
    values = (f, outer(1), C(5), E('x', 1), C.p, C.s, C.k, shared, (shared, shared), d,
              b'xy', bytearray(b'z'), 2**80, -1.5, 3j, range(1, 9, 2), slice(1, None),
              None, True, Ellipsis, NotImplemented, int, ValueError, print, C(5).__eq__,
              len, shared.append, 'h\\u00e9llo')
";

/// A VM with SNAPSHOT_MAIN compiled (not run) as `__main__`, as a forked child has it.
fn snapshot_main() -> (Vm, Arc<spindle::vm::code::Code>, spindle::vm::value::ObjRef) {
    let vm = new_vm();
    let code = spindle::syntax::compile_source(SNAPSHOT_MAIN, "main.py").unwrap_or_else(|_| panic!("SNAPSHOT_MAIN does not compile"));
    let module = spindle::stdlib::new_module("__main__");
    let globals = spindle::stdlib::module_dict(&module);
    spindle::vm::eval::ns_dict(&globals).set_str("__builtins__", Value::Obj(vm.run.builtins.clone()));
    spindle::vm::value::lock(&vm.run.modules).insert("__main__".into(), module);
    (vm, code, globals)
}

fn snapshot_restore(data: &[u8]) -> Result<(), String> {
    let (mut vm, code, globals) = snapshot_main();
    if let Ok(values) = snapshot::restore(&mut vm, data, code, globals) {
        for v in &values {
            let _ = ops::repr(&mut vm, v);
        }
    }
    Ok(())
}

/// process::decode_start, and the round trip of what it decodes.
fn start_decode(data: &[u8]) -> Result<(), String> {
    let Some(s) = process::decode_start(data) else { return Ok(()) };
    let once = process::encode_start(&s);
    let again = process::decode_start(&once).ok_or("decode_start rejects what encode_start wrote")?;
    let twice = process::encode_start(&again);
    if once != twice {
        return Err("encode_start(decode_start(encode_start(s))) differs from encode_start(s)".into());
    }
    Ok(())
}

/// The frozen bytecode codec: load, and if it loads, dump and load again
/// to the same code.
fn marshal_load(data: &[u8]) -> Result<(), String> {
    let text = "def f(x):\n    return x + 1\nprint('spindle')\n";
    let Some(code) = marshal::load(data, Arc::new(Source::new(text))) else { return Ok(()) };
    let described = marshal::describe(&code);
    let Ok(blob) = marshal::dump(&code, text) else { return Ok(()) };
    let back = marshal::load(&blob, Arc::new(Source::new(text))).ok_or("marshal::load rejects what marshal::dump wrote")?;
    if marshal::describe(&back) != described {
        return Err("marshal round trip changed the code".into());
    }
    Ok(())
}

/// Bytes read one at a time, zeros past the end.
struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    fn take(&mut self, n: usize) -> &[u8] {
        let start = self.pos.min(self.data.len());
        let end = (self.pos + n).min(self.data.len());
        self.pos += n;
        &self.data[start..end]
    }
    fn i64(&mut self) -> i64 {
        let mut b = [0u8; 8];
        let s = self.take(8);
        b[..s.len()].copy_from_slice(s);
        i64::from_le_bytes(b)
    }
}

fn call_builtin(vm: &mut Vm, name: &str, args: Vec<Value>) -> Result<Value, String> {
    let f = spindle::vm::eval::ns_dict(&vm.run.builtins).get_str(name).ok_or(format!("no builtin {name}"))?;
    vm.call(&f, args).map_err(|e| describe_flow(vm, e))
}

fn describe_flow(vm: &mut Vm, e: Flow) -> String {
    match e {
        Flow::Exc(v) => ops::repr(vm, &v).unwrap_or_else(|_| "an exception".into()),
        _ => "a non-exception flow".into(),
    }
}

/// What `build` made so far.
struct Built {
    /// Objects, for shared references (they exercise the memo).
    seen: Vec<Value>,
    /// A set or frozenset is in it: its iteration order (as in CPython) can
    /// depend on insertion order when hashes collide, so pickling the loaded
    /// copy may list the items in another order.
    has_set: bool,
}

/// A value built from the bytes: None, bools, ints (small and big), floats
/// (not NaN, which is unequal to itself), str, bytes, bytearray, and
/// containers of them; `hashable` builds only what can be a key.
fn build(vm: &mut Vm, b: &mut Bytes, depth: u32, hashable: bool, built: &mut Built) -> Result<Value, String> {
    let kinds = if depth >= 6 { 7 } else { 13 };
    let k = b.u8() % kinds;
    let v = match k {
        0 => Value::None,
        1 => Value::Bool(b.u8() & 1 == 1),
        2 => Value::Int(b.i64() >> (b.u8() % 64)),
        3 => {
            let n = (b.u8() % 40) as usize;
            let digits = b.take(n).to_vec();
            let sign = if b.u8() & 1 == 1 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus };
            let i = num_bigint::BigInt::from_bytes_le(sign, &digits);
            // Small values are ints, as the VM keeps them.
            match i64::try_from(&i) {
                Ok(s) => Value::Int(s),
                Err(_) => Value::bigint(i),
            }
        }
        4 => {
            let f = f64::from_bits(b.i64() as u64);
            Value::Float(if f.is_nan() { 0.5 } else { f })
        }
        5 => {
            let n = (b.u8() % 24) as usize;
            Value::str(String::from_utf8_lossy(b.take(n)).into_owned())
        }
        6 => {
            let n = (b.u8() % 24) as usize;
            spindle::vm::bytes_value(b.take(n).to_vec())
        }
        7 | 8 => {
            // tuple (hashable if its items are) or list
            let n = (b.u8() % 5) as usize;
            let tuple = k == 7 || hashable;
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(build(vm, b, depth + 1, hashable, built)?);
            }
            if tuple { Value::tuple(items) } else { Value::list(items) }
        }
        9 if !hashable => {
            let n = (b.u8() % 5) as usize;
            let d = spindle::vm::new_dict();
            for _ in 0..n {
                let key = build(vm, b, depth + 1, true, built)?;
                let x = build(vm, b, depth + 1, false, built)?;
                ops::setitem(vm, &d, key, x).map_err(|e| describe_flow(vm, e))?;
            }
            d
        }
        10 => {
            let n = (b.u8() % 5) as usize;
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(build(vm, b, depth + 1, true, built)?);
            }
            built.has_set = true;
            let ctor = if hashable || b.u8() & 1 == 1 { "frozenset" } else { "set" };
            call_builtin(vm, ctor, vec![Value::list(items)])?
        }
        11 if !hashable => {
            let n = (b.u8() % 24) as usize;
            let data = b.take(n).to_vec();
            call_builtin(vm, "bytearray", vec![spindle::vm::bytes_value(data)])?
        }
        12 if !built.seen.is_empty() && !hashable => {
            let i = b.u8() as usize % built.seen.len();
            built.seen[i].clone()
        }
        _ => Value::Int(b.u8() as i64 - 128),
    };
    if v.obj().is_some() {
        built.seen.push(v.clone());
    }
    Ok(v)
}

/// dumps then loads gives an equal value, and pickling that again gives
/// the same bytes unless sets are involved (with every protocol).
fn pickle_round_trip(data: &[u8]) -> Result<(), String> {
    let mut vm = new_vm();
    let mut b = Bytes { data, pos: 0 };
    let proto = b.u8() % (pickle::HIGHEST_PROTOCOL + 1);
    let mut built = Built { seen: Vec::new(), has_set: false };
    let v = build(&mut vm, &mut b, 0, false, &mut built)?;
    let blob = pickle::dumps_proto(&mut vm, &v, proto).map_err(|e| format!("dumps failed: {}", describe_flow(&mut vm, e)))?;
    let back = pickle::loads_value(&mut vm, &blob).map_err(|e| format!("loads(dumps(v)) failed: {}", describe_flow(&mut vm, e)))?;
    let same = ops::eq(&mut vm, &v, &back).map_err(|e| describe_flow(&mut vm, e))?;
    if !same {
        let a = ops::repr(&mut vm, &v).unwrap_or_default();
        let z = ops::repr(&mut vm, &back).unwrap_or_default();
        return Err(format!("protocol {proto}: loads(dumps(v)) != v: {a} != {z}"));
    }
    let again = pickle::dumps_proto(&mut vm, &back, proto).map_err(|e| describe_flow(&mut vm, e))?;
    if again != blob && !built.has_set {
        let a = ops::repr(&mut vm, &v).unwrap_or_default();
        return Err(format!("protocol {proto}: dumps(loads(dumps(v))) != dumps(v) for {a}"));
    }
    Ok(())
}

/// Valid inputs for the codecs target (seeds; fuzz/seed.sh writes them
/// through the ignored test `write_codec_seeds`): snapshots of SNAPSHOT_MAIN's
/// `values`, an encoded ProcessStart, frozen bytecode, each behind its
/// selector byte.
pub fn codec_seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let (mut vm, code, globals) = snapshot_main();
    if let Err(e) = vm.run_frame(spindle::vm::eval::new_frame_for_module(code.clone(), globals.clone())) {
        panic!("SNAPSHOT_MAIN fails: {}", describe_flow(&mut vm, e));
    }
    let values = spindle::vm::eval::ns_dict(&globals).get_str("values").unwrap();
    let items = values.tuple_items().unwrap().to_vec();
    for (i, v) in items.iter().enumerate() {
        if let Ok(blob) = snapshot::snapshot(&mut vm, &code, &globals, std::slice::from_ref(v)) {
            out.push((format!("snapshot-{i}"), [&[1u8][..], &blob].concat()));
        }
    }
    if let Ok(blob) = snapshot::snapshot(&mut vm, &code, &globals, &items) {
        out.push(("snapshot-all".into(), [&[1u8][..], &blob].concat()));
    }
    let start = spindle::host::ProcessStart {
        source: Arc::from(SNAPSHOT_MAIN),
        snapshot: vec![1, 2, 3],
        opts: RunOptions { argv: vec!["main.py".into(), "-x".into()], cpu_count: Some(4), memory_limit: Some(1 << 20), ..options_for("") },
        name: "Process-1".into(),
        pid: 7,
        slots: 3,
    };
    out.push(("start".into(), [&[2u8][..], &process::encode_start(&start)].concat()));
    let text = "def f(x):\n    return x + 1\nprint('spindle')\n";
    let small = spindle::syntax::compile_source(text, "m.py").unwrap_or_else(|_| panic!("does not compile"));
    if let Ok(blob) = marshal::dump(&small, text) {
        out.push(("marshal".into(), [&[3u8][..], &blob].concat()));
    }
    out.push(("roundtrip".into(), vec![4, 4, 9, 3, 7, 2, 5, 3, b'a', b'b', b'c', 3, 40, 4, 1, 0, 0, 0, 0, 0, 240, 63]));
    out
}
