//! Channels, counters and shared-memory segments (multiprocessing's Value
//! and Array) shared by the processes of a run, natively: one
//! registry for the OS process (native "processes" are threads). The browser
//! keeps them in a SharedArrayBuffer instead (host/web/ipc.rs). The blocking
//! versions of the operations, used by `_spindle_mp`, are here too: they retry
//! the host's non-blocking operations through the blocking gate.

use crate::host::Ipc;
use crate::vm::value::{lock, Value};
use crate::vm::{PyResult, Vm};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

enum Object {
    Channel { q: VecDeque<Vec<u8>>, bytes: usize, capacity: usize },
    Counter(i64),
    Segment(Vec<u8>),
}

struct Slot {
    obj: Mutex<Object>,
    changed: Condvar,
}

#[derive(Default)]
struct NativeIpc {
    next: AtomicU64,
    objects: Mutex<HashMap<u64, Arc<Slot>>>,
}

/// The OS process's registry.
pub fn native() -> Arc<dyn Ipc> {
    static IPC: OnceLock<Arc<NativeIpc>> = OnceLock::new();
    IPC.get_or_init(Default::default).clone()
}

impl NativeIpc {
    fn add(&self, obj: Object) -> u64 {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        lock(&self.objects).insert(id, Arc::new(Slot { obj: Mutex::new(obj), changed: Condvar::new() }));
        id
    }
    fn get(&self, id: u64) -> Result<Arc<Slot>, String> {
        lock(&self.objects).get(&id).cloned().ok_or_else(|| format!("no IPC object {id}"))
    }
}

impl Ipc for NativeIpc {
    fn channel_new(&self, capacity: usize) -> Result<u64, String> {
        Ok(self.add(Object::Channel { q: VecDeque::new(), bytes: 0, capacity }))
    }
    fn channel_try_put(&self, id: u64, data: &[u8]) -> Result<bool, String> {
        let s = self.get(id)?;
        let mut o = lock(&s.obj);
        let Object::Channel { q, bytes, capacity } = &mut *o else { return Err("not a channel".into()) };
        // An empty channel takes any message, so a big one can't block forever.
        if !q.is_empty() && *bytes + data.len() > *capacity {
            return Ok(false);
        }
        *bytes += data.len();
        q.push_back(data.to_vec());
        drop(o);
        s.changed.notify_all();
        Ok(true)
    }
    fn channel_try_get(&self, id: u64) -> Result<Option<Vec<u8>>, String> {
        let s = self.get(id)?;
        let mut o = lock(&s.obj);
        let Object::Channel { q, bytes, .. } = &mut *o else { return Err("not a channel".into()) };
        let m = q.pop_front();
        if let Some(m) = &m {
            *bytes -= m.len();
            drop(o);
            s.changed.notify_all();
        }
        Ok(m)
    }
    fn channel_len(&self, id: u64) -> Result<usize, String> {
        match &*lock(&self.get(id)?.obj) {
            Object::Channel { q, .. } => Ok(q.len()),
            _ => Err("not a channel".into()),
        }
    }
    fn counter_new(&self, value: i64) -> Result<u64, String> {
        Ok(self.add(Object::Counter(value)))
    }
    fn counter_add(&self, id: u64, delta: i64) -> Result<i64, String> {
        let s = self.get(id)?;
        let mut o = lock(&s.obj);
        let Object::Counter(v) = &mut *o else { return Err("not a counter".into()) };
        *v += delta;
        let r = *v;
        drop(o);
        s.changed.notify_all();
        Ok(r)
    }
    fn counter_get(&self, id: u64) -> Result<i64, String> {
        match &*lock(&self.get(id)?.obj) {
            Object::Counter(v) => Ok(*v),
            _ => Err("not a counter".into()),
        }
    }
    fn segment_new(&self, nbytes: usize) -> Result<u64, String> {
        Ok(self.add(Object::Segment(vec![0; nbytes])))
    }
    fn segment_read(&self, id: u64, offset: usize, buf: &mut [u8]) -> Result<(), String> {
        match &*lock(&self.get(id)?.obj) {
            Object::Segment(b) => {
                let src = offset.checked_add(buf.len()).and_then(|end| b.get(offset..end)).ok_or("segment read out of range")?;
                buf.copy_from_slice(src);
                Ok(())
            }
            _ => Err("not a segment".into()),
        }
    }
    fn segment_write(&self, id: u64, offset: usize, data: &[u8]) -> Result<(), String> {
        match &mut *lock(&self.get(id)?.obj) {
            Object::Segment(b) => {
                let dst = offset.checked_add(data.len()).and_then(|end| b.get_mut(offset..end)).ok_or("segment write out of range")?;
                dst.copy_from_slice(data);
                Ok(())
            }
            _ => Err("not a segment".into()),
        }
    }
    fn park(&self, id: u64, secs: f64) {
        if let Ok(s) = self.get(id) {
            let g = lock(&s.obj);
            let _ = s.changed.wait_timeout(g, Duration::from_secs_f64(secs.max(0.0)));
        }
    }
}

fn ipc_err(vm: &Vm, e: String) -> crate::vm::Flow {
    vm.err(&crate::vm::types::types().exc("OSError"), e)
}

/// Put a message, waiting while the channel is full; false on timeout.
pub fn put(vm: &mut Vm, id: u64, data: &[u8], timeout: Option<f64>) -> PyResult<bool> {
    let ipc = vm.run.host.ipc();
    // A message that can never fit (larger than the browser's ring buffer)
    // is an error, not a wait.
    if check(vm, ipc.channel_try_put(id, data))? {
        return Ok(true);
    }
    let (i, d) = (ipc.clone(), data.to_vec());
    let poll = Arc::new(move || match i.channel_try_put(id, &d) {
        Ok(true) => Some(Value::Bool(true)),
        Ok(false) => None,
        Err(_) => Some(Value::Bool(false)),
    });
    let r = super::blocking::wait_for(vm, "Queue.put", timeout, poll, Arc::new(move |s| ipc.park(id, s)), Value::Bool(false))?;
    Ok(matches!(r, Value::Bool(true)))
}

/// Take a message, waiting while the channel is empty; None on timeout.
pub fn get(vm: &mut Vm, id: u64, timeout: Option<f64>) -> PyResult<Option<Vec<u8>>> {
    let ipc = vm.run.host.ipc();
    check(vm, ipc.channel_len(id))?;
    let i = ipc.clone();
    let poll = Arc::new(move || match i.channel_try_get(id) {
        Ok(Some(m)) => Some(crate::vm::bytes_value(m)),
        Ok(None) => None,
        Err(_) => Some(Value::None),
    });
    let r = super::blocking::wait_for(vm, "Queue.get", timeout, poll, Arc::new(move |s| ipc.park(id, s)), Value::None)?;
    Ok(match r.payload() {
        Some(crate::vm::value::Payload::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    })
}

/// Wait until counter `id` equals `value`; false on timeout.
pub fn counter_wait(vm: &mut Vm, id: u64, value: i64, timeout: Option<f64>) -> PyResult<bool> {
    let ipc = vm.run.host.ipc();
    check(vm, ipc.counter_get(id))?;
    let i = ipc.clone();
    let poll = Arc::new(move || match i.counter_get(id) {
        Ok(v) if v == value => Some(Value::Bool(true)),
        Ok(_) => None,
        Err(_) => Some(Value::Bool(false)),
    });
    let r = super::blocking::wait_for(vm, "Event.wait", timeout, poll, Arc::new(move |s| ipc.park(id, s)), Value::Bool(false))?;
    Ok(matches!(r, Value::Bool(true)))
}

/// The host's IPC, with errors in Python's words.
pub fn host_ipc(vm: &Vm) -> Arc<dyn Ipc> {
    vm.run.host.ipc()
}

/// Map an IPC error to OSError.
pub fn check<T>(vm: &Vm, r: Result<T, String>) -> PyResult<T> {
    r.map_err(|e| ipc_err(vm, e))
}
