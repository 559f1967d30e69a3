//! What ends an idle scheduler's wait early, and the fetches in flight.
//!
//! The scheduler (green.rs) idles when every thread it runs waits: natively it
//! sleeps here, in the browser the runner returns to its event loop
//! (host/web/entry.rs, `runStep`). Something outside the scheduler's threads
//! can end such a wait: a real thread hands the asyncio loop work
//! (`call_soon_threadsafe`), or a fetch started by `spindle.web` completes.
//! Each then bumps the wake word. The scheduler reads the word before it polls
//! its waits and sleeps only while the word is unchanged, so no wake-up is
//! lost. In the threaded browser build the runner awaits the word with
//! `Atomics.waitAsync`, a promise, racing the next timer.

use crate::vm::value::lock;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

#[derive(Default)]
pub struct Wake {
    word: AtomicU32,
    m: Mutex<()>,
    cv: Condvar,
}

impl Wake {
    /// The word's value now: pass it to `wait` after polling.
    pub fn seen(&self) -> u32 {
        self.word.load(Ordering::Acquire)
    }
    /// End the current or next idle wait.
    pub fn wake(&self) {
        self.word.fetch_add(1, Ordering::AcqRel);
        let _g = lock(&self.m);
        self.cv.notify_all();
        drop(_g);
        #[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
        // SAFETY: the word is a live, aligned i32 in the shared memory.
        unsafe {
            core::arch::wasm32::memory_atomic_notify(self.word.as_ptr() as *mut i32, u32::MAX);
        }
    }
    /// Block up to `secs` unless the word has changed since `seen`. Only where
    /// the host can block.
    pub fn wait(&self, seen: u32, secs: f64) {
        let g = lock(&self.m);
        if self.seen() != seen || secs <= 0.0 {
            return;
        }
        let _ = self.cv.wait_timeout(g, Duration::from_secs_f64(secs));
    }
    /// The word's address in linear memory (for `Atomics.waitAsync`).
    pub fn address(&self) -> usize {
        self.word.as_ptr() as usize
    }
}

/// A fetch's outcome: (HTTP status, body) or why it failed.
pub type FetchResult = Result<(u16, Vec<u8>), String>;

/// Fetches started with `_spindle.fetch_start`, by id.
#[derive(Default)]
pub struct Fetches {
    next: u64,
    /// None while in flight.
    slots: HashMap<u64, Option<FetchResult>>,
}

impl Fetches {
    pub fn start(&mut self) -> u64 {
        self.next += 1;
        self.slots.insert(self.next, None);
        self.next
    }
    /// Record a completion (a fetch nobody waits for any more is dropped).
    pub fn complete(&mut self, id: u64, r: FetchResult) {
        if let Some(slot) = self.slots.get_mut(&id) {
            *slot = Some(r);
        }
    }
    /// The result of fetch `id` if it has completed (it is then forgotten).
    pub fn take(&mut self, id: u64) -> Option<FetchResult> {
        if matches!(self.slots.get(&id), Some(Some(_))) {
            return self.slots.remove(&id).flatten();
        }
        None
    }
    pub fn is_done(&self, id: u64) -> bool {
        matches!(self.slots.get(&id), Some(Some(_)))
    }
    /// Forget fetch `id` (its waiter gave up).
    pub fn forget(&mut self, id: u64) {
        self.slots.remove(&id);
    }
}

/// Complete fetch `id` of `run` and wake its scheduler.
pub fn fetch_done(run: &super::Run, id: u64, r: FetchResult) {
    lock(&run.fetches).complete(id, r);
    run.wake.wake();
}

/// Whether a completed fetch may be waiting for its loop: used by the idle
/// loop's poll.
pub fn any_done(run: &super::Run, ids: &[u64]) -> bool {
    let f = lock(&run.fetches);
    ids.iter().any(|id| f.is_done(*id))
}
