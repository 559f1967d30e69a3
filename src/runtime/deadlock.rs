//! Deadlock detection for threads that really block (native threads, web
//! workers; green threads have their own in green.rs). Every wait without a
//! timeout on a lock registers here with who holds that lock. The run is
//! deadlocked when every live thread of the process waits so, each for a lock
//! held by a waiting (or ended) thread, and nothing has woken for
//! `DETECT_AFTER`: no timer is pending (timed waits don't register) and
//! nothing running can release anything. Each thread then adds its own
//! traceback, the main thread prints the report:
//!
//! `Deadlock: Thread-1 waits for Lock 0x… held by Thread-2; Thread-2 waits for …`
//!
//! and the run ends with exit code 1.

use crate::vm::value::lock;
use crate::vm::Vm;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// How long the all-blocked state must last before it is reported.
const DETECT_AFTER: f64 = 0.5;
/// How long the main thread waits for the other threads' tracebacks.
const GATHER_FOR: f64 = 0.5;

/// Who holds the waited-for lock now (None: nobody; it is free).
pub type Holder = Arc<dyn Fn() -> Option<u64> + Send + Sync>;

struct Waiter {
    name: String,
    what: String,
    holder: Holder,
}

#[derive(Default)]
struct State {
    waiting: BTreeMap<u64, Waiter>,
    /// Names of the threads that have waited (for the report).
    names: BTreeMap<u64, String>,
    /// Bumped whenever a thread stops waiting.
    progress: u64,
    /// Since when (monotonic) and at which progress everyone has waited.
    since: Option<(f64, u64)>,
    /// The report's first line, once the deadlock is declared.
    declared: Option<String>,
    /// The tracebacks added by the deadlocked threads, by ident.
    tracebacks: BTreeMap<u64, String>,
    reported: bool,
}

#[derive(Default)]
pub struct Detector {
    st: Mutex<State>,
}

fn thread_name(vm: &Vm) -> String {
    if vm.is_main() {
        "MainThread".to_string()
    } else {
        vm.lane.clone()
    }
}

impl Detector {
    /// The calling thread starts waiting forever for `what`.
    pub fn enter(&self, vm: &Vm, what: &str, holder: Holder) {
        let mut s = lock(&self.st);
        let name = thread_name(vm);
        s.names.insert(vm.ident, name.clone());
        s.waiting.insert(vm.ident, Waiter { name, what: what.to_string(), holder });
    }

    /// The calling thread no longer waits.
    pub fn leave(&self, vm: &Vm) {
        let mut s = lock(&self.st);
        if s.waiting.remove(&vm.ident).is_some() {
            s.progress += 1;
        }
    }

    /// Whether this thread should end because of a deadlock; called by each
    /// waiting thread on every slice. The first caller to see the deadlock
    /// declares it; every deadlocked thread adds its traceback and goes on
    /// waiting; the main thread prints the report and stops the run (the
    /// others then end through the stop).
    pub fn check(&self, vm: &Vm) -> bool {
        let now = vm.run.host.monotonic();
        let mut s = lock(&self.st);
        if s.declared.is_none() {
            let Some(cycle) = self.cycle(&s, vm) else {
                s.since = None;
                return false;
            };
            match s.since {
                Some((t, p)) if p == s.progress => {
                    if now - t < DETECT_AFTER {
                        return false;
                    }
                }
                _ => {
                    s.since = Some((now, s.progress));
                    return false;
                }
            }
            s.declared = Some(cycle);
        }
        if !s.tracebacks.contains_key(&vm.ident) {
            let tb = stack_of(vm);
            s.tracebacks.insert(vm.ident, tb);
        }
        if !vm.is_main() {
            return false;
        }
        if !s.reported {
            // Give the others a moment to add their tracebacks.
            let until = now + GATHER_FOR;
            while s.tracebacks.len() < s.waiting.len() && vm.run.host.monotonic() < until {
                drop(s);
                vm.run.host.sleep(0.005);
                s = lock(&self.st);
            }
            s.reported = true;
            let mut text = format!("{}\n", s.declared.as_deref().unwrap_or("Deadlock"));
            for (ident, tb) in &s.tracebacks {
                let name = s.names.get(ident).cloned().unwrap_or_default();
                text.push_str(&format!("\n{name} (most recent call last):\n{tb}"));
            }
            drop(s);
            vm.run.write(crate::host::Stream::Stderr, &text);
            vm.run.deadlocked.store(true, std::sync::atomic::Ordering::Relaxed);
            vm.run.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        true
    }

    /// If every live thread waits for a lock held by a waiting or ended
    /// thread: the report's first line.
    fn cycle(&self, s: &State, vm: &Vm) -> Option<String> {
        let live = 1 + vm.run.threads.live();
        if s.waiting.len() < live {
            return None;
        }
        let mut parts = Vec::new();
        for (ident, w) in &s.waiting {
            let holder = (w.holder)()?;
            // Every live thread waits, so a holder that doesn't has ended.
            let by = match s.waiting.get(&holder) {
                Some(h) => h.name.clone(),
                None => "a thread that has ended".to_string(),
            };
            parts.push(if w.what.starts_with("join ") {
                format!("{} waits to {}", w.name, w.what)
            } else if holder == *ident {
                // Condition.wait's own waiter lock: only a notify() frees it.
                format!("{} waits for {}", w.name, w.what)
            } else {
                format!("{} waits for {} held by {}", w.name, w.what, by)
            });
        }
        Some(format!("Deadlock: {}", parts.join("; ")))
    }
}

/// The calling thread's Python stack, outermost call first, as a traceback's
/// `File ..., line ..., in ...` lines with the source line under each.
fn stack_of(vm: &Vm) -> String {
    let mut out = String::new();
    for f in vm.frames.iter() {
        let line = f.code.line_of(f.pc.saturating_sub(1));
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", f.code.filename, line, f.code.name));
        if let Some(src) = f.code.source_line(line) {
            out.push_str(&format!("    {}\n", src.trim()));
        }
    }
    out
}
