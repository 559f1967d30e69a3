//! `WebHost`: the `Host` of a run in the browser. Clocks come from JS, output
//! and trace events are batched (see `batch`), threads are Web Workers sharing
//! the wasm memory (see `threads`).

use super::batch::{Batch, Batcher};
use super::js;
use crate::host::{Host, Stream};
use crate::runtime::trace::TraceEvent;
use std::sync::Arc;

/// The host of one run. Cheap to clone; every thread of the run shares it.
#[derive(Clone)]
pub struct WebHost {
    inner: Arc<Inner>,
}

struct Inner {
    /// Shared clock (ms) when the run started.
    t0_ms: f64,
    batcher: Batcher,
    can_block: bool,
    cpus: usize,
    pid: u32,
}

/// The latest run's host in this instance, for `salvage_output` after a trap.
static LAST: std::sync::Mutex<Option<std::sync::Weak<Inner>>> = std::sync::Mutex::new(None);

/// Output a run had not delivered when its worker trapped (a panic aborts
/// the wasm code, not the memory): the runner takes it afterwards, so
/// nothing printed is lost. Never blocks (a trap may have left a lock held).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = salvageOutput)]
pub fn salvage_output() -> wasm_bindgen::JsValue {
    use serde::Serialize;
    let inner = match LAST.try_lock() {
        Ok(g) => g.as_ref().and_then(|w| w.upgrade()),
        Err(_) => None,
    };
    let batch = inner.and_then(|i| i.batcher.try_take());
    match batch {
        Some(b) => b.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED),
        None => wasm_bindgen::JsValue::UNDEFINED,
    }
}

impl WebHost {
    /// A host for a run started now, in this worker.
    pub fn new() -> Self {
        Self::with_pid(1)
    }

    /// A host whose `os.getpid()` is `pid` (process workers get their own).
    pub fn with_pid(pid: u32) -> Self {
        let can_block = super::THREADED && js::in_worker() && js::cross_origin_isolated();
        let inner = Arc::new(Inner {
            t0_ms: js::shared_clock_ms(),
            batcher: Batcher::default(),
            can_block,
            cpus: js::hardware_concurrency(),
            pid,
        });
        if let Ok(mut last) = LAST.lock() {
            *last = Some(Arc::downgrade(&inner));
        }
        WebHost { inner }
    }

    /// Milliseconds since the run started (the trace's time base).
    pub fn elapsed_ms(&self) -> f64 {
        js::shared_clock_ms() - self.inner.t0_ms
    }

    /// Number of batches delivered (or taken) so far.
    pub fn batches(&self) -> u32 {
        self.inner.batcher.batches()
    }

    /// Take pending output directly, bypassing the sink (tests, tools).
    pub fn take_batch(&self) -> Option<Batch> {
        self.inner.batcher.take()
    }
}

impl Default for WebHost {
    fn default() -> Self {
        Self::new()
    }
}

impl Host for WebHost {
    fn write(&self, stream: Stream, text: &str) {
        self.write_from(stream, "", text)
    }

    fn write_from(&self, stream: Stream, lane: &str, text: &str) {
        if self.inner.batcher.write(stream, lane, text, js::shared_clock_ms()) {
            self.flush();
        }
    }

    fn flush(&self) {
        self.inner.batcher.flush();
    }

    fn poll(&self) {
        if self.inner.batcher.stale(js::shared_clock_ms()) {
            self.flush();
        }
    }

    fn monotonic(&self) -> f64 {
        js::shared_clock_ms() / 1000.0
    }

    fn wall_time(&self) -> f64 {
        js::wall_ms() / 1000.0
    }

    fn can_block(&self) -> bool {
        self.inner.can_block
    }

    fn sleep(&self, secs: f64) {
        // Deliver what was printed before going quiet.
        self.flush();
        if secs <= 0.0 {
            return;
        }
        if self.inner.can_block {
            // With atomics, std's sleep is memory.atomic.wait32 with a timeout.
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        } else {
            // Not reachable by contract (callers check can_block), but never hang:
            // spin on the clock.
            let end = js::shared_clock_ms() + secs * 1000.0;
            while js::shared_clock_ms() < end {}
        }
    }

    fn spawn_thread(&self, name: &str, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), String> {
        super::threads::spawn(name, f)
    }

    fn cpu_count(&self) -> usize {
        self.inner.cpus
    }

    fn trace(&self, ev: TraceEvent) {
        if self.inner.batcher.trace(ev, js::shared_clock_ms()) {
            self.flush();
        }
    }

    fn pid(&self) -> u32 {
        self.inner.pid
    }

    fn spawn_process(self: Arc<Self>, start: crate::host::ProcessStart) -> Result<Arc<dyn crate::host::ProcessHandle>, String> {
        self.flush();
        super::process::spawn_py(start)
    }

    fn prepare_process(&self) {
        if super::THREADED && js::cross_origin_isolated() {
            js::prewarm_py_process();
        }
    }

    fn ipc(&self) -> Arc<dyn crate::host::Ipc> {
        if self.inner.can_block {
            Arc::new(super::ipc::WebIpc)
        } else {
            Arc::new(super::ipc::LocalIpc(crate::runtime::ipc::native()))
        }
    }

    fn fetch(&self, url: &str) -> Result<(u16, Vec<u8>), String> {
        self.flush();
        fetch_outcome(&js::fetch_sync(url))
    }

    /// A JS `fetch()` promise, awaited on this worker's event loop (the runner
    /// returns to it whenever the program's threads all wait).
    fn fetch_start(self: Arc<Self>, url: &str, done: crate::host::FetchDone) -> bool {
        let promise = js::fetch_async(url);
        wasm_bindgen_futures::spawn_local(async move {
            let r = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap_or_else(|e| e);
            done(fetch_outcome(&r));
        });
        true
    }
}

/// `{status, bytes}` or `{error}` (workers.js's fetch helpers) as a result.
fn fetch_outcome(r: &wasm_bindgen::JsValue) -> Result<(u16, Vec<u8>), String> {
    let get = |k: &str| js_sys::Reflect::get(r, &k.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    if let Some(e) = get("error").as_string() {
        return Err(e);
    }
    let status = get("status").as_f64().unwrap_or(0.0) as u16;
    let bytes = js_sys::Uint8Array::new(&get("bytes")).to_vec();
    Ok((status, bytes))
}
