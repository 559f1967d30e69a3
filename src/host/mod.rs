//! The platform behind one trait. The VM and runtime talk to the outside world
//! (output, clock, spawning threads) only through `Host`; `native` backs it with
//! std for the CLI and tests, `web` (wasm only) with Web Workers and JS.

pub mod native;
#[cfg(target_arch = "wasm32")]
pub mod web;

use crate::runtime::trace::TraceEvent;
use std::sync::Arc;

/// What a new process needs (see runtime/process.rs): the program, the fork
/// snapshot, its options, name and pid.
pub struct ProcessStart {
    pub source: Arc<str>,
    pub snapshot: Vec<u8>,
    pub opts: crate::runtime::RunOptions,
    pub name: String,
    pub pid: u32,
    /// The IPC counter of the run's live processes (0: none). The host
    /// subtracts 1 from it once the process has ended, before its exit code
    /// shows, however it ended.
    pub slots: u64,
}

/// Channels and counters shared by every process of a run (multiprocessing's
/// queues, pipes, locks, events). Operations never block: the blocking gate
/// retries them and waits with `park`. Ids are plain numbers, valid in every
/// process of the run.
pub trait Ipc: Send + Sync {
    fn channel_new(&self, capacity: usize) -> Result<u64, String>;
    /// Append a message: Ok(false) if there is no room now.
    fn channel_try_put(&self, id: u64, data: &[u8]) -> Result<bool, String>;
    /// Take the oldest message, if any.
    fn channel_try_get(&self, id: u64) -> Result<Option<Vec<u8>>, String>;
    fn channel_len(&self, id: u64) -> Result<usize, String>;
    fn counter_new(&self, value: i64) -> Result<u64, String>;
    /// Add `delta`; returns the new value.
    fn counter_add(&self, id: u64, delta: i64) -> Result<i64, String>;
    fn counter_get(&self, id: u64) -> Result<i64, String>;
    /// A zeroed block of `nbytes` shared by every process of the run
    /// (multiprocessing's Value and Array).
    fn segment_new(&self, nbytes: usize) -> Result<u64, String>;
    /// Copy `buf.len()` bytes of segment `id` from `offset` into `buf`.
    fn segment_read(&self, id: u64, offset: usize, buf: &mut [u8]) -> Result<(), String>;
    /// Copy `data` into segment `id` at `offset`. Each read and write is one
    /// copy; a read racing a write may see a mix of both, never more.
    fn segment_write(&self, id: u64, offset: usize, data: &[u8]) -> Result<(), String>;
    /// Block up to `secs`, or until object `id` may have changed.
    fn park(&self, id: u64, secs: f64);
}

/// The parent's view of a child process.
pub trait ProcessHandle: Send + Sync {
    /// The exit code, once the process has ended.
    fn exitcode(&self) -> Option<i32>;
    /// Block the calling thread until the process ends or `secs` pass.
    fn park(&self, secs: f64);
    /// End it as SIGTERM would (exit code -15).
    fn terminate(&self);
    fn pid(&self) -> u32;
    fn name(&self) -> &str;
}

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
    /// Write text printed by the thread or task whose timeline lane is
    /// `lane`; hosts that show who printed (the page's console) keep it.
    fn write_from(&self, stream: Stream, _lane: &str, text: &str) {
        self.write(stream, text)
    }
    /// Push buffered output (and trace events) to the consumer now.
    fn flush(&self) {}
    /// Called every few thousand instructions: push buffered output that has
    /// waited too long, so a busy loop after a print still shows it.
    fn poll(&self) {}
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
    /// Start an isolated process (its own interpreter and memory).
    fn spawn_process(self: Arc<Self>, _start: ProcessStart) -> Result<Arc<dyn ProcessHandle>, String> {
        Err("processes are not supported here".into())
    }
    /// A hint that processes are about to be used (the program imported
    /// multiprocessing): a host may get one ready in advance.
    fn prepare_process(&self) {}
    /// The run's channels and counters (natively one registry for the OS
    /// process, whose "processes" are threads).
    fn ipc(&self) -> Arc<dyn Ipc> {
        crate::runtime::ipc::native()
    }
    /// A blocking GET of `url`: (HTTP status, body), or why it failed.
    /// The browser resolves relative URLs against the page.
    fn fetch(&self, url: &str) -> Result<(u16, Vec<u8>), String> {
        Err(format!("fetching {url} is not supported here"))
    }
    /// Start a GET of `url` without blocking; `done` gets the outcome later,
    /// from any thread (in the browser: from this worker's event loop, so only
    /// a caller that returns to it may use this). False: not supported here.
    fn fetch_start(self: Arc<Self>, _url: &str, _done: FetchDone) -> bool {
        false
    }
}

/// What `Host::fetch_start` calls with the outcome.
pub type FetchDone = Box<dyn FnOnce(Result<(u16, Vec<u8>), String>) + Send>;

/// A child process's host when it shares the parent's platform (natively):
/// everything is the parent's except the pid.
pub struct PidHost {
    pub inner: Arc<dyn Host>,
    pub pid: u32,
}

impl Host for PidHost {
    fn write(&self, stream: Stream, text: &str) {
        self.inner.write(stream, text)
    }
    fn write_from(&self, stream: Stream, lane: &str, text: &str) {
        self.inner.write_from(stream, lane, text)
    }
    fn flush(&self) {
        self.inner.flush()
    }
    fn poll(&self) {
        self.inner.poll()
    }
    fn monotonic(&self) -> f64 {
        self.inner.monotonic()
    }
    fn wall_time(&self) -> f64 {
        self.inner.wall_time()
    }
    fn can_block(&self) -> bool {
        self.inner.can_block()
    }
    fn sleep(&self, secs: f64) {
        self.inner.sleep(secs)
    }
    fn spawn_thread(&self, name: &str, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), String> {
        self.inner.spawn_thread(name, f)
    }
    fn cpu_count(&self) -> usize {
        self.inner.cpu_count()
    }
    fn trace(&self, ev: TraceEvent) {
        self.inner.trace(ev)
    }
    fn pid(&self) -> u32 {
        self.pid
    }
    fn spawn_process(self: Arc<Self>, start: ProcessStart) -> Result<Arc<dyn ProcessHandle>, String> {
        self.inner.clone().spawn_process(start)
    }
    fn fetch(&self, url: &str) -> Result<(u16, Vec<u8>), String> {
        self.inner.fetch(url)
    }
    fn fetch_start(self: Arc<Self>, url: &str, done: FetchDone) -> bool {
        self.inner.clone().fetch_start(url, done)
    }
    fn ipc(&self) -> Arc<dyn Ipc> {
        self.inner.ipc()
    }
}
