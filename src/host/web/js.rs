//! The JS surface the web host uses: clocks, environment probes, the URL of
//! our own wasm-bindgen glue, and the worker helpers in `workers.js`.
//! Everything here works in a Window and in any (nested) Worker.

use js_sys::{Function, JsString, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(thread_local_v2, js_namespace = performance, js_name = timeOrigin)]
    static TIME_ORIGIN: f64;
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;

    // `import.meta.url` evaluated inside the wasm-bindgen glue module itself:
    // the URL a new worker imports to instantiate the same module.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MAIN_JS_URL: JsString;
}

#[wasm_bindgen(module = "/src/host/web/workers.js")]
extern "C" {
    /// Start this worker's thread spawner (or give it a new output port);
    /// resolves when it is ready.
    pub fn start_spawner(module: &JsValue, memory: &JsValue, main_js: &JsString, to_page: &JsValue) -> Promise;
    /// Start a worker that shares `memory` and runs the boxed closure at `ptr`.
    #[wasm_bindgen(catch)]
    pub fn spawn_thread_worker(module: &JsValue, memory: &JsValue, main_js: &JsString, ptr: u32, name: &str) -> Result<(), JsValue>;
    /// Start a worker with its own instance and fresh memory; returns a handle.
    #[wasm_bindgen(catch)]
    pub fn spawn_process_worker(module: &JsValue, main_js: &JsString, name: &str) -> Result<JsValue, JsValue>;
    /// Post `msg` to a process handle; resolves with the worker's reply.
    pub fn process_request(handle: &JsValue, msg: &JsValue) -> Promise;
    /// Terminate a process handle's worker.
    pub fn process_terminate(handle: &JsValue);
    /// A Promise resolved after `ms` milliseconds (setTimeout).
    pub fn sleep_promise(ms: f64) -> Promise;
    /// A blocking GET (synchronous XHR): `{status, bytes}` or `{error}`.
    pub fn fetch_sync(url: &str) -> JsValue;
    /// A GET with `fetch()`: a Promise of `{status, bytes}` or `{error}`.
    pub fn fetch_async(url: &str) -> Promise;
    /// Ask the spawner to start a Python process from the start message at
    /// `ptr` (`len` bytes); its exit code will be stored at `status_ptr`,
    /// after 1 is subtracted from the IPC counter `slots` (0: none).
    #[wasm_bindgen(catch)]
    pub fn spawn_py_process(ptr: u32, len: u32, status_ptr: u32, pid: u32, name: &str, slots: u32) -> Result<(), JsValue>;
    /// Ask the spawner to get a process worker ready before it is needed.
    pub fn prewarm_py_process();
    /// Ask the spawner to end a Python process (exit code -15).
    pub fn kill_py_process(pid: u32);
    /// IPC (see workers.js): allocate a channel (kind 1), counter (kind 2)
    /// or shared-memory segment (kind 3, `capacity` bytes).
    pub fn ipc_alloc(kind: u32, capacity: u32, value: i32) -> i32;
    pub fn ipc_chan_try_put(o: u32, data: &[u8]) -> i32;
    pub fn ipc_chan_try_get(o: u32) -> JsValue;
    pub fn ipc_chan_len(o: u32) -> i32;
    pub fn ipc_counter_add(o: u32, delta: i32) -> JsValue;
    pub fn ipc_counter_get(o: u32) -> JsValue;
    pub fn ipc_park(o: u32, ms: f64);
    /// A copy of `len` bytes of segment `o` from `off` (undefined: no such segment or range).
    pub fn ipc_seg_read(o: u32, off: u32, len: u32) -> JsValue;
    /// 1 when written, -1 when there is no such segment or range.
    pub fn ipc_seg_write(o: u32, off: u32, data: &[u8]) -> i32;
}

/// Milliseconds on a clock shared by every worker of the page
/// (`performance.timeOrigin + performance.now()`: each worker has its own origin).
pub fn shared_clock_ms() -> f64 {
    TIME_ORIGIN.with(|o| *o) + performance_now()
}

/// Milliseconds since the Unix epoch.
pub fn wall_ms() -> f64 {
    date_now()
}

/// The URL of the wasm-bindgen glue this module was loaded with.
pub fn main_js_url() -> JsString {
    MAIN_JS_URL.with(Clone::clone)
}

fn global_get(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `self.crossOriginIsolated`: SharedArrayBuffer may be shared with workers.
pub fn cross_origin_isolated() -> bool {
    global_get("crossOriginIsolated").as_bool().unwrap_or(false)
}

/// Whether we run in a Worker (where Atomics.wait is allowed), not a Window.
pub fn in_worker() -> bool {
    let g = js_sys::global();
    global_get("WorkerGlobalScope")
        .dyn_into::<Function>()
        .map(|ctor| g.is_instance_of_fn(&ctor))
        .unwrap_or(false)
}

trait InstanceOfFn {
    fn is_instance_of_fn(&self, ctor: &Function) -> bool;
}
impl InstanceOfFn for js_sys::Object {
    fn is_instance_of_fn(&self, ctor: &Function) -> bool {
        let v: &JsValue = self.as_ref();
        v.is_instance_of::<js_sys::Object>() && js_sys::Reflect::get(ctor, &"prototype".into())
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Object>().ok())
            .map(|p| p.is_prototype_of(v))
            .unwrap_or(false)
    }
}

/// `navigator.hardwareConcurrency` (1 when unknown).
pub fn hardware_concurrency() -> usize {
    let nav = global_get("navigator");
    js_sys::Reflect::get(&nav, &"hardwareConcurrency".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|n| n.max(1.0) as usize)
        .unwrap_or(1)
}
