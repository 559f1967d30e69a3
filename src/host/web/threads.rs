//! Shared-memory threads: `spawn` posts this module (`wasm_bindgen::module()`)
//! and its shared memory (`wasm_bindgen::memory()`) to a new Web Worker, which
//! instantiates them and calls `spindle_thread_entry` with a boxed closure.

use super::js;
use wasm_bindgen::prelude::*;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Run `f` on a new Web Worker sharing this module's memory.
/// Needs the threaded build and a cross-origin isolated page.
pub fn spawn(name: &str, f: Job) -> Result<(), String> {
    if !super::THREADED {
        return Err("threads need the threaded build (a cross-origin isolated page)".into());
    }
    if !js::cross_origin_isolated() {
        return Err("threads need a cross-origin isolated page (COOP/COEP headers)".into());
    }
    // Double box: a thin pointer fits in a u32 across the JS boundary.
    let ptr = Box::into_raw(Box::new(f)) as u32;
    let res = js::spawn_thread_worker(&wasm_bindgen::module(), &wasm_bindgen::memory(), &js::main_js_url(), ptr, name);
    if let Err(e) = res {
        // The worker never got the pointer: reclaim the closure.
        drop(unsafe { Box::from_raw(ptr as *mut Job) });
        return Err(format!("could not start a worker: {}", describe(&e)));
    }
    Ok(())
}

/// Start the thread spawner of this worker: a small worker that never blocks
/// and creates thread workers on request (Chromium does not start a worker
/// whose creator blocks before yielding). Await it before running anything
/// that may spawn and then block. `to_page` (a MessagePort, optional) receives
/// the output batches of the threads. A no-op in the non-threaded build.
#[wasm_bindgen(js_name = startThreads)]
pub fn start_threads(to_page: JsValue) -> js_sys::Promise {
    if !super::THREADED || !js::cross_origin_isolated() {
        return js_sys::Promise::resolve(&JsValue::UNDEFINED);
    }
    js::start_spawner(&wasm_bindgen::module(), &wasm_bindgen::memory(), &js::main_js_url(), &to_page)
}

/// Await `start_threads` from Rust (tests).
pub async fn start_threads_async() -> Result<(), JsValue> {
    wasm_bindgen_futures::JsFuture::from(start_threads(JsValue::UNDEFINED)).await.map(|_| ())
}

/// Entry point of a thread worker (called by workers.js, never by hand).
/// `sink`, when given, receives this worker's output batches.
#[wasm_bindgen]
pub fn spindle_thread_entry(ptr: u32, sink: Option<js_sys::Function>) {
    super::entry::install_panic_hook();
    if let Some(s) = sink {
        super::set_sink(s);
    }
    // SAFETY: `ptr` came from Box::into_raw in `spawn` and is consumed once.
    let f = unsafe { Box::from_raw(ptr as *mut Job) };
    f();
}

pub(crate) fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}
