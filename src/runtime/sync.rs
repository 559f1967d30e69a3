//! Locks shared by the threads of a run: `_thread.lock` and `_thread.RLock`.
//! Every other primitive (Condition, Event, Semaphore, Barrier, Queue, Future,
//! join) is built from these in Python, so all waits pass through
//! `blocking::wait_until` and release the GIL, honour stop and are traced.

use super::blocking::{wait_green, wait_until};
use crate::vm::value::lock;
use crate::vm::{PyResult, Vm};
use std::sync::{Arc, Condvar, Mutex};

/// A plain lock: any thread may release it.
#[derive(Default)]
pub struct Lock {
    st: Mutex<LockState>,
    cv: Condvar,
    /// What a wait on it is called in the trace; None: "Lock 0x…".
    label: Option<String>,
}

#[derive(Default)]
struct LockState {
    locked: bool,
    /// The ident of the thread that last acquired it (deadlock reports).
    owner: u64,
}

impl Lock {
    pub fn new() -> Lock {
        Lock::default()
    }

    /// A lock with its own trace label (a thread's join sentinel: "join Thread-1").
    pub fn labelled(label: String) -> Lock {
        Lock { label: Some(label), ..Lock::default() }
    }

    fn what(&self) -> String {
        self.label.clone().unwrap_or_else(|| format!("Lock {:#x}", self as *const Lock as usize))
    }

    fn try_take(&self, me: u64) -> bool {
        let mut s = lock(&self.st);
        if s.locked {
            return false;
        }
        s.locked = true;
        s.owner = me;
        true
    }

    /// acquire(blocking, timeout): timeout None waits forever.
    pub fn acquire(self: &Arc<Self>, vm: &mut Vm, blocking: bool, timeout: Option<f64>) -> PyResult<bool> {
        let me = vm.ident;
        if !blocking {
            return Ok(self.try_take(me));
        }
        if vm.run.green {
            let l = self.clone();
            return wait_green(vm, &|| self.what(), timeout, Arc::new(move |id| l.try_take(id)));
        }
        let take = |s: &mut LockState| {
            if s.locked {
                return false;
            }
            s.locked = true;
            s.owner = me;
            true
        };
        wait_until(vm, &|| self.what(), &self.st, &self.cv, timeout, self.holder(), take)
    }

    /// The asyncio loop's idle wait on its wakeup lock (blocking::loop_wait):
    /// true once it has taken the lock; false when one of the fetches
    /// `fetches` has completed, or after `timeout`.
    pub fn loop_wait(self: &Arc<Self>, vm: &mut Vm, timeout: Option<f64>, fetches: Vec<u64>) -> PyResult<bool> {
        let (l, run) = (self.clone(), vm.run.clone());
        let fetching = !fetches.is_empty();
        let poll = Arc::new(move |id| {
            if l.try_take(id) {
                Some(true)
            } else {
                (fetching && super::wake::any_done(&run, &fetches)).then_some(false)
            }
        });
        super::blocking::loop_wait(vm, self.what(), timeout, poll, self.holder(), fetching)
    }

    /// Who holds it, for deadlock detection.
    fn holder(self: &Arc<Self>) -> super::deadlock::Holder {
        let l = self.clone();
        Arc::new(move || {
            let s = lock(&l.st);
            s.locked.then_some(s.owner)
        })
    }

    /// Release; false if it was not locked.
    pub fn release(&self) -> bool {
        let mut s = lock(&self.st);
        if !s.locked {
            return false;
        }
        s.locked = false;
        drop(s);
        self.cv.notify_one();
        true
    }

    pub fn locked(&self) -> bool {
        lock(&self.st).locked
    }
}

/// A reentrant lock: owned by one thread, which may take it repeatedly.
#[derive(Default)]
pub struct RLock {
    st: Mutex<RState>,
    cv: Condvar,
}

#[derive(Default)]
struct RState {
    owner: u64,
    count: u64,
}

impl RLock {
    fn what(&self) -> String {
        format!("RLock {:#x}", self as *const RLock as usize)
    }

    fn try_take(&self, me: u64, times: u64) -> bool {
        let mut s = lock(&self.st);
        if s.count == 0 || s.owner == me {
            s.owner = me;
            s.count += times;
            return true;
        }
        false
    }

    /// Take it `times` more times (1 for acquire; the saved count for
    /// Condition's _acquire_restore).
    pub fn acquire_n(self: &Arc<Self>, vm: &mut Vm, blocking: bool, timeout: Option<f64>, times: u64) -> PyResult<bool> {
        let me = vm.ident;
        if !blocking {
            return Ok(self.try_take(me, times));
        }
        if vm.run.green {
            let l = self.clone();
            return wait_green(vm, &|| self.what(), timeout, Arc::new(move |id| l.try_take(id, times)));
        }
        let take = |s: &mut RState| {
            if s.count == 0 || s.owner == me {
                s.owner = me;
                s.count += times;
                return true;
            }
            false
        };
        let l = self.clone();
        let holder = Arc::new(move || {
            let (owner, count) = l.state();
            (count > 0).then_some(owner)
        });
        wait_until(vm, &|| self.what(), &self.st, &self.cv, timeout, holder, take)
    }

    /// Release once (`all`: completely, returning the count it had).
    /// None if the caller does not own it.
    pub fn release(&self, me: u64, all: bool) -> Option<u64> {
        let mut s = lock(&self.st);
        if s.count == 0 || s.owner != me {
            return None;
        }
        let had = s.count;
        s.count = if all { 0 } else { had - 1 };
        let free = s.count == 0;
        drop(s);
        if free {
            self.cv.notify_one();
        }
        Some(had)
    }

    pub fn is_owned(&self, me: u64) -> bool {
        let s = lock(&self.st);
        s.count > 0 && s.owner == me
    }

    /// (owner ident, recursion count); count 0 when free.
    pub fn state(&self) -> (u64, u64) {
        let s = lock(&self.st);
        (s.owner, s.count)
    }
}
