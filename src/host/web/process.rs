//! Isolated "processes": a Web Worker that instantiates the same compiled
//! module with its own fresh memory. It shares nothing with its parent and
//! talks only by messages, answered by `spindle_process_entry`.

use super::js;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A marker in linear memory: a parent sets it, and a child (fresh memory)
/// must still see 0. Tests use it to prove the memories are separate.
pub static MEMORY_MARKER: AtomicU32 = AtomicU32::new(0);

/// A handle to a process worker.
pub struct Process {
    handle: JsValue,
}

/// Start a process worker running this module with a fresh memory.
pub fn spawn_process(name: &str) -> Result<Process, String> {
    js::spawn_process_worker(&wasm_bindgen::module(), &js::main_js_url(), name)
        .map(|handle| Process { handle })
        .map_err(|e| super::threads::describe(&e))
}

impl Process {
    /// Send `msg` and await the process's reply.
    pub async fn request(&self, msg: &JsValue) -> Result<JsValue, JsValue> {
        JsFuture::from(js::process_request(&self.handle, msg)).await
    }
    /// Forward the process's output batches to `f`.
    pub fn on_batch(&self, f: &js_sys::Function) {
        let _ = js_sys::Reflect::set(&self.handle, &"onBatch".into(), f);
    }
    /// End the worker (like SIGKILL).
    pub fn terminate(&self) {
        js::process_terminate(&self.handle);
    }
}

/// Messages a process worker understands.
#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
enum Request {
    /// Answer with `value` and facts about this instance.
    Ping { value: f64 },
    /// Run a program in this process, output batched through the sink.
    Run { source: String, #[serde(default)] options: super::entry::JsRunOptions },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pong {
    op: &'static str,
    value: f64,
    memory_marker: u32,
    threaded: bool,
}

/// Entry point of a process worker (called by workers.js, never by hand).
#[wasm_bindgen]
pub fn spindle_process_entry(msg: JsValue, sink: Option<js_sys::Function>) -> Result<JsValue, JsValue> {
    super::entry::install_panic_hook();
    let req: Request = serde_wasm_bindgen::from_value(msg)?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    match req {
        Request::Ping { value } => Ok(Pong {
            op: "pong",
            value,
            memory_marker: MEMORY_MARKER.load(Ordering::SeqCst),
            threaded: super::THREADED,
        }
        .serialize(&ser)?),
        Request::Run { source, options } => {
            if let Some(s) = sink {
                super::set_sink(s);
            }
            let res = super::entry::run_with_host(&source, options, super::WebHost::with_pid(2));
            super::clear_sink();
            Ok(res.serialize(&ser)?)
        }
    }
}

// ----- Python processes (multiprocessing) -----

/// The parent's handle of a Python process worker.
pub struct PyProcess {
    /// The start message; the spawner copies it when it receives the request.
    _start: Box<[u8]>,
    /// i32::MIN while running; the spawner stores the exit code (Atomics).
    status: Box<std::sync::atomic::AtomicI32>,
    pid: u32,
    name: String,
}

/// Start a Python process through this worker's spawner.
pub fn spawn_py(start: crate::host::ProcessStart) -> Result<std::sync::Arc<dyn crate::host::ProcessHandle>, String> {
    if !super::THREADED || !js::cross_origin_isolated() {
        return Err("processes need the threaded build on a cross-origin isolated page".into());
    }
    let bytes = crate::runtime::process::encode_start(&start).into_boxed_slice();
    let status = Box::new(std::sync::atomic::AtomicI32::new(i32::MIN));
    let status_ptr = &*status as *const std::sync::atomic::AtomicI32 as u32;
    let slots = u32::try_from(start.slots).map_err(|_| "bad process counter".to_string())?;
    js::spawn_py_process(bytes.as_ptr() as u32, bytes.len() as u32, status_ptr, start.pid, &start.name, slots)
        .map_err(|e| super::threads::describe(&e))?;
    Ok(std::sync::Arc::new(PyProcess { _start: bytes, status, pid: start.pid, name: start.name }))
}

impl crate::host::ProcessHandle for PyProcess {
    fn exitcode(&self) -> Option<i32> {
        let s = self.status.load(Ordering::SeqCst);
        (s != i32::MIN).then_some(s)
    }
    fn park(&self, secs: f64) {
        // The spawner's Atomics.notify wakes waiters on the status word; a
        // short sleep keeps this simple and join's latency around a millisecond.
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.clamp(0.0, 0.001)));
    }
    fn terminate(&self) {
        js::kill_py_process(self.pid);
    }
    fn pid(&self) -> u32 {
        self.pid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProcessResult {
    exit_code: i32,
    batches: u32,
}

/// Entry point of a Python process worker (called by workers.js): run the
/// process described by `start` (see runtime/process.rs), output through `sink`.
#[wasm_bindgen]
pub fn spindle_process_main(start: &[u8], sink: js_sys::Function) -> Result<JsValue, JsValue> {
    super::entry::install_panic_hook();
    let start = crate::runtime::process::decode_start(start).ok_or_else(|| JsValue::from_str("corrupt process start message"))?;
    super::set_sink(sink);
    let host = super::WebHost::with_pid(start.pid);
    let code = crate::runtime::process::child_main(start, std::sync::Arc::new(host.clone()), &|_| {});
    crate::host::Host::flush(&host);
    super::clear_sink();
    Ok(ProcessResult { exit_code: code, batches: host.batches() }.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Warm a prepared process worker before its start (called by workers.js):
/// run a throwaway program, as pid 0, that imports what a child imports. The
/// real start then finds this instance's memory grown and these code paths
/// already run once in this worker. It prints nothing and starts nothing.
#[wasm_bindgen]
pub fn spindle_process_warmup() {
    let host = super::WebHost::with_pid(0);
    let opts = crate::runtime::RunOptions { green: false, ..Default::default() };
    let src = "import pickle, threading, queue, collections, heapq, itertools\n\
               pickle.loads(pickle.dumps((1, 'a', [2.0], {'b': None})))\n";
    let _ = crate::runtime::run_source(src, &opts, std::sync::Arc::new(host));
}
