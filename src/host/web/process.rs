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
