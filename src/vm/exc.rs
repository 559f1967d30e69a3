//! Exceptions: creating and raising them, chaining (__cause__/__context__),
//! tracebacks, and printing them exactly the way CPython does.

use crate::vm::dict::Dict;
use crate::vm::ops;
use crate::vm::types::types;
use crate::vm::value::*;
use crate::vm::{Flow, PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A new instance of exception class `cls` with `args`.
pub fn new_exception(cls: &ObjRef, args: Vec<Value>) -> Value {
    new_exception_of(cls, args)
}

pub fn new_exception_of(cls: &ObjRef, args: Vec<Value>) -> Value {
    Value::Obj(Obj::with_class(
        cls.clone(),
        Payload::Exception(Box::new(ExcData {
            args: Mutex::new(Value::tuple(args)),
            traceback: Mutex::new(Vec::new()),
            cause: Mutex::new(Value::None),
            context: Mutex::new(Value::None),
            suppress_context: AtomicBool::new(false),
            tb_cache: Mutex::new((Value::None, 0)),
        })),
        Some(Dict::new()),
    ))
}

pub fn exc_data(e: &Value) -> Option<&ExcData> {
    match e.payload() {
        Some(Payload::Exception(d)) => Some(d),
        _ => None,
    }
}

pub fn add_traceback(e: &Value, code: &Arc<crate::vm::code::Code>, pc: usize, globals: &ObjRef) {
    if let Some(d) = exc_data(e) {
        lock(&d.traceback).push(TbEntry { code: code.clone(), pc, globals: Some(globals.clone()) });
    }
}

pub fn set_cause(e: &Value, c: Value) {
    if let Some(d) = exc_data(e) {
        *lock(&d.cause) = c;
        d.suppress_context.store(true, Ordering::Relaxed);
    }
}

pub fn set_context(e: &Value, c: Value) {
    if let Some(d) = exc_data(e) {
        // Avoid cycles: don't link an exception into its own chain.
        let mut cur = c.clone();
        for _ in 0..100 {
            if cur.is(e) {
                return;
            }
            match exc_data(&cur) {
                Some(cd) => {
                    let next = lock(&cd.context).clone();
                    if next.is_none() {
                        break;
                    }
                    cur = next;
                }
                None => break,
            }
        }
        *lock(&d.context) = c;
    }
}

pub fn get_context(e: &Value) -> Value {
    exc_data(e).map(|d| lock(&d.context).clone()).unwrap_or(Value::None)
}

pub fn args_of(e: &Value) -> Vec<Value> {
    exc_data(e).map(|d| lock(&d.args).tuple_items().unwrap_or(&[]).to_vec()).unwrap_or_default()
}

/// Turn the operand of `raise` into an exception instance.
pub fn make_raisable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let base = types().exc("BaseException");
    if let Some(o) = v.obj() {
        if matches!(o.payload, Payload::Class(_)) {
            if ops::is_subclass(o, &base) {
                let inst = vm.call(&v, vec![])?;
                if !ops::isinstance_cls(&inst, &base) {
                    let r = ops::repr(vm, &v)?;
                    return Err(vm.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        r,
                        ops::type_name(&inst)
                    )));
                }
                return Ok(inst);
            }
            return Err(vm.type_error("exceptions must derive from BaseException"));
        }
    }
    if ops::isinstance_cls(&v, &base) {
        return Ok(v);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// `except ty:` matching (ty may be a class or a tuple of classes).
pub fn exception_matches(vm: &mut Vm, e: &Value, ty: &Value) -> PyResult<bool> {
    let base = types().exc("BaseException");
    if let Some(items) = ty.tuple_items() {
        for t in items.to_vec() {
            if ops::nested(vm, "", |vm| exception_matches(vm, e, &t))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match ty.obj() {
        Some(c) if matches!(c.payload, Payload::Class(_)) && ops::is_subclass(c, &base) => Ok(ops::isinstance_cls(e, c)),
        _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

pub fn stop_iteration_value(e: &Value) -> Value {
    args_of(e).into_iter().next().unwrap_or(Value::None)
}

/// str(first arg) without a VM (for rewriting messages).
pub fn exc_message(e: &Value) -> String {
    match args_of(e).first() {
        Some(a) => a.as_str().map(|s| s.to_string()).unwrap_or_default(),
        None => String::new(),
    }
}

/// str(exception), as BaseException.__str__ (and KeyError's repr rule).
pub fn exc_str(vm: &mut Vm, e: &Value) -> PyResult<String> {
    if ops::isinstance_cls(e, &types().exc("BaseExceptionGroup")) {
        return crate::vm::types::exc_group::group_str(vm, e);
    }
    let args = args_of(e);
    if args.len() >= 2 && ops::isinstance_cls(e, &types().exc("OSError")) {
        let s = ops::str_(vm, &args[1])?;
        return Ok(match args.get(2) {
            Some(f) => format!("[Errno {}] {}: {}", ops::str_(vm, &args[0])?, s, ops::repr(vm, f)?),
            None => format!("[Errno {}] {}", ops::str_(vm, &args[0])?, s),
        });
    }
    let is_key_error = ops::isinstance_cls(e, &types().exc("KeyError"));
    match args.len() {
        0 => Ok(String::new()),
        1 => {
            if is_key_error {
                ops::repr(vm, &args[0])
            } else {
                ops::str_(vm, &args[0])
            }
        }
        _ => ops::repr(vm, &Value::tuple(args)),
    }
}

/// Attributes of exception instances that live in ExcData.
pub fn exception_attr(_vm: &mut Vm, e: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(d) = exc_data(e) else { return Ok(None) };
    let first = || args_of(e).into_iter().next().unwrap_or(Value::None);
    Ok(match name {
        "args" => Some(lock(&d.args).clone()),
        "__cause__" => Some(lock(&d.cause).clone()),
        "__context__" => Some(lock(&d.context).clone()),
        "__suppress_context__" => Some(Value::Bool(d.suppress_context.load(Ordering::Relaxed))),
        "__traceback__" => Some(crate::vm::types::exceptions::traceback_object(e)),
        "value" if ops::isinstance_cls(e, &types().exc("StopIteration")) => Some(first()),
        "code" if ops::isinstance_cls(e, &types().exc("SystemExit")) => {
            let a = args_of(e);
            Some(match a.len() {
                0 => Value::None,
                1 => a[0].clone(),
                _ => Value::tuple(a),
            })
        }
        "errno" | "strerror" | "filename" if ops::isinstance_cls(e, &types().exc("OSError")) => {
            let a = args_of(e);
            Some(match name {
                "errno" if a.len() >= 2 => a[0].clone(),
                "strerror" if a.len() >= 2 => a[1].clone(),
                _ => Value::None,
            })
        }
        "msg" if ops::isinstance_cls(e, &types().exc("SyntaxError")) => Some(first()),
        "name" if ops::isinstance_cls(e, &types().exc("NameError")) || ops::isinstance_cls(e, &types().exc("AttributeError")) => {
            Some(Value::None)
        }
        "exceptions" if ops::isinstance_cls(e, &types().exc("BaseExceptionGroup")) => {
            Some(Value::tuple(crate::vm::types::exc_group::sub_exceptions(e)))
        }
        "message" if ops::isinstance_cls(e, &types().exc("BaseExceptionGroup")) => Some(first()),
        _ => None,
    })
}

/// The qualified class name used on the last traceback line.
pub fn exc_type_name(e: &Value) -> String {
    let cls = ops::class_of(e);
    let module = crate::vm::types::object::class_module(&cls);
    let qual = match &cls.payload {
        Payload::Class(c) => lock(&c.qualname).clone(),
        _ => "?".into(),
    };
    if module == "builtins" || module == "__main__" {
        qual
    } else {
        format!("{}.{}", module, qual)
    }
}

/// "Type: message" — the last line of a traceback.
pub fn format_exception_only(vm: &mut Vm, e: &Value) -> String {
    let name = exc_type_name(e);
    if ops::isinstance_cls(e, &types().exc("SyntaxError")) {
        return format_syntax_error(vm, e, &name);
    }
    let msg = match ops::str_(vm, e) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".into(),
    };
    let mut out = if msg.is_empty() { format!("{}\n", name) } else { format!("{}: {}\n", name, msg) };
    // PEP 678 notes follow the message, one per line.
    if let Value::Obj(o) = e {
        if let Some(notes) = o.dict.as_ref().and_then(|d| d.get_str("__notes__")) {
            for n in ops::iterate(vm, &notes).unwrap_or_default() {
                out.push_str(&ops::str_(vm, &n).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    out
}

fn format_syntax_error(vm: &mut Vm, e: &Value, name: &str) -> String {
    let a = args_of(e);
    let msg = a.first().and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_default();
    let mut out = String::new();
    if let Some(details) = a.get(1).and_then(|d| d.tuple_items().map(|t| t.to_vec())) {
        let file = details.first().and_then(|f| f.as_str().map(|s| s.to_string())).unwrap_or_else(|| "<string>".into());
        let line = match details.get(1) {
            Some(Value::Int(i)) => *i,
            _ => 0,
        };
        out.push_str(&format!("  File \"{}\", line {}\n", file, line));
        if let Some(text) = details.get(3).and_then(|t| t.as_str()) {
            let text = text.trim_end_matches(['\n', '\r']);
            let stripped = text.trim_start();
            let indent = text.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}\n", stripped));
            let offset = match details.get(2) {
                Some(Value::Int(i)) => *i as usize,
                _ => 0,
            };
            let end = match details.get(5) {
                Some(Value::Int(i)) => *i as usize,
                _ => offset + 1,
            };
            if offset > 0 {
                let start = offset.saturating_sub(1).saturating_sub(indent);
                let width = end.saturating_sub(offset).max(1);
                out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
            }
        }
    }
    let _ = vm;
    out.push_str(&format!("{}: {}\n", name, msg));
    out
}

/// The full traceback text of `e`, including its chained exceptions and,
/// for exception groups, their sub-exceptions in CPython's nested boxes.
pub fn format_exception(vm: &mut Vm, e: &Value) -> String {
    let mut ctx = PrintCtx { seen: Vec::new(), depth: 0, need_close: false, out: String::new() };
    format_chain(vm, e, &mut ctx);
    ctx.out
}

/// CPython's traceback printing state (traceback._ExceptionPrintContext).
struct PrintCtx {
    seen: Vec<usize>,
    /// Nesting of exception groups; each level indents by two columns.
    depth: usize,
    need_close: bool,
    out: String,
}

/// Sub-exceptions shown per group, and group nesting shown, as CPython.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Add `text`, every line prefixed with the indent and, inside a group,
    /// the margin ("| ", or "+ " for a top-level group's header).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

fn format_chain(vm: &mut Vm, e: &Value, ctx: &mut PrintCtx) {
    // The chain from `e` outwards to its causes/contexts, each with the
    // message that leads from its cause to it (traceback.TracebackException.format).
    let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
    let mut cur = Some(e.clone());
    while let Some(x) = cur.take() {
        ctx.seen.push(x.id());
        let mut msg = None;
        if let Some(d) = exc_data(&x) {
            let cause = lock(&d.cause).clone();
            let context = lock(&d.context).clone();
            if !cause.is_none() && !ctx.seen.contains(&cause.id()) {
                msg = Some("\nThe above exception was the direct cause of the following exception:\n\n");
                cur = Some(cause);
            } else if !context.is_none() && !d.suppress_context.load(Ordering::Relaxed) && !ctx.seen.contains(&context.id()) {
                msg = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
                cur = Some(context);
            }
        }
        chain.push((msg, x));
    }
    for (msg, x) in chain.into_iter().rev() {
        if let Some(m) = msg {
            ctx.emit(m, '|');
        }
        let tb = exc_data(&x).map(|d| lock(&d.traceback).clone()).unwrap_or_default();
        let subs = crate::vm::types::exc_group::sub_exceptions(&x);
        let is_group = ops::isinstance_cls(&x, &types().exc("BaseExceptionGroup"));
        if !is_group {
            if !tb.is_empty() {
                ctx.emit("Traceback (most recent call last):\n", '|');
                ctx.emit(&format_tb(&tb), '|');
            }
            let only = format_exception_only(vm, &x);
            ctx.emit(&only, '|');
        } else if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(&format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH), '|');
        } else {
            let toplevel = ctx.depth == 0;
            if toplevel {
                ctx.depth += 1;
            }
            if !tb.is_empty() {
                ctx.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
                ctx.emit(&format_tb(&tb), '|');
            }
            let only = format_exception_only(vm, &x);
            ctx.emit(&only, '|');
            let n = subs.len().min(MAX_GROUP_WIDTH + 1);
            ctx.need_close = false;
            for i in 0..n {
                let last = i == n - 1;
                if last {
                    ctx.need_close = true;
                }
                let truncated = i >= MAX_GROUP_WIDTH;
                let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
                let lead = if i == 0 { "+-" } else { "  " };
                ctx.out.push_str(&format!("{}{}+---------------- {} ----------------\n", ctx.indent(), lead, title));
                ctx.depth += 1;
                if !truncated {
                    format_chain(vm, &subs[i], ctx);
                } else {
                    let more = subs.len() - MAX_GROUP_WIDTH;
                    ctx.emit(&format!("and {} more exception{}\n", more, if more > 1 { "s" } else { "" }), '|');
                }
                if last && ctx.need_close {
                    ctx.out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
                    ctx.need_close = false;
                }
                ctx.depth -= 1;
            }
            if toplevel {
                ctx.depth = 0;
            }
        }
    }
}

/// The "File ..., line N, in f" lines, outermost first, collapsing repeats.
pub fn format_tb(tb: &[TbEntry]) -> String {
    let mut out = String::new();
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0usize;
    let flush_repeat = |out: &mut String, repeat: usize| {
        if repeat > 3 {
            let n = repeat - 3;
            out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
        }
    };
    for entry in tb.iter().rev() {
        let line = entry.code.line_of(entry.pc);
        let key = (entry.code.filename.to_string(), line, entry.code.name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
            if repeat > 3 {
                continue;
            }
        } else {
            flush_repeat(&mut out, repeat);
            repeat = 1;
            last = Some(key);
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.code.filename, line, entry.code.name));
        if let Some(src) = entry.code.source_line(line) {
            let s = src.trim();
            if !s.is_empty() {
                out.push_str(&format!("    {}\n", s));
            }
        }
    }
    flush_repeat(&mut out, repeat);
    out
}

/// Build a SyntaxError instance: msg, (filename, lineno, offset, text, end_lineno, end_offset).
pub fn syntax_error(cls_name: &str, msg: &str, filename: &str, line: u32, col: u32, text: &str, end_col: u32) -> Value {
    let details = Value::tuple(vec![
        Value::str(filename),
        Value::Int(line as i64),
        Value::Int(col as i64 + 1),
        Value::str(text),
        Value::Int(line as i64),
        Value::Int(end_col as i64 + 1),
    ]);
    new_exception(&types().exc(cls_name), vec![Value::str(msg), details])
}

/// Turn a Flow into its exception value (a suspension here is a VM bug).
pub fn flow_exc(vm: &Vm, f: Flow) -> Value {
    match f {
        Flow::Exc(e) => e,
        Flow::Suspend(_) => vm.new_exc(&types().exc("RuntimeError"), "blocking operation cannot suspend here"),
    }
}
