//! The builtin exception hierarchy and BaseException's methods.

use super::{class_dict, method, static_method, types};
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{exc, ops, Args, PyResult, Vm};

/// (class, parent) in definition order; BaseException is the root.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// OSError(errno, ...) picks the subclass for well-known errno values.
fn oserror_subclass(cls: &ObjRef, args: &[Value]) -> ObjRef {
    let t = types();
    if !std::sync::Arc::ptr_eq(cls, &t.exc("OSError")) || args.len() < 2 {
        return cls.clone();
    }
    let name = match args[0] {
        Value::Int(2) => "FileNotFoundError",
        Value::Int(17) => "FileExistsError",
        Value::Int(13) | Value::Int(1) => "PermissionError",
        Value::Int(21) => "IsADirectoryError",
        Value::Int(20) => "NotADirectoryError",
        Value::Int(4) => "InterruptedError",
        Value::Int(32) => "BrokenPipeError",
        Value::Int(111) => "ConnectionRefusedError",
        Value::Int(104) => "ConnectionResetError",
        Value::Int(110) => "TimeoutError",
        Value::Int(3) => "ProcessLookupError",
        Value::Int(10) => "ChildProcessError",
        _ => return cls.clone(),
    };
    t.exc(name)
}

fn exc_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some(cls) = args.pos.first().and_then(|c| c.obj().cloned()) else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    };
    let cls = oserror_subclass(&cls, &args.pos[1..]);
    Ok(exc::new_exception_of(&cls, args.pos[1..].to_vec()))
}

fn exc_init(_vm: &mut Vm, args: Args) -> PyResult {
    if let Some(d) = exc::exc_data(&args.pos[0]) {
        *lock(&d.args) = Value::tuple(args.pos[1..].to_vec());
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(exc::exc_str(vm, &args.pos[0])?))
}

pub fn repr(vm: &mut Vm, e: &Value) -> PyResult<String> {
    if ops::isinstance_cls(e, &types().exc("BaseExceptionGroup")) {
        return super::exc_group::group_repr(vm, e);
    }
    let name = ops::type_name(e);
    let a = exc::args_of(e);
    if a.len() == 1 {
        return Ok(format!("{}({})", name, ops::repr(vm, &a[0])?));
    }
    let r = ops::repr(vm, &Value::tuple(a))?;
    Ok(format!("{}{}", name, if r == "()" { "()".to_string() } else { r }))
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::str(repr(vm, &args.pos[0])?))
}

fn with_traceback(_vm: &mut Vm, args: Args) -> PyResult {
    if let Some(tb) = args.pos.get(1) {
        set_traceback(&args.pos[0], tb);
    }
    Ok(args.pos[0].clone())
}

/// `e.__traceback__ = tb` / `e.with_traceback(tb)`. None, or a node of the
/// exception's own chain (dropping outer frames, as `tb.tb_next` does),
/// becomes its traceback for printing too; another traceback object is kept
/// as the attribute only.
pub fn set_traceback(e: &Value, tb: &Value) {
    let Value::Obj(o) = e else { return };
    if let Some(ed) = exc::exc_data(e) {
        if let Some(d) = &o.dict {
            d.remove_str("__traceback__");
        }
        let mut node = traceback_object(e);
        let mut entries = lock(&ed.traceback);
        let mut keep = entries.len();
        loop {
            if node.is(tb) {
                entries.truncate(keep);
                *lock(&ed.tb_cache) = (tb.clone(), keep);
                return;
            }
            if keep == 0 {
                break;
            }
            keep -= 1;
            node = node.obj().and_then(|n| n.dict.as_ref()).and_then(|d| d.get_str("tb_next")).unwrap_or(Value::None);
        }
    }
    if let Some(d) = &o.dict {
        d.set_str("__traceback__", tb.clone());
    }
}

fn add_note(vm: &mut Vm, args: Args) -> PyResult {
    let e = &args.pos[0];
    let note = args.pos.get(1).cloned().unwrap_or(Value::None);
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", ops::type_name(&note))));
    }
    if let Some(Value::Obj(o)) = Some(e) {
        if let Some(d) = &o.dict {
            let notes = d.get_str("__notes__").unwrap_or_else(|| {
                let l = Value::list(vec![]);
                d.set_str("__notes__", l.clone());
                l
            });
            if let Some(Payload::List(l)) = notes.payload() {
                lock(l).push(note);
            }
        }
    }
    Ok(Value::None)
}

fn traceback_class() -> &'static ObjRef {
    static C: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    C.get_or_init(|| super::make_class("traceback", vec![types().object.clone()], BaseKind::Object))
}

fn frame_class() -> &'static ObjRef {
    static C: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    C.get_or_init(|| super::make_class("frame", vec![types().object.clone()], BaseKind::Object))
}

/// A frame object as a snapshot of a code position: f_code, f_lineno,
/// f_lasti, f_globals; f_back is None (tb_frame, a suspended coroutine's cr_frame).
pub fn frame_snapshot(code: &std::sync::Arc<crate::vm::code::Code>, pc: usize, globals: Option<ObjRef>) -> Value {
    let f = Dict::new();
    f.set_str("f_code", crate::vm::code_value(code.clone()));
    f.set_str("f_lineno", Value::Int(code.line_of(pc) as i64));
    f.set_str("f_lasti", Value::Int(2 * pc as i64));
    f.set_str("f_globals", globals.map(Value::Obj).unwrap_or(Value::None));
    f.set_str("f_back", Value::None);
    Value::Obj(Obj::with_class(frame_class().clone(), Payload::Instance, Some(f)))
}

/// A traceback object for one entry, linked to `next`. Its `tb_frame` is a
/// snapshot frame object: f_code, f_lineno, f_lasti, f_globals (f_back and
/// f_locals are not kept: frames live on the heap only while they run).
fn tb_node(entry: &TbEntry, next: Value) -> Value {
    let line = Value::Int(entry.code.line_of(entry.pc) as i64);
    let lasti = Value::Int(2 * entry.pc as i64);
    let frame = frame_snapshot(&entry.code, entry.pc, entry.globals.clone());
    let d = Dict::new();
    d.set_str("tb_lineno", line);
    d.set_str("tb_lasti", lasti);
    d.set_str("tb_next", next);
    d.set_str("tb_frame", frame);
    Value::Obj(Obj::with_class(traceback_class().clone(), Payload::Instance, Some(d)))
}

/// `e.__traceback__`: a traceback object (tb_lineno, tb_next, tb_frame),
/// unless the program set one (with_traceback, assignment). It is built once
/// and kept (`ExcData::tb_cache`) so identity holds; when the exception has
/// since gone through more frames, the new outer entries are put in front of
/// the kept chain, as CPython does.
pub fn traceback_object(e: &Value) -> Value {
    let Value::Obj(o) = e else { return Value::None };
    if let Some(tb) = o.dict.as_ref().and_then(|d| d.get_str("__traceback__")) {
        return tb;
    }
    let Some(ed) = exc::exc_data(e) else { return Value::None };
    let entries = lock(&ed.traceback).clone();
    let mut cache = lock(&ed.tb_cache);
    // Outermost first: tb -> tb_next -> ... -> innermost; entries are innermost first.
    let (mut next, from) = if cache.1 <= entries.len() { cache.clone() } else { (Value::None, 0) };
    if from == entries.len() {
        return next;
    }
    for entry in entries[from..].iter() {
        next = tb_node(entry, next);
    }
    *cache = (next.clone(), entries.len());
    next
}

pub fn register() {
    let t = types();
    let base = t.exc("BaseException");
    static_method(&base, "__new__", exc_new);
    method(&base, "__init__", exc_init);
    method(&base, "__str__", exc_str);
    method(&base, "__repr__", exc_repr);
    method(&base, "with_traceback", with_traceback);
    method(&base, "add_note", add_note);
    let _ = class_dict;
}
