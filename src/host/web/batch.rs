//! Output and trace batching: writes from every thread of a run go into one
//! buffer in (shared) wasm memory; a worker that owns a JS sink takes the whole
//! buffer as one numbered batch. Never one postMessage per print.

use crate::host::Stream;
use crate::runtime::trace::TraceEvent;
use serde::Serialize;
use std::cell::RefCell;
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

/// Flush when this many bytes of text are pending...
pub const MAX_PENDING_BYTES: usize = 64 * 1024;
/// ...or this many trace events...
pub const MAX_PENDING_EVENTS: usize = 4096;
/// ...or when the oldest pending item is older than this (checked on write).
pub const MAX_PENDING_MS: f64 = 50.0;

thread_local! {
    // The JS function this worker delivers batches to (runner: the runner's
    // postMessage wrapper; thread worker: its port to the page). Per worker.
    static SINK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Install the batch sink of the current worker.
pub fn set_sink(f: js_sys::Function) {
    SINK.with(|s| *s.borrow_mut() = Some(f));
}

/// Remove the batch sink of the current worker.
pub fn clear_sink() {
    SINK.with(|s| *s.borrow_mut() = None);
}

fn has_sink() -> bool {
    SINK.with(|s| s.borrow().is_some())
}

/// What is waiting to be delivered.
#[derive(Default)]
pub struct Pending {
    /// (stream, lane of the writer, text); "" is the process's own output.
    chunks: Vec<(Stream, String, String)>,
    bytes: usize,
    trace: Vec<TraceEvent>,
    /// Clock (ms) of the oldest pending item, if any.
    since: Option<f64>,
    /// Number of batches handed out so far (the next batch's seq).
    seq: u32,
}

/// One batch as JS sees it: `{seq, out: [[stream, text, lane], ...], trace: [...]}`.
#[derive(Serialize)]
pub struct Batch {
    pub seq: u32,
    pub out: Vec<(&'static str, String, String)>,
    pub trace: Vec<TraceEvent>,
}

/// The shared buffer of one run.
#[derive(Default)]
pub struct Batcher {
    pending: Mutex<Pending>,
}

impl Batcher {
    /// Append text written from `lane`; consecutive writes to one stream
    /// from one lane are coalesced. Returns true when a threshold says "flush now".
    pub fn write(&self, stream: Stream, lane: &str, text: &str, now_ms: f64) -> bool {
        let mut p = self.pending.lock().unwrap();
        match p.chunks.last_mut() {
            Some((s, l, t)) if *s == stream && l == lane => t.push_str(text),
            _ => p.chunks.push((stream, lane.to_string(), text.to_string())),
        }
        p.bytes += text.len();
        p.since.get_or_insert(now_ms);
        Self::due(&p, now_ms)
    }

    /// Append a trace event. Returns true when a threshold says "flush now".
    pub fn trace(&self, ev: TraceEvent, now_ms: f64) -> bool {
        let mut p = self.pending.lock().unwrap();
        p.trace.push(ev);
        p.since.get_or_insert(now_ms);
        Self::due(&p, now_ms)
    }

    /// Whether pending output has waited longer than MAX_PENDING_MS.
    pub fn stale(&self, now_ms: f64) -> bool {
        let p = self.pending.lock().unwrap();
        p.since.map(|s| now_ms - s >= MAX_PENDING_MS).unwrap_or(false)
    }

    fn due(p: &Pending, now_ms: f64) -> bool {
        p.bytes >= MAX_PENDING_BYTES
            || p.trace.len() >= MAX_PENDING_EVENTS
            || p.since.map(|s| now_ms - s >= MAX_PENDING_MS).unwrap_or(false)
    }

    /// Take everything pending as one numbered batch (None when empty).
    pub fn take(&self) -> Option<Batch> {
        let mut p = self.pending.lock().unwrap();
        if p.chunks.is_empty() && p.trace.is_empty() {
            return None;
        }
        let seq = p.seq;
        p.seq += 1;
        p.bytes = 0;
        p.since = None;
        let out = std::mem::take(&mut p.chunks)
            .into_iter()
            .map(|(s, l, t)| (if s == Stream::Stdout { "stdout" } else { "stderr" }, t, l))
            .collect();
        Some(Batch { seq, out, trace: std::mem::take(&mut p.trace) })
    }

    /// `take` without waiting: None if the buffer is locked (after a trap).
    pub fn try_take(&self) -> Option<Batch> {
        if self.pending.try_lock().is_err() {
            return None;
        }
        self.take()
    }

    /// Number of batches handed out so far.
    pub fn batches(&self) -> u32 {
        self.pending.lock().unwrap().seq
    }

    /// Deliver pending output through this worker's sink, if it has one.
    /// Workers without a sink leave the buffer for one that has.
    pub fn flush(&self) {
        if !has_sink() {
            return;
        }
        let Some(batch) = self.take() else { return };
        let js = match batch.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
            Ok(v) => v,
            Err(e) => JsValue::from_str(&format!("spindle: batch conversion failed: {e}")),
        };
        SINK.with(|s| {
            if let Some(f) = s.borrow().as_ref() {
                let _ = f.call1(&JsValue::NULL, &js);
            }
        });
    }
}
