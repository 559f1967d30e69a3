//! The memory limit. A counting global allocator keeps the bytes in use by
//! this instance (in shards, so threads don't contend on one atomic); past
//! the run's limit Python gets `MemoryError`:
//! - up front, for one big allocation whose size is known (`reserve`:
//!   sequence repetition, `bytearray(n)`...), before anything is allocated;
//! - otherwise at the eval loop's next check (`over_limit`), for memory that
//!   grows a little at a time.
//!
//! In the browser the wasm memory itself is capped (1 GiB, `--max-memory`);
//! the default limit leaves room below that, so the page never sees the
//! allocator fail.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

/// Default limit: well inside wasm's 1 GiB cap in the browser.
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_LIMIT: usize = 512 << 20;
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_LIMIT: usize = 2 << 30;

/// Bytes in use, in shards: each allocation adds to the shard its thread's
/// stack address picks, so threads rarely touch the same counter. (No
/// thread-local: in wasm a new thread allocates its own stack and TLS
/// before its thread-locals exist.)
const SHARDS: usize = 16;
static IN_USE: [AtomicIsize; SHARDS] = [const { AtomicIsize::new(0) }; SHARDS];
/// The limit of the current run(s) in this instance.
static LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT_LIMIT);

/// The allocator: the platform's, counted.
pub struct Counting;

#[inline]
fn count(delta: isize) {
    let probe = 0u8;
    let sp = std::hint::black_box(&probe) as *const u8 as usize;
    IN_USE[(sp >> 16) % SHARDS].fetch_add(delta, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        count(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Set the limit (bytes) for runs in this instance.
pub fn set_limit(bytes: usize) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

pub fn limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Bytes in use.
pub fn in_use() -> usize {
    IN_USE.iter().map(|s| s.load(Ordering::Relaxed)).sum::<isize>().max(0) as usize
}

/// Whether more than the limit is in use now (re-arms `raise_now` when not).
pub fn over_limit() -> bool {
    if in_use() > limit() {
        return true;
    }
    if NEXT_RAISE.load(Ordering::Relaxed) != 0 {
        NEXT_RAISE.store(0, Ordering::Relaxed);
    }
    false
}

/// The level of use at which the next MemoryError is raised by the eval
/// loop's check: at the limit, then every further limit/16 (memory still
/// held while the error is handled or printed doesn't raise it again and
/// again), back at the limit once use falls below it.
static NEXT_RAISE: AtomicUsize = AtomicUsize::new(0);

/// Called when over the limit: whether to raise MemoryError now.
pub fn raise_now() -> bool {
    let used = in_use();
    let next = NEXT_RAISE.load(Ordering::Relaxed).max(limit());
    if used <= next {
        return false;
    }
    NEXT_RAISE.store(used + limit() / 16, Ordering::Relaxed);
    true
}

/// Whether `bytes` more would still fit under the limit.
pub fn fits(bytes: usize) -> bool {
    in_use().saturating_add(bytes) <= limit()
}
