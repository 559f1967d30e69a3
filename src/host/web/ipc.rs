//! IPC in the browser: channels, counters and shared-memory segments
//! (Value, Array) live in one SharedArrayBuffer
//! that every worker of the run holds (workers.js, "IPC between processes"),
//! operated with Atomics from JS. Ids are byte offsets in that buffer.

use super::js;
use crate::host::Ipc;

pub struct WebIpc;

fn offset(id: u64) -> Result<u32, String> {
    u32::try_from(id).map_err(|_| format!("no IPC object {id}"))
}

impl Ipc for WebIpc {
    fn channel_new(&self, capacity: usize) -> Result<u64, String> {
        let cap = u32::try_from(capacity.max(16)).map_err(|_| "channel too large".to_string())?;
        match js::ipc_alloc(1, cap, 0) {
            o if o < 0 => Err("out of IPC memory (too many queues, pipes or locks)".into()),
            o => Ok(o as u64),
        }
    }
    fn channel_try_put(&self, id: u64, data: &[u8]) -> Result<bool, String> {
        match js::ipc_chan_try_put(offset(id)?, data) {
            1 => Ok(true),
            0 => Ok(false),
            -2 => Err(format!("message of {} bytes is larger than the channel", data.len())),
            _ => Err(format!("no channel {id}")),
        }
    }
    fn channel_try_get(&self, id: u64) -> Result<Option<Vec<u8>>, String> {
        let r = js::ipc_chan_try_get(offset(id)?);
        if r.is_undefined() {
            return Err(format!("no channel {id}"));
        }
        if r.is_null() {
            return Ok(None);
        }
        Ok(Some(js_sys::Uint8Array::new(&r).to_vec()))
    }
    fn channel_len(&self, id: u64) -> Result<usize, String> {
        usize::try_from(js::ipc_chan_len(offset(id)?)).map_err(|_| format!("no channel {id}"))
    }
    fn counter_new(&self, value: i64) -> Result<u64, String> {
        match js::ipc_alloc(2, 0, value as i32) {
            o if o < 0 => Err("out of IPC memory".into()),
            o => Ok(o as u64),
        }
    }
    fn counter_add(&self, id: u64, delta: i64) -> Result<i64, String> {
        js::ipc_counter_add(offset(id)?, delta as i32).as_f64().map(|v| v as i64).ok_or_else(|| format!("no counter {id}"))
    }
    fn counter_get(&self, id: u64) -> Result<i64, String> {
        js::ipc_counter_get(offset(id)?).as_f64().map(|v| v as i64).ok_or_else(|| format!("no counter {id}"))
    }
    fn segment_new(&self, nbytes: usize) -> Result<u64, String> {
        let n = u32::try_from(nbytes).ok().filter(|n| *n <= i32::MAX as u32 - 64).ok_or("shared memory block too large")?;
        match js::ipc_alloc(3, n, 0) {
            o if o < 0 => Err("out of IPC memory (too much shared memory)".into()),
            o => Ok(o as u64),
        }
    }
    fn segment_read(&self, id: u64, offset: usize, buf: &mut [u8]) -> Result<(), String> {
        let r = js::ipc_seg_read(self::offset(id)?, offset as u32, buf.len() as u32);
        if r.is_undefined() {
            return Err(format!("no shared memory block {id} (or out of range)"));
        }
        js_sys::Uint8Array::new(&r).copy_to(buf);
        Ok(())
    }
    fn segment_write(&self, id: u64, offset: usize, data: &[u8]) -> Result<(), String> {
        match js::ipc_seg_write(self::offset(id)?, offset as u32, data) {
            1 => Ok(()),
            _ => Err(format!("no shared memory block {id} (or out of range)")),
        }
    }
    fn park(&self, id: u64, secs: f64) {
        if let Ok(o) = offset(id) {
            js::ipc_park(o, secs * 1000.0);
        }
    }
}

/// Without SharedArrayBuffer there is one worker and no process: the native
/// registry serves, and waiting must not block (green threads spin instead).
pub struct LocalIpc(pub std::sync::Arc<dyn Ipc>);

impl Ipc for LocalIpc {
    fn channel_new(&self, capacity: usize) -> Result<u64, String> {
        self.0.channel_new(capacity)
    }
    fn channel_try_put(&self, id: u64, data: &[u8]) -> Result<bool, String> {
        self.0.channel_try_put(id, data)
    }
    fn channel_try_get(&self, id: u64) -> Result<Option<Vec<u8>>, String> {
        self.0.channel_try_get(id)
    }
    fn channel_len(&self, id: u64) -> Result<usize, String> {
        self.0.channel_len(id)
    }
    fn counter_new(&self, value: i64) -> Result<u64, String> {
        self.0.counter_new(value)
    }
    fn counter_add(&self, id: u64, delta: i64) -> Result<i64, String> {
        self.0.counter_add(id, delta)
    }
    fn counter_get(&self, id: u64) -> Result<i64, String> {
        self.0.counter_get(id)
    }
    fn segment_new(&self, nbytes: usize) -> Result<u64, String> {
        self.0.segment_new(nbytes)
    }
    fn segment_read(&self, id: u64, offset: usize, buf: &mut [u8]) -> Result<(), String> {
        self.0.segment_read(id, offset, buf)
    }
    fn segment_write(&self, id: u64, offset: usize, data: &[u8]) -> Result<(), String> {
        self.0.segment_write(id, offset, data)
    }
    fn park(&self, _id: u64, _secs: f64) {}
}
