//! The run's timeline: every thread, process and task emits events with
//! monotonic timestamps; the page draws lanes from them.

/// One timeline event. `t` is milliseconds since the run started.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(serde::Serialize))]
pub struct TraceEvent {
    pub t: f64,
    /// The lane: "main", "Thread-1", "Process-1", "Task-2", ...
    pub lane: String,
    /// start | run | block | wake | gil_take | gil_drop | print | end
    pub kind: String,
    /// Free text: the reason for a block, the exit code for an end, ...
    pub detail: String,
}
