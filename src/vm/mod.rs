//! The virtual machine: one `Vm` per Python thread, all sharing one `Run`.
//! This file holds the thread state, the calling convention and argument
//! binding; the opcode semantics are in `eval.rs`, object protocols in `ops.rs`.

pub mod builtins;
pub mod cache;
pub mod code;
pub mod dict;
pub mod eval;
pub mod exc;
pub mod format;
pub mod frame;
pub mod marshal;
pub mod ops;
pub mod spin;
pub mod types;
pub mod value;

use crate::runtime::Run;
use code::Code;
use dict::Dict;
use frame::{Frame, ReturnTo};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
pub use types::types;
use value::*;

/// Why Python execution stopped abnormally.
pub enum Flow {
    /// A Python exception (an exception instance).
    Exc(Value),
    /// A blocking operation that must suspend this thread's eval loop; the
    /// driver resumes it with the operation's result.
    Suspend(Box<crate::runtime::blocking::BlockOp>),
}

pub type PyResult<T = Value> = Result<T, Flow>;

/// Arguments of a call into Rust.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Value, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }
    pub fn len(&self) -> usize {
        self.pos.len()
    }
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
    /// Positional argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.pos.get(i)
    }
    /// A keyword argument by name (removing it).
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == Some(name))?;
        Some(self.kw.remove(i).1)
    }
    /// Positional `i` or keyword `name`.
    pub fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.pos.get(i).cloned()
    }
}

/// Intern a name: the same str object for the same text, so namespace lookups
/// usually succeed on pointer equality.
pub fn intern(s: &str) -> Value {
    static TABLE: OnceLock<Mutex<HashMap<String, Value>>> = OnceLock::new();
    let t = TABLE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut t = lock(t);
    if let Some(v) = t.get(s) {
        return v.clone();
    }
    let v = Value::str(s);
    t.insert(s.to_string(), v.clone());
    v
}

pub fn code_value(c: Arc<Code>) -> Value {
    Value::Obj(Obj::new(Payload::Code(c)))
}
pub fn complex_value(re: f64, im: f64) -> Value {
    Value::Obj(Obj::new(Payload::Complex(re, im)))
}
pub fn bytes_value(b: Vec<u8>) -> Value {
    Value::Obj(Obj::new(Payload::Bytes(b.into_boxed_slice())))
}
pub fn ellipsis() -> Value {
    types().ellipsis.clone()
}
pub fn not_implemented() -> Value {
    types().not_implemented.clone()
}
pub fn new_dict() -> Value {
    Value::Obj(Obj::new(Payload::Dict(Dict::new())))
}

/// The per-thread interpreter state.
pub struct Vm {
    pub frames: crate::vm::frame::FrameStack,
    /// Exceptions being handled (for bare `raise`, context chaining, sys.exc_info).
    pub exc_info: Vec<Value>,
    pub run: Arc<Run>,
    /// Nesting depth of Rust→Python calls on this thread.
    pub native_depth: u32,
    /// Instructions until the next stop/timeout check.
    pub tick: u32,
    /// The name of this thread's timeline lane.
    pub lane: String,
    /// The asyncio task this thread is stepping, if any (its output is
    /// tagged with the task's lane instead of the thread's).
    pub task_lane: Option<String>,
    /// Ids of containers being repr'd (to print [...] for cycles).
    pub repr_guard: Vec<usize>,
    /// Finished frames kept for reuse (no allocation per call).
    pub frame_pool: Vec<Box<Frame>>,
    /// This thread's LoadGlobal cache.
    pub global_cache: cache::GlobalCache,
    /// This thread's ident (`threading.get_ident()`).
    pub ident: u64,
    /// Run when the thread ends (releases `_thread._set_sentinel` locks).
    pub on_exit: Vec<Box<dyn FnOnce() + Send>>,
    /// Under the green scheduler (no SharedArrayBuffer): the native depth at
    /// which this thread's frames run, where a blocking call may suspend.
    pub green_depth: Option<u32>,
    /// Set by the eval loop's calls (`do_call`) for the builtin they invoke.
    pub(crate) direct_call: bool,
    /// True while a builtin runs that was called directly by bytecode at the
    /// green depth: it may return `Flow::Suspend`, and is resumed by pushing
    /// its result. Everything else must not suspend.
    pub suspendable: bool,
}

/// How many finished frames a thread keeps for reuse.
const FRAME_POOL: usize = 64;

/// Maximum nesting of Rust→Python calls (sort keys, __repr__, __eq__...).
/// Each level costs Rust stack; in the browser the runner's stack is 1 MiB
/// and thread workers' 2 MiB.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_NATIVE_DEPTH: u32 = 200;
#[cfg(target_arch = "wasm32")]
pub const MAX_NATIVE_DEPTH: u32 = 100;

impl Vm {
    /// The lane that output written now belongs to: the running task's, else
    /// the thread's.
    pub fn out_lane(&self) -> &str {
        self.task_lane.as_deref().unwrap_or(&self.lane)
    }

    /// The VM of a run's main thread.
    pub fn new(run: Arc<Run>, lane: &str) -> Vm {
        Vm::for_thread(run, lane, crate::runtime::threads::ident_of(0))
    }

    /// The VM of another thread of the run.
    pub fn for_thread(run: Arc<Run>, lane: &str, ident: u64) -> Vm {
        Vm {
            frames: Default::default(),
            exc_info: Vec::new(),
            run,
            native_depth: 0,
            tick: 0,
            lane: lane.to_string(),
            task_lane: None,
            repr_guard: Vec::new(),
            frame_pool: Vec::new(),
            global_cache: cache::GlobalCache::default(),
            ident,
            on_exit: Vec::new(),
            green_depth: None,
            direct_call: false,
            suspendable: false,
        }
    }

    /// MemoryError unless `bytes` more fit under the run's memory limit:
    /// checked before one big allocation whose size is known.
    pub fn reserve(&self, bytes: usize) -> PyResult<()> {
        if crate::runtime::memory::fits(bytes) {
            Ok(())
        } else {
            Err(Flow::Exc(exc::new_exception(&types().exc("MemoryError"), vec![])))
        }
    }

    /// Whether this is the run's main thread.
    pub fn is_main(&self) -> bool {
        self.ident == crate::runtime::threads::ident_of(0)
    }

    // ----- exceptions -----

    /// Create an exception instance of builtin class `cls` with message `msg`.
    pub fn new_exc(&self, cls: &ObjRef, msg: impl Into<String>) -> Value {
        exc::new_exception(cls, vec![Value::str(msg.into())])
    }
    pub fn err(&self, cls: &ObjRef, msg: impl Into<String>) -> Flow {
        Flow::Exc(self.new_exc(cls, msg))
    }
    pub fn type_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("TypeError"), msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("ValueError"), msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("IndexError"), msg)
    }
    pub fn attr_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("AttributeError"), msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("RuntimeError"), msg)
    }
    pub fn overflow_error(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("OverflowError"), msg)
    }
    pub fn zero_div(&self, msg: impl Into<String>) -> Flow {
        self.err(&types().exc("ZeroDivisionError"), msg)
    }
    pub fn key_error(&self, key: Value) -> Flow {
        Flow::Exc(exc::new_exception(&types().exc("KeyError"), vec![key]))
    }
    pub fn stop_iteration(&self, v: Value) -> Flow {
        let args = if v.is_none() { vec![] } else { vec![v] };
        Flow::Exc(exc::new_exception(&types().exc("StopIteration"), args))
    }
    /// Is `flow` an exception that is an instance of the named builtin class?
    pub fn is_exc(&self, flow: &Flow, name: &str) -> bool {
        match flow {
            Flow::Exc(e) => ops::isinstance_cls(e, &types().exc(name)),
            _ => false,
        }
    }

    // ----- calls -----

    /// Call any callable from Rust. Python functions run on a nested eval loop
    /// (bounded by MAX_NATIVE_DEPTH).
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult {
        self.call_args(f, Args::new(args))
    }

    pub fn call_args(&mut self, f: &Value, args: Args) -> PyResult {
        match self.prepare_call(f.clone(), args)? {
            Prepared::Done(v) => Ok(v),
            Prepared::Frame(frame) => self.run_frame(frame),
        }
    }

    /// Run a frame to completion on a nested loop and return its result.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        let base = self.frames.len();
        self.push_frame(frame)?;
        let r = self.run_loop(base);
        self.native_depth -= 1;
        match r {
            Ok(eval::Exit::Return(v)) => Ok(v),
            Ok(eval::Exit::Yield(_)) => Err(self.runtime_error("unexpected yield in a non-generator frame")),
            Err(e) => Err(e),
        }
    }

    /// Push a frame, enforcing the recursion limit.
    pub fn push_frame(&mut self, mut frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.run.recursion_limit() {
            return Err(self.err(&types().exc("RecursionError"), "maximum recursion depth exceeded"));
        }
        frame.exc_base = self.exc_info.len();
        self.frames.push(frame);
        Ok(())
    }

    /// Resolve a call into either a finished value or a frame to run.
    pub fn prepare_call(&mut self, f: Value, mut args: Args) -> PyResult<Prepared> {
        // Borrowed, not cloned: `f` owns the reference for the whole call.
        let obj = match &f {
            Value::Obj(o) => o,
            _ => return Err(self.type_error(format!("'{}' object is not callable", ops::type_name(&f)))),
        };
        match &obj.payload {
            Payload::Function(func) => {
                let frame = self.make_frame(obj, func, args)?;
                let code = &func.code;
                if code.flags.generator || code.flags.coroutine || code.flags.async_generator {
                    let kind = if code.flags.coroutine {
                        GenKind::Coroutine
                    } else if code.flags.async_generator {
                        GenKind::AsyncGenerator
                    } else {
                        GenKind::Generator
                    };
                    let name = lock(&func.name).clone();
                    let qualname = lock(&func.qualname).clone();
                    return Ok(Prepared::Done(types::generator::new_generator(kind, frame, name, qualname)));
                }
                Ok(Prepared::Frame(frame))
            }
            Payload::BoundMethod(recv, func) => {
                args.pos.insert(0, recv.clone());
                self.prepare_call(func.clone(), args)
            }
            Payload::Builtin(b) => {
                if let Some(recv) = &b.bound {
                    args.pos.insert(0, recv.clone());
                }
                if let Some(d) = &b.data {
                    args.pos.insert(0, d.clone());
                }
                let direct = std::mem::take(&mut self.direct_call);
                Ok(Prepared::Done(self.call_builtin(b.func, args, direct)?))
            }
            Payload::Class(_) => types::object::call_class(self, obj, args),
            _ => {
                // Instances with __call__.
                match ops::lookup_special(&f, "__call__") {
                    Some(call) => {
                        args.pos.insert(0, f.clone());
                        self.prepare_call(call, args)
                    }
                    None => Err(self.type_error(format!("'{}' object is not callable", ops::type_name(&f)))),
                }
            }
        }
    }

    /// Run a builtin's function. `direct` says bytecode called it, so at the
    /// green depth it may suspend (see `suspendable`).
    #[inline]
    pub(crate) fn call_builtin(&mut self, func: NativeFn, args: Args, direct: bool) -> PyResult<Value> {
        self.suspendable = direct && self.green_depth == Some(self.native_depth);
        let r = func(self, args);
        self.suspendable = false;
        r
    }

    /// A fresh frame, from the pool when possible.
    #[inline]
    pub fn alloc_frame(&mut self, code: &Arc<Code>, globals: &ObjRef) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code, globals);
                f
            }
            None => Box::new(Frame::new(code.clone(), globals.clone())),
        }
    }

    /// Return a finished frame to the pool.
    #[inline]
    pub fn free_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < FRAME_POOL {
            f.scrub();
            self.frame_pool.push(f);
        }
    }

    /// Build the frame for a Python function call, binding arguments the way
    /// CPython does (with its error messages).
    pub fn make_frame(&mut self, fobj: &ObjRef, func: &Function, args: Args) -> PyResult<Box<Frame>> {
        let code = &func.code;
        let mut frame = self.alloc_frame(&code, &func.globals);
        // Fast path: exact positional arity, no kwargs, no varargs.
        let nargs = code.argcount as usize;
        if args.kw.is_empty()
            && args.pos.len() == nargs
            && !code.flags.varargs
            && !code.flags.varkw
            && code.kwonlyargcount == 0
        {
            let mut pos = args.pos;
            crate::vm::frame::move_to_slots(&mut pos, 0, &mut frame.fast[..nargs]);
        } else {
            self.bind_args(fobj, func, &mut frame, args)?;
        }
        // Cells: own cells (some initialised from arguments), then the closure.
        if code.ncells() > 0 {
            let mut cells = Vec::with_capacity(code.ncells());
            for _ in 0..code.cellvars.len() {
                cells.push(Obj::new(Payload::Cell(Mutex::new(None))));
            }
            for &(ci, ai) in &code.cell_args {
                if let Payload::Cell(c) = &cells[ci as usize].payload {
                    *lock(c) = frame.fast[ai as usize].take();
                }
            }
            cells.extend(func.closure.iter().cloned());
            frame.cells = cells;
        }
        let _ = fobj;
        Ok(frame)
    }

    fn bind_args(&mut self, _fobj: &ObjRef, func: &Function, frame: &mut Frame, args: Args) -> PyResult<()> {
        let code = &func.code;
        let qual = lock(&func.qualname).clone();
        let nparams = code.argcount as usize;
        let nkwonly = code.kwonlyargcount as usize;
        let npos = args.pos.len();
        let mut extra = Vec::new();
        for (i, v) in args.pos.into_iter().enumerate() {
            if i < nparams {
                frame.fast[i] = Some(v);
            } else {
                extra.push(v);
            }
        }
        let varargs_idx = nparams + nkwonly;
        let varkw_idx = varargs_idx + code.flags.varargs as usize;
        if code.flags.varargs {
            frame.fast[varargs_idx] = Some(Value::tuple(extra));
        } else if !extra.is_empty() {
            let ndefaults = func.defaults.len();
            let given_kw_pos = args.kw.iter().filter(|(k, _)| code.varnames[..nparams].iter().any(|n| Some(n.as_str()) == k.as_str())).count();
            let takes = if ndefaults > 0 && ndefaults <= nparams {
                format!("from {} to {} positional arguments", nparams - ndefaults, nparams)
            } else {
                format!("{} positional argument{}", nparams, if nparams == 1 { "" } else { "s" })
            };
            let given = if given_kw_pos > 0 {
                format!(
                    "{} positional argument{} (and {} keyword-only argument{}) were given",
                    npos,
                    if npos == 1 { "" } else { "s" },
                    given_kw_pos,
                    if given_kw_pos == 1 { "" } else { "s" }
                )
            } else {
                format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
            };
            return Err(self.type_error(format!("{}() takes {} but {}", qual, takes, given)));
        }
        let kwdict = if code.flags.varkw { Some(Dict::new()) } else { None };
        let mut posonly_as_kw = Vec::new();
        for (k, v) in args.kw {
            let name = k.as_str().unwrap_or("");
            let idx = code.varnames[..nparams + nkwonly].iter().position(|n| n == name);
            match idx {
                Some(i) if i < code.posonlyargcount as usize => {
                    if let Some(d) = &kwdict {
                        d.set(self, k, v)?;
                    } else {
                        posonly_as_kw.push(name.to_string());
                    }
                }
                Some(i) => {
                    if frame.fast[i].is_some() {
                        return Err(self.type_error(format!("{}() got multiple values for argument '{}'", qual, name)));
                    }
                    frame.fast[i] = Some(v);
                }
                None => match &kwdict {
                    Some(d) => d.set(self, k, v)?,
                    None => {
                        return Err(self.type_error(format!("{}() got an unexpected keyword argument '{}'", qual, name)));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qual,
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwdict {
            frame.fast[varkw_idx] = Some(Value::Obj(Obj::new(Payload::Dict(d))));
        }
        // Defaults for missing positional parameters.
        let ndefaults = func.defaults.len();
        let first_default = nparams - ndefaults.min(nparams);
        let mut missing = Vec::new();
        for i in 0..nparams {
            if frame.fast[i].is_none() {
                if i >= first_default {
                    frame.fast[i] = Some(func.defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qual,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for i in nparams..nparams + nkwonly {
            if frame.fast[i].is_none() {
                let name = &code.varnames[i];
                match func.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => frame.fast[i] = Some(v.clone()),
                    None => missing_kw.push(name.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qual,
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                join_names(&missing_kw)
            )));
        }
        Ok(())
    }
}

/// 'a', 'a' and 'b', 'a', 'b', and 'c' — CPython's list of missing names.
fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// The result of resolving a call.
pub enum Prepared {
    Done(Value),
    Frame(Box<Frame>),
}

impl Prepared {
    pub fn with_return(self, ret: ReturnTo) -> Prepared {
        match self {
            Prepared::Frame(mut f) => {
                f.ret = ret;
                Prepared::Frame(f)
            }
            d => d,
        }
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        types::generator::discard_pending();
        cache::clear_type_cache();
    }
}

impl Vm {
    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        ops::eq(self, a, b)
    }
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        ops::hash(self, v)
    }
}
