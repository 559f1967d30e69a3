//! The simulated global interpreter lock of a `gil: true` run, after
//! CPython's design (Python/ceval_gil.c):
//! - only the holder executes bytecode;
//! - a thread that waits longer than the switch interval sets `drop_request`,
//!   which the holder sees at its next eval-loop check and drops the lock;
//! - a holder that dropped on request waits until another thread has taken
//!   it before asking again ("forced switching"), so it can't take it straight back;
//! - the blocking gate releases it around every blocking call.
//! Free-threaded runs have no `Gil` at all.

use crate::vm::value::lock;
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

pub struct Gil {
    st: Mutex<State>,
    /// Signalled when the lock is dropped (waiters take it).
    free: Condvar,
    /// Signalled when the lock changes hands (a holder that dropped on request
    /// waits for this).
    switched: Condvar,
    /// Set by a waiter whose interval ran out; the holder drops at its next check.
    pub drop_request: AtomicBool,
    /// The switch interval in microseconds.
    interval_us: AtomicU64,
}

struct State {
    held: bool,
    /// The ident of the holder (valid while `held`).
    holder: u64,
    /// Incremented every time the lock is taken.
    switches: u64,
    /// Threads waiting to take it.
    waiting: usize,
}

impl Default for Gil {
    fn default() -> Self {
        Gil {
            st: Mutex::new(State { held: false, holder: 0, switches: 0, waiting: 0 }),
            free: Condvar::new(),
            switched: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval_us: AtomicU64::new(5000),
        }
    }
}

impl Gil {
    /// sys.getswitchinterval(), in seconds.
    pub fn interval(&self) -> f64 {
        self.interval_us.load(Ordering::Relaxed) as f64 / 1e6
    }

    pub fn set_interval(&self, secs: f64) {
        self.interval_us.store(((secs * 1e6) as u64).max(1), Ordering::Relaxed);
    }

    /// Take the lock for `vm`'s thread, waiting as long as it takes.
    pub fn take(&self, vm: &Vm) {
        let mut st = lock(&self.st);
        if !st.held {
            self.grant(&mut st, vm.ident);
            drop(st);
            vm.run.trace(&vm.lane, "gil_take", "");
            return;
        }
        vm.run.trace(&vm.lane, "gil_wait", "");
        st.waiting += 1;
        while st.held {
            let before = st.switches;
            let wait = Duration::from_micros(self.interval_us.load(Ordering::Relaxed));
            let (g, res) = self.free.wait_timeout(st, wait).unwrap_or_else(|e| e.into_inner());
            st = g;
            if st.held && res.timed_out() && st.switches == before {
                // Nobody took it during a whole interval: ask the holder to drop it.
                self.drop_request.store(true, Ordering::Release);
            }
        }
        st.waiting -= 1;
        self.grant(&mut st, vm.ident);
        drop(st);
        vm.run.trace(&vm.lane, "gil_take", "");
    }

    fn grant(&self, st: &mut State, ident: u64) {
        st.held = true;
        st.holder = ident;
        st.switches += 1;
        self.drop_request.store(false, Ordering::Release);
        self.switched.notify_all();
    }

    /// Drop the lock (thread end, or before a blocking call).
    pub fn drop_lock(&self, vm: &Vm) {
        let mut st = lock(&self.st);
        if st.held && st.holder == vm.ident {
            st.held = false;
            self.free.notify_one();
            drop(st);
            vm.run.trace(&vm.lane, "gil_drop", "");
        }
    }

    /// time.sleep(0) under the GIL: hand the lock to a waiting thread, as
    /// CPython's sleep releases it (no-op when nobody waits).
    pub fn yield_to_waiters(&self, vm: &Vm) {
        if lock(&self.st).waiting > 0 {
            self.yield_on_request(vm);
        }
    }

    /// The holder's answer to `drop_request`: drop, wait until another thread
    /// has taken the lock, then queue to take it again.
    pub fn yield_on_request(&self, vm: &Vm) {
        let mut st = lock(&self.st);
        if !st.held || st.holder != vm.ident {
            return;
        }
        let mine = st.switches;
        st.held = false;
        self.free.notify_one();
        drop(st);
        vm.run.trace(&vm.lane, "gil_drop", "switch interval");
        let mut st = lock(&self.st);
        // Wait for the switch, but never forever: a waiter may have given up
        // (stop), and the run must not hang on it.
        while st.switches == mine && st.waiting > 0 && !vm.run.stopped() {
            let (g, _) = self.switched.wait_timeout(st, Duration::from_millis(20)).unwrap_or_else(|e| e.into_inner());
            st = g;
        }
        drop(st);
        self.take(vm);
    }
}
