//! The `sys` module: argv, exit, recursion limit, stdout/stderr/stdin
//! objects, version info, modules.

use super::{def, new_module, set};
use crate::host::Stream;
use crate::vm::types::{self, method, types};
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, Flow, PyResult, Vm};
use std::sync::OnceLock;

/// A standard stream object (sys.stdout / sys.stderr / sys.stdin).
pub struct StdStream(pub Option<Stream>);

fn stream_class() -> &'static ObjRef {
    static C: OnceLock<ObjRef> = OnceLock::new();
    C.get_or_init(|| {
        let c = types::make_class("TextIOWrapper", vec![types().object.clone()], BaseKind::Other);
        method(&c, "write", stream_write);
        method(&c, "flush", stream_flush);
        method(&c, "readline", stream_readline);
        method(&c, "read", stream_read);
        method(&c, "isatty", stream_isatty);
        method(&c, "__iter__", stream_iter);
        method(&c, "__next__", stream_next);
        method(&c, "readlines", stream_readlines);
        method(&c, "fileno", stream_fileno);
        c
    })
}

/// Which output stream a sys.stdout/sys.stderr object writes to.
pub fn stream_of(v: &Value) -> Option<Stream> {
    match v.payload() {
        Some(Payload::Native(n)) => n.downcast_ref::<StdStream>().and_then(|s| s.0),
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult {
    let Some(stream) = stream_of(&args.pos[0]) else { return Err(vm.runtime_error("not writable")) };
    let Some(s) = args.pos.get(1).and_then(|v| v.as_str()) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            args.pos.get(1).map(ops::type_name).unwrap_or_default()
        )));
    };
    let n = s.chars().count();
    vm.run.write_from(vm.out_lane(), stream, s);
    Ok(Value::Int(n as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult {
    vm.run.host.flush();
    Ok(Value::None)
}

fn stream_readline(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str(vm.run.read_line().unwrap_or_default()))
}

fn stream_read(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str(vm.run.read_all()))
}

fn stream_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

fn stream_next(vm: &mut Vm, _args: Args) -> PyResult {
    match vm.run.read_line() {
        Some(l) => Ok(Value::str(l)),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn stream_readlines(vm: &mut Vm, _args: Args) -> PyResult {
    let mut out = Vec::new();
    while let Some(l) = vm.run.read_line() {
        out.push(Value::str(l));
    }
    Ok(Value::list(out))
}

fn stream_isatty(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(false))
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult {
    let _ = vm;
    Ok(Value::Int(match stream_of(&args.pos[0]) {
        Some(Stream::Stdout) => 1,
        Some(Stream::Stderr) => 2,
        None => 0,
    }))
}

fn make_stream(s: Option<Stream>) -> Value {
    Value::Obj(Obj::with_class(stream_class().clone(), Payload::Native(Box::new(StdStream(s))), None))
}

/// sys.stdout as the program currently sees it (None if sys isn't imported).
pub fn current_stdout(vm: &Vm) -> Option<Value> {
    let m = lock(&vm.run.modules).get("sys").cloned()?;
    crate::vm::eval::ns_dict(&super::module_dict(&m)).get_str("stdout")
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    let e = exc::new_exception(&types().exc("SystemExit"), if code.is_none() { vec![] } else { vec![code] });
    Err(Flow::Exc(e))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.run.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    let n = ops::to_index(vm, &args.pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.run.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(match vm.exc_info.last().cloned() {
        Some(e) => {
            let tb = crate::vm::types::exceptions::traceback_object(&e);
            Value::tuple(vec![Value::Obj(ops::class_of(&e)), e.clone(), tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.exc_info.last().cloned().unwrap_or(Value::None))
}

fn getsizeof(vm: &mut Vm, args: Args) -> PyResult {
    let n = ops::len(vm, &args.pos[0]).unwrap_or(0);
    Ok(Value::Int(56 + 8 * n as i64))
}

/// sys.stderr as the program currently sees it (None if sys isn't imported).
pub fn current_stderr(vm: &Vm) -> Option<Value> {
    let m = lock(&vm.run.modules).get("sys").cloned()?;
    crate::vm::eval::ns_dict(&super::module_dict(&m)).get_str("stderr")
}

/// Write to the current `sys.stderr`: the run's stderr for the standard
/// stream object (or when sys was never imported), the object's `write`
/// method otherwise; nothing if sys.stderr is None.
pub fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    match current_stderr(vm) {
        None => vm.run.write_from(vm.out_lane(), Stream::Stderr, text),
        Some(Value::None) => {}
        Some(f) => match stream_of(&f) {
            Some(stream) => vm.run.write_from(vm.out_lane(), stream, text),
            None => {
                ops::call_method(vm, &f, "write", vec![Value::str(text)])?;
            }
        },
    }
    Ok(())
}

/// The text sys.excepthook prints for `e`.
pub fn excepthook_text(vm: &mut Vm, e: &Value) -> String {
    if ops::isinstance_cls(e, &types().exc("BaseException")) {
        exc::format_exception(vm, e)
    } else {
        // Not an exception instance: CPython prints the complaint and the value.
        format!("TypeError: print_exception(): Exception expected for value, {} found\n", ops::type_name(e))
    }
}

/// sys.excepthook(type, value, traceback): print the traceback to sys.stderr.
fn excepthook(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "excepthook", &args, 3, 3)?;
    let text = excepthook_text(vm, &args.pos[1]);
    write_stderr(vm, &text)?;
    Ok(Value::None)
}

/// Is `f` Spindle's own sys.__excepthook__?
pub fn is_default_excepthook(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::Builtin(b)) if std::ptr::eq(b.func as *const (), excepthook as *const ()))
}

/// The GIL's switch interval; free-threaded runs keep the setting too.
fn getswitchinterval(vm: &mut Vm, _args: Args) -> PyResult {
    let secs = match &vm.run.gil {
        Some(g) => g.interval(),
        None => f64::from_bits(vm.run.switch_interval_bits.load(std::sync::atomic::Ordering::Relaxed)),
    };
    Ok(Value::Float(secs))
}

fn setswitchinterval(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "setswitchinterval", &args, 1, 1)?;
    let secs = ops::to_f64(vm, &args.pos[0])?;
    if secs <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    if let Some(g) = &vm.run.gil {
        g.set_interval(secs);
    }
    vm.run.switch_interval_bits.store(secs.to_bits(), std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}

fn is_gil_enabled(vm: &mut Vm, _args: Args) -> PyResult {
    // Green threads (no SharedArrayBuffer) take turns, as under a GIL.
    Ok(Value::Bool(vm.run.gil.is_some() || vm.run.green))
}

fn intern(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(crate::vm::intern(args.pos[0].as_str().unwrap_or("")))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("sys");
    // opts.argv is the full sys.argv (argv[0] as given); default to the file name.
    let mut argv: Vec<Value> = vm.run.opts.argv.iter().map(|a| Value::str(a.as_str())).collect();
    if argv.is_empty() {
        argv.push(Value::str(vm.run.opts.filename.as_str()));
    }
    set(&m, "argv", Value::list(argv));
    def(&m, "exit", exit);
    def(&m, "getrecursionlimit", getrecursionlimit);
    def(&m, "setrecursionlimit", setrecursionlimit);
    def(&m, "exc_info", exc_info);
    def(&m, "exception", exception);
    def(&m, "getsizeof", getsizeof);
    def(&m, "intern", intern);
    def(&m, "excepthook", excepthook);
    def(&m, "__excepthook__", excepthook);
    def(&m, "getswitchinterval", getswitchinterval);
    def(&m, "setswitchinterval", setswitchinterval);
    def(&m, "_is_gil_enabled", is_gil_enabled);
    // sys.stdout is sys.__stdout__ (and so on) until the program replaces them.
    for (names, stream) in [(["stdout", "__stdout__"], Some(Stream::Stdout)), (["stderr", "__stderr__"], Some(Stream::Stderr)), (["stdin", "__stdin__"], None)] {
        let v = make_stream(stream);
        for n in names {
            set(&m, n, v.clone());
        }
    }
    // version_info: a tuple with named fields.
    let vi_cls = types::make_class("version_info", vec![types().tuple.clone()], BaseKind::Tuple);
    let vd = crate::vm::dict::Dict::new();
    for (k, v) in [("major", Value::Int(3)), ("minor", Value::Int(12)), ("micro", Value::Int(0)), ("releaselevel", Value::str("final")), ("serial", Value::Int(0))] {
        vd.set_str(k, v);
    }
    let items = vec![Value::Int(3), Value::Int(12), Value::Int(0), Value::str("final"), Value::Int(0)];
    set(&m, "version_info", Value::Obj(Obj::with_class(vi_cls, Payload::Tuple(items.into_boxed_slice()), Some(vd))));
    set(&m, "version", Value::str("3.12.0 (Spindle)"));
    set(&m, "platform", Value::str(if cfg!(target_arch = "wasm32") { "emscripten" } else { "linux" }));
    set(&m, "maxsize", Value::Int(i64::MAX));
    set(&m, "byteorder", Value::str("little"));
    set(&m, "executable", Value::str("spindle"));
    set(&m, "path", Value::list(vec![]));
    set(&m, "flags", Value::tuple(vec![]));
    let mods = crate::vm::new_dict();
    if let Some(Payload::Dict(d)) = mods.payload() {
        for (k, v) in lock(&vm.run.modules).iter() {
            d.set_str(k, v.clone());
        }
        d.set_str("sys", m.clone());
    }
    set(&m, "modules", mods);
    set(&m, "builtin_module_names", Value::tuple(super::MODULES.iter().map(|n| Value::str(*n)).collect()));
    m
}
