//! The browser host (wasm only): `WebHost` implements `Host` with JS clocks,
//! batched output and trace delivery, and Web Workers for threads (shared
//! memory) and processes (own instance and memory). `entry` is what JS calls.

mod batch;
pub mod entry;
mod host;
mod ipc;
pub mod js;
mod names;
pub mod process;
pub mod threads;

pub use batch::{set_sink, clear_sink};
pub use host::WebHost;

/// True when this module was built with atomics and a shared memory (the
/// threaded build). The non-threaded build is the fallback for pages that are
/// not cross-origin isolated.
pub const THREADED: bool = cfg!(target_feature = "atomics");

/// Let the parser look up "\N{...}" names (see names.rs).
pub fn install_names() {
    names::install();
}
