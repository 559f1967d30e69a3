//! The platform behind one trait. The VM and runtime talk to the outside world
//! (output, clock, spawning threads) only through `Host`; `native` backs it with
//! std for the CLI and tests, `web` (wasm only) with Web Workers and JS.

pub mod native;
#[cfg(target_arch = "wasm32")]
pub mod web;

use crate::runtime::trace::TraceEvent;

/// Which output stream a write goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Everything the interpreter needs from the platform it runs on.
/// Implementations must be cheap to call from any thread of the run.
pub trait Host: Send + Sync {
    /// Write text to stdout or stderr. Hosts buffer and batch; see `flush`.
    fn write(&self, stream: Stream, text: &str);
    /// Push buffered output (and trace events) to the consumer now.
    fn flush(&self) {}
    /// Monotonic clock in seconds (arbitrary origin).
    fn monotonic(&self) -> f64;
    /// Wall clock: seconds since the Unix epoch.
    fn wall_time(&self) -> f64;
    /// Whether this worker may block (Atomics.wait / OS sleep). False on the
    /// browser fallback without SharedArrayBuffer, where blocking operations
    /// must suspend the eval loop instead.
    fn can_block(&self) -> bool;
    /// Block the calling thread for `secs` seconds. Only called when `can_block()`.
    fn sleep(&self, secs: f64);
    /// Run `f` on a new thread (a Web Worker sharing memory, in the browser).
    fn spawn_thread(&self, name: &str, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), String>;
    /// Number of logical CPUs (navigator.hardwareConcurrency in the browser).
    fn cpu_count(&self) -> usize;
    /// Record a timeline event.
    fn trace(&self, _ev: TraceEvent) {}
    /// Process id reported by os.getpid().
    fn pid(&self) -> u32 {
        1
    }
    /// A blocking GET of `url`: (HTTP status, body), or why it failed.
    /// The browser resolves relative URLs against the page.
    fn fetch(&self, url: &str) -> Result<(u16, Vec<u8>), String> {
        Err(format!("fetching {url} is not supported here"))
    }
}
