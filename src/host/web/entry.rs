//! What JS calls: `runProgram(source, options, onBatch)` runs one program in
//! the calling worker (the runner) and returns `{exitCode, batches}`;
//! `runStart`/`runStep` do the same in steps, so that the runner waits on
//! its event loop whenever the main thread (and, without SharedArrayBuffer,
//! every thread) waits; `requestStop()` stops the run (Ctrl+C);
//! `buildInfo()` says which build this is.

use super::WebHost;
use crate::host::Host;
use crate::runtime::{run_source, RunOptions};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// `window.spindle.run`'s options as they cross from JS.
#[derive(Deserialize, Default, Debug)]
#[serde(default, rename_all = "camelCase")]
pub struct JsRunOptions {
    pub gil: bool,
    pub timeout_ms: Option<f64>,
    pub start_method: Option<String>,
    pub stdin: Option<String>,
    pub filename: Option<String>,
    pub argv: Vec<String>,
    /// Cap on live threads (default 64).
    pub max_threads: Option<u32>,
    /// Cap on live processes of the run (default 16).
    pub max_processes: Option<u32>,
    /// What os.cpu_count() reports (default: navigator.hardwareConcurrency).
    pub cpu_count: Option<u32>,
    /// MemoryError past this many MiB in use (default 512).
    pub memory_limit_mb: Option<f64>,
}

impl JsRunOptions {
    pub fn into_run_options(self) -> RunOptions {
        let d = RunOptions::default();
        // `..d` keeps this compiling when the runtime adds options.
        RunOptions {
            gil: self.gil,
            timeout_ms: self.timeout_ms.filter(|t| *t > 0.0).map(|t| t as u64),
            start_method: self.start_method.unwrap_or_else(|| d.start_method.clone()),
            stdin: self.stdin.unwrap_or_default(),
            filename: self.filename.unwrap_or_else(|| d.filename.clone()),
            argv: self.argv,
            max_threads: self.max_threads.map(|n| n as usize).unwrap_or(d.max_threads),
            max_processes: self.max_processes.map(|n| n as usize).unwrap_or(d.max_processes),
            cpu_count: self.cpu_count.filter(|&n| n > 0).map(|n| n as usize),
            memory_limit: self.memory_limit_mb.filter(|&m| m > 0.0).map(|m| (m * 1048576.0) as usize),
            ..d
        }
    }
}

/// What `runProgram` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunResult {
    pub exit_code: i32,
    /// Number of output batches the run produced (seq 0..batches), so the page
    /// knows when it has them all (they may arrive through several channels).
    pub batches: u32,
}

/// Run `source` on this worker with `host`, flushing at the end.
pub fn run_with_host(source: &str, options: JsRunOptions, host: WebHost) -> RunResult {
    let opts = options.into_run_options();
    let outcome = run_source(source, &opts, Arc::new(host.clone()) as Arc<dyn Host>);
    host.flush();
    RunResult { exit_code: outcome.exit_code, batches: host.batches() }
}

/// Parse `runProgram`'s options (undefined or null: the defaults).
fn parse_options(options: JsValue) -> Result<JsRunOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(JsRunOptions::default())
    } else {
        Ok(serde_wasm_bindgen::from_value(options)?)
    }
}

/// The longest the stepped run waits on one timer: a stop request
/// (`requestStop`, a message to this worker) is seen within this long.
const MAX_IDLE_S: f64 = 0.05;
/// Waits shorter than this are spun (a timer's delay is clamped to 4 ms).
const MIN_TIMER_S: f64 = 0.004;

/// A run between `runStart`/`runStep` calls.
struct Stepped {
    main: crate::runtime::MainProgram,
    host: WebHost,
}

thread_local! {
    static STEPPED: std::cell::RefCell<Option<Stepped>> = const { std::cell::RefCell::new(None) };
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepResult {
    done: bool,
    exit_code: i32,
    batches: u32,
    /// When not done: call `runStep` again after this many milliseconds,
    wait_ms: f64,
    /// or as soon as the i32 at this byte address in the shared memory is no
    /// longer `wake_seen` (`Atomics.waitAsync`; 0: no such word, on the
    /// non-threaded build).
    wake_addr: u32,
    wake_seen: u32,
}

fn step_js(r: StepResult) -> Result<JsValue, JsValue> {
    Ok(r.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// The run has ended with `exit_code`: deliver its output, `{done: true, ...}`.
fn step_done(host: &WebHost, exit_code: i32) -> Result<JsValue, JsValue> {
    host.flush();
    super::clear_sink();
    step_js(StepResult { done: true, exit_code, batches: host.batches(), wait_ms: 0.0, wake_addr: 0, wake_seen: 0 })
}

/// Start a run, `runProgram`'s way. It returns `{done: false, waitMs}` as
/// soon as the threads the scheduler runs all wait (runtime/green.rs): the
/// main thread's asyncio loop with nothing ready, and, where threads
/// interleave on this worker (no SharedArrayBuffer), any sleep or lock too.
/// The runner then awaits a timer (and, with shared memory, the wake word)
/// on its event loop, where fetches complete too, and calls `runStep`. So
/// the worker never spins while a program sleeps, and reads its messages
/// (`requestStop`) meanwhile. Each call is synchronous, so a trap reaches the
/// runner's catch as with `runProgram`.
#[wasm_bindgen(js_name = runStart)]
pub fn run_start(source: &str, options: JsValue, on_batch: js_sys::Function) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    install_panic_hook();
    // Panics on other threads are reported as the run's internal error.
    crate::runtime::install_panic_hook();
    super::set_sink(on_batch);
    let host = WebHost::new();
    let opts = options.into_run_options();
    match crate::runtime::start_program(source, &opts, Arc::new(host.clone()) as Arc<dyn Host>) {
        Err(outcome) => step_done(&host, outcome.exit_code),
        Ok(mut main) => {
            let frame = main.frame.take().expect("main frame");
            crate::runtime::green::start_main(&mut main.vm, frame);
            STEPPED.with(|s| *s.borrow_mut() = Some(Stepped { main, host }));
            run_step()
        }
    }
}

/// Go on with the run `runStart` began: `{done: false, waitMs}` again, or
/// `{done: true, exitCode, batches}`.
#[wasm_bindgen(js_name = runStep)]
pub fn run_step() -> Result<JsValue, JsValue> {
    use crate::runtime::green::{self, Step};
    let Some(mut st) = STEPPED.with(|s| s.borrow_mut().take()) else {
        return Err(JsValue::from_str("runStep: no run in progress"));
    };
    loop {
        match green::advance(&mut st.main.vm) {
            Step::Done(code) => {
                let Stepped { main, host } = st;
                let outcome = crate::runtime::with_internal_error(&host, main.finish(code));
                return step_done(&host, outcome.exit_code);
            }
            Step::IdleUntil { until, seen } => {
                st.host.flush();
                let left = (until - st.host.monotonic()).min(MAX_IDLE_S);
                let wake = &st.main.vm.run.wake;
                if left < MIN_TIMER_S {
                    if st.host.can_block() {
                        wake.wait(seen, left);
                    } else {
                        st.host.sleep(left);
                    }
                    continue;
                }
                let wake_addr = if super::THREADED { wake.address() as u32 } else { 0 };
                STEPPED.with(|s| *s.borrow_mut() = Some(st));
                return step_js(StepResult { done: false, exit_code: 0, batches: 0, wait_ms: left * 1000.0, wake_addr, wake_seen: seen });
            }
        }
    }
}

/// Stop this instance's run, as Ctrl+C does (KeyboardInterrupt at the line
/// being executed). For a runner whose run waits on its event loop
/// (`runStep`); a busy one is stopped through the shared memory.
#[wasm_bindgen(js_name = requestStop)]
pub fn request_stop() {
    crate::runtime::STOP_REQUEST.store(1, std::sync::atomic::Ordering::Relaxed);
}

/// Report Rust panics (which trap in wasm) with their message: logged to the
/// console and kept in `globalThis.__spindleLastPanic` for the runner to show.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            web_sys::console::error_1(&JsValue::from_str(&msg));
            let _ = js_sys::Reflect::set(&js_sys::global(), &"__spindleLastPanic".into(), &JsValue::from_str(&msg));
        }));
    });
}

/// Run a whole program in this worker. `on_batch` receives output batches
/// `{seq, out: [[stream, text]...], trace: [...]}`; returns `{exitCode, batches}`.
#[wasm_bindgen(js_name = runProgram)]
pub fn run_program(source: &str, options: JsValue, on_batch: js_sys::Function) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    install_panic_hook();
    super::set_sink(on_batch);
    let res = run_with_host(source, options, WebHost::new());
    super::clear_sink();
    Ok(res.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Install the standard library (the bytes of `pkg/stdlib.bin`) in this
/// instance, before it runs anything: the wasm builds embed none of it
/// (`stdlib/frozen.rs`). Threads share their runner's; each process installs
/// its own. Installing again is a no-op.
#[wasm_bindgen(js_name = installStdlib)]
pub fn install_stdlib(blob: Vec<u8>) -> Result<(), JsValue> {
    crate::stdlib::frozen::install(blob).map(|_| ()).map_err(|e| JsValue::from_str(&e))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BuildInfo {
    threaded: bool,
    cross_origin_isolated: bool,
    version: &'static str,
    /// Where the page writes 1 to stop a run (`runtime::STOP_REQUEST`): a byte
    /// offset in the shared memory, so a worker that has the memory can
    /// stop a runner that is busy running Python.
    stop_address: u32,
}

/// `{threaded, crossOriginIsolated, version}` of this instance.
#[wasm_bindgen(js_name = buildInfo)]
pub fn build_info() -> Result<JsValue, JsValue> {
    Ok(BuildInfo {
        threaded: super::THREADED,
        cross_origin_isolated: super::js::cross_origin_isolated(),
        version: env!("CARGO_PKG_VERSION"),
        stop_address: &crate::runtime::STOP_REQUEST as *const _ as u32,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}
