//! What the three models share: the run's lifecycle, options and outcome,
//! blocking operations (one place for all of them), and the trace.

pub mod blocking;
pub mod deadlock;
pub mod gil;
pub mod green;
pub mod ipc;
pub mod memory;
pub mod process;
pub mod snapshot;
pub mod sync;
pub mod threads;
pub mod trace;
pub mod wake;

use crate::host::{Host, Stream};
use crate::vm::types::types;
use crate::vm::value::{lock, ObjRef, Value};
use crate::vm::{exc, Flow, Vm};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Options of one run, as given to `window.spindle.run(source, options)`.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Run threads under a simulated global interpreter lock.
    pub gil: bool,
    /// Stop the run after this many milliseconds.
    pub timeout_ms: Option<u64>,
    /// "fork" (default) or "spawn".
    pub start_method: String,
    /// What `input()` and `sys.stdin` read.
    pub stdin: String,
    /// Read stdin from the process's real stdin instead (the CLI), lazily.
    pub stdin_inherit: bool,
    /// The file name shown in tracebacks.
    pub filename: String,
    /// sys.argv (argv[0] as given on the command line); empty = [filename].
    pub argv: Vec<String>,
    /// Cap on live threads; `Thread.start()` past it raises RuntimeError.
    pub max_threads: usize,
    /// Cap on live processes of the run (all of them, children of children
    /// too, not counting the main one); `Process.start()` past it raises
    /// BlockingIOError, as fork() does at RLIMIT_NPROC.
    pub max_processes: usize,
    /// What `os.cpu_count()` reports (the default size of pools); None: the
    /// host's real count.
    pub cpu_count: Option<usize>,
    /// When the whole run started (`Host::monotonic`): a child process times
    /// its trace from its parent run's start, so that all lanes share one axis.
    pub clock_origin: Option<f64>,
    /// MemoryError past this many bytes in use (None: memory::DEFAULT_LIMIT).
    pub memory_limit: Option<usize>,
    /// Interleave threads on the calling thread (green threads), as the
    /// browser must without SharedArrayBuffer; forced natively for tests.
    pub green: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            gil: false,
            timeout_ms: None,
            start_method: "fork".into(),
            stdin: String::new(),
            stdin_inherit: false,
            filename: "<main>".into(),
            argv: Vec::new(),
            max_threads: threads::DEFAULT_MAX_THREADS,
            max_processes: process::DEFAULT_MAX_PROCESSES,
            cpu_count: None,
            clock_origin: None,
            memory_limit: None,
            green: false,
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    pub exit_code: i32,
}

/// State shared by every thread of one run.
pub struct Run {
    pub host: Arc<dyn Host>,
    pub opts: RunOptions,
    /// Set by stop() or the timeout; every thread raises KeyboardInterrupt.
    pub stop: AtomicBool,
    /// Monotonic time at which the run times out.
    pub deadline: Option<f64>,
    /// Monotonic time the run started.
    pub started: f64,
    recursion_limit: AtomicUsize,
    pub modules: Mutex<HashMap<String, Value>>,
    /// The builtins namespace (a dict object).
    pub builtins: ObjRef,
    stdin: Mutex<Option<std::collections::VecDeque<u8>>>,
    /// The simulated GIL (`gil: true` runs only).
    pub gil: Option<gil::Gil>,
    pub threads: threads::Threads,
    /// Waits without a timeout, for deadlock detection.
    pub deadlock: deadlock::Detector,
    /// Set once a deadlock has been reported: the run ends with exit code 1.
    pub deadlocked: AtomicBool,
    /// sys.getswitchinterval() (f64 bits), kept in free-threaded runs too.
    pub switch_interval_bits: std::sync::atomic::AtomicU64,
    /// Threads interleave on this worker (see green.rs).
    pub green: bool,
    /// Threads started but not yet adopted by the green scheduler.
    pub green_new: Mutex<Vec<green::NewThread>>,
    /// The green scheduler's current slice: start (f64 bits), and whether
    /// another thread is waiting for the worker.
    pub slice: green::Slice,
    /// The green threads not running right now.
    pub green_q: green::Queue,
    /// The main program's source and compiled code (a forked process
    /// compiles the same source and finds its functions' code in it).
    pub main: Mutex<Option<(Arc<str>, Arc<crate::vm::code::Code>)>>,
    /// Live child processes (their handles), for active_children and the end of the run.
    pub children: Mutex<Vec<Arc<dyn crate::host::ProcessHandle>>>,
    /// Set with `stop` when a parent terminates this process: its threads end
    /// quietly (SystemExit) and the exit code is -15, as after SIGTERM.
    pub terminated: AtomicBool,
    /// A spawned process is running its copy of the main module (starting a
    /// process then is CPython's bootstrapping RuntimeError).
    pub importing_main: AtomicBool,
    /// The IPC counter of the run's live processes, shared with every
    /// process of the run (0 until the first start; see process.rs).
    pub proc_slots: Mutex<u64>,
    /// Ends an idle scheduler's wait early (see wake.rs).
    pub wake: wake::Wake,
    /// `spindle.web`'s fetches in flight.
    pub fetches: Mutex<wake::Fetches>,
}

impl Run {
    pub fn new(host: Arc<dyn Host>, opts: RunOptions) -> Arc<Run> {
        crate::vm::types::init();
        #[cfg(target_arch = "wasm32")]
        crate::host::web::install_names();
        memory::set_limit(opts.memory_limit.unwrap_or(memory::DEFAULT_LIMIT));
        let started = opts.clock_origin.unwrap_or_else(|| host.monotonic());
        let deadline = opts.timeout_ms.map(|ms| started + ms as f64 / 1000.0);
        let stdin = if opts.stdin_inherit { None } else { Some(opts.stdin.bytes().collect()) };
        let green = green_threads(&opts, host.as_ref());
        Arc::new(Run {
            host,
            deadline,
            started,
            stop: AtomicBool::new(false),
            recursion_limit: AtomicUsize::new(1000),
            modules: Mutex::new(HashMap::new()),
            builtins: crate::vm::builtins::make_builtins(),
            stdin: Mutex::new(stdin),
            gil: if opts.gil { Some(gil::Gil::default()) } else { None },
            threads: threads::Threads::new(opts.max_threads),
            deadlock: deadlock::Detector::default(),
            deadlocked: AtomicBool::new(false),
            switch_interval_bits: std::sync::atomic::AtomicU64::new(0.005f64.to_bits()),
            green,
            green_new: Mutex::new(Vec::new()),
            slice: green::Slice::default(),
            green_q: green::Queue::default(),
            main: Mutex::new(None),
            children: Mutex::new(Vec::new()),
            terminated: AtomicBool::new(false),
            importing_main: AtomicBool::new(false),
            proc_slots: Mutex::new(0),
            wake: wake::Wake::default(),
            fetches: Mutex::new(wake::Fetches::default()),
            opts,
        })
    }
    /// End this run as SIGTERM ends a process.
    pub fn terminate(&self) {
        self.terminated.store(true, Ordering::Relaxed);
        self.stop.store(true, Ordering::Relaxed);
    }
    /// Whether the run was stopped or has timed out (then it latches stopped).
    pub fn stopped(&self) -> bool {
        if self.stop.load(Ordering::Relaxed) {
            return true;
        }
        if STOP_REQUEST.load(Ordering::Relaxed) != 0 || PANICKED.load(Ordering::Relaxed) {
            self.stop.store(true, Ordering::Relaxed);
            return true;
        }
        match self.deadline {
            Some(d) if self.host.monotonic() >= d => {
                self.stop.store(true, Ordering::Relaxed);
                true
            }
            _ => false,
        }
    }
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }
    pub fn set_recursion_limit(&self, n: usize) {
        self.recursion_limit.store(n, Ordering::Relaxed)
    }
    pub fn write(&self, stream: Stream, text: &str) {
        self.host.write(stream, text);
    }
    /// Write text printed on timeline lane `lane` (a thread or a task).
    pub fn write_from(&self, lane: &str, stream: Stream, text: &str) {
        self.host.write_from(stream, lane, text);
    }
    /// Record a timeline event on `lane`.
    pub fn trace(&self, lane: &str, kind: &str, detail: &str) {
        let t = (self.host.monotonic() - self.started) * 1000.0;
        self.host.trace(trace::TraceEvent { t, lane: lane.to_string(), kind: kind.to_string(), detail: detail.to_string() });
    }
    /// One line of stdin (with its newline), or None at end of input.
    pub fn read_line(&self) -> Option<String> {
        let mut st = lock(&self.stdin);
        if st.is_none() {
            // The browser has no process stdin: only opts.stdin, read above.
            #[cfg(target_arch = "wasm32")]
            let all: Vec<u8> = Vec::new();
            #[cfg(not(target_arch = "wasm32"))]
            let all = {
                use std::io::Read;
                let mut all = Vec::new();
                let _ = std::io::stdin().read_to_end(&mut all);
                all
            };
            *st = Some(all.into_iter().collect());
        }
        let buf = st.as_mut().unwrap();
        if buf.is_empty() {
            return None;
        }
        let mut line = Vec::new();
        while let Some(b) = buf.pop_front() {
            line.push(b);
            if b == b'\n' {
                break;
            }
        }
        Some(String::from_utf8_lossy(&line).to_string())
    }
    /// Everything left on stdin.
    pub fn read_all(&self) -> String {
        let mut out = String::new();
        while let Some(l) = self.read_line() {
            out.push_str(&l);
        }
        out
    }
}

/// A Rust panic on any thread of the instance: a bug in Spindle. The first
/// one's message; the run stops at once and ends as an internal error.
static INTERNAL_ERROR: Mutex<Option<String>> = Mutex::new(None);
static PANICKED: AtomicBool = AtomicBool::new(false);

/// What an internal error tells the user besides the panic message.
pub const REPORT_HINT: &str =
    "This is a bug in Spindle, not in your program. Please report it, with the program that caused it.";

/// The exit code of a run that ended with an internal error (EX_SOFTWARE).
pub const INTERNAL_ERROR_EXIT: i32 = 70;

/// Record panics (on any thread) before the platform's hook reports them.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut e) = INTERNAL_ERROR.try_lock() {
                e.get_or_insert_with(|| info.to_string());
            }
            PANICKED.store(true, Ordering::Relaxed);
            previous(info);
        }));
    });
}

/// The message of the panic that ended the run, if any.
pub fn internal_error() -> Option<String> {
    if !PANICKED.load(Ordering::Relaxed) {
        return None;
    }
    Some(lock(&INTERNAL_ERROR).clone().unwrap_or_else(|| "a panic".into()))
}

/// A stop request from outside the instance: the page writes 1 here (with
/// Atomics, through a worker that shares the memory) while the run's own
/// threads are busy. Every run of the instance then stops, as with `stop`.
pub static STOP_REQUEST: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Whether a run with `opts` on `host` interleaves its threads on the calling
/// thread (green.rs) instead of giving each its own OS thread or worker.
pub fn green_threads(opts: &RunOptions, host: &dyn Host) -> bool {
    opts.green || !host.can_block()
}

/// Run a whole program: compile `source` as `__main__` and execute it on the
/// calling thread, writing output and trace events to `host`.
pub fn run_source(source: &str, opts: &RunOptions, host: Arc<dyn Host>) -> RunOutcome {
    install_panic_hook();
    // A panic on this thread unwinds to here natively (wasm aborts, and the
    // runner worker reports it); one on another thread stops the run.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_program(source, opts, host.clone())));
    let outcome = outcome.unwrap_or(RunOutcome { exit_code: INTERNAL_ERROR_EXIT });
    with_internal_error(host.as_ref(), outcome)
}

/// A run's outcome, after reporting a panic on another of its threads.
pub fn with_internal_error(host: &dyn Host, mut outcome: RunOutcome) -> RunOutcome {
    if let Some(msg) = internal_error() {
        host.write(Stream::Stderr, &format!("spindle internal error: {msg}\n{REPORT_HINT}\n"));
        host.flush();
        outcome.exit_code = INTERNAL_ERROR_EXIT;
    }
    outcome
}

fn run_program(source: &str, opts: &RunOptions, host: Arc<dyn Host>) -> RunOutcome {
    let mut main = match start_program(source, opts, host) {
        Ok(m) => m,
        Err(outcome) => return outcome,
    };
    // The main thread always runs under the scheduler (green.rs), so that
    // its asyncio loop idles on the host's event loop; with real threads, the
    // others run on their own OS threads or workers.
    let exit_code = green::run_main(&mut main.vm, main.frame.take().expect("main frame"));
    main.finish(exit_code)
}

/// A program set up to run: its main thread's Vm and, until it starts, the
/// main module's frame.
pub struct MainProgram {
    pub vm: Vm,
    pub frame: Option<Box<crate::vm::frame::Frame>>,
}

/// Compile `source` as `__main__` and set up its run; Err when it ends
/// before running (a SyntaxError, reported).
pub fn start_program(source: &str, opts: &RunOptions, host: Arc<dyn Host>) -> Result<MainProgram, RunOutcome> {
    let run = Run::new(host.clone(), opts.clone());
    let mut vm = Vm::new(run.clone(), "main");
    run.trace("main", "start", "");
    let code = match crate::syntax::compile_source(source, &opts.filename) {
        Ok(c) => c,
        Err(e) => {
            let text = exc::format_exception(&mut vm, &e);
            run.write(Stream::Stderr, &text);
            host.flush();
            return Err(RunOutcome { exit_code: 1 });
        }
    };
    *lock(&run.main) = Some((Arc::from(source), code.clone()));
    let module = crate::stdlib::new_module("__main__");
    let globals = crate::stdlib::module_dict(&module);
    crate::vm::eval::ns_dict(&globals).set_str("__builtins__", Value::Obj(run.builtins.clone()));
    crate::vm::eval::ns_dict(&globals).set_str("__file__", Value::str(opts.filename.as_str()));
    lock(&run.modules).insert("__main__".into(), module);
    let frame = crate::vm::eval::new_frame_for_module(code, globals);
    if let Some(g) = &run.gil {
        g.take(&vm);
    }
    Ok(MainProgram { vm, frame: Some(frame) })
}

impl MainProgram {
    /// After the main module (and its finalization) ended with `exit_code`.
    pub fn finish(self, exit_code: i32) -> RunOutcome {
        let run = self.vm.run.clone();
        run.trace("main", "end", &exit_code.to_string());
        if let Some(g) = &run.gil {
            g.drop_lock(&self.vm);
        }
        // Daemon threads still running end at their next check; child processes
        // still running (a stopped run) are terminated.
        run.stop.store(true, Ordering::Relaxed);
        process::end_children(&run);
        run.host.flush();
        RunOutcome { exit_code }
    }
}

/// What ends a program that was not stopped, as CPython's finalization:
/// `multiprocessing.process._finalize` if it imported multiprocessing (it
/// joins non-daemon threads, terminates daemonic children and joins the
/// others), else `threading._shutdown` if it imported threading.
pub fn shutdown_hook(vm: &Vm) -> Option<Value> {
    if vm.run.stopped() {
        return None;
    }
    let modules = lock(&vm.run.modules);
    let (module, name) = if modules.contains_key("multiprocessing.process") {
        ("multiprocessing.process", "_finalize")
    } else {
        ("threading", "_shutdown")
    };
    let m = modules.get(module)?.clone();
    drop(modules);
    crate::vm::eval::ns_dict(&crate::stdlib::module_dict(&m)).get_str(name)
}

/// Hand an uncaught exception to `sys.excepthook` (when the program imported
/// sys; the default hook writes to the current `sys.stderr`). If the hook
/// fails, both tracebacks go to the process's stderr, as in CPython.
fn report_with_excepthook(vm: &mut Vm, e: &Value) {
    let sys = lock(&vm.run.modules).get("sys").cloned();
    let hook = sys.and_then(|m| crate::vm::eval::ns_dict(&crate::stdlib::module_dict(&m)).get_str("excepthook"));
    let Some(hook) = hook else {
        let text = exc::format_exception(vm, e);
        vm.run.write(Stream::Stderr, &text);
        return;
    };
    let args = vec![Value::Obj(crate::vm::ops::class_of(e)), e.clone(), crate::vm::types::exceptions::traceback_object(e)];
    if let Err(flow) = vm.call(&hook, args) {
        let he = exc::flow_exc(vm, flow);
        let mut text = String::new();
        if crate::stdlib::sys::is_default_excepthook(&hook) {
            // The default hook failed writing to a broken sys.stderr.
            text.push_str("Exception ignored in sys.excepthook:\n");
        } else {
            text.push_str("Error in sys.excepthook:\n");
        }
        text.push_str(&exc::format_exception(vm, &he));
        text.push_str("\nOriginal exception was:\n");
        text.push_str(&exc::format_exception(vm, e));
        vm.run.write(Stream::Stderr, &text);
    }
}

/// Print an uncaught exception the way CPython does and return the exit code.
pub fn report_uncaught(vm: &mut Vm, flow: Flow) -> i32 {
    let e = exc::flow_exc(vm, flow);
    let t = types();
    if crate::vm::ops::isinstance_cls(&e, &t.exc("SystemExit")) {
        let args = exc::args_of(&e);
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => Value::tuple(args),
        };
        return match &code {
            Value::None => 0,
            Value::Int(i) => (*i & 0xff) as i32,
            Value::Bool(b) => *b as i32,
            _ => {
                let s = crate::vm::ops::str_(vm, &code).unwrap_or_default();
                if crate::stdlib::sys::write_stderr(vm, &format!("{}\n", s)).is_err() {
                    vm.run.write(Stream::Stderr, &format!("{}\n", s));
                }
                1
            }
        };
    }
    report_with_excepthook(vm, &e);
    if crate::vm::ops::isinstance_cls(&e, &t.exc("KeyboardInterrupt")) {
        130
    } else {
        1
    }
}
