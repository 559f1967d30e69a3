//! Spindle's core: a Python interpreter whose threads, processes and asyncio
//! really run in parallel in the browser. See ARCHITECTURE.md for the map.

// The threaded wasm build (nightly, or RUSTC_BOOTSTRAP) notifies Atomics waiters
// (runtime/wake.rs).
#![cfg_attr(all(target_arch = "wasm32", target_feature = "atomics"), feature(stdarch_wasm_atomic_wait))]

pub mod host;
pub mod runtime;
pub mod stdlib;
pub mod syntax;
pub mod vm;

pub use runtime::{run_source, RunOptions, RunOutcome};

/// Every allocation is counted, for the run's memory limit (runtime/memory.rs).
#[global_allocator]
static ALLOCATOR: runtime::memory::Counting = runtime::memory::Counting;
