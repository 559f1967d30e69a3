//! What the three models share: the run's lifecycle, options and outcome,
//! blocking operations (one place for all of them), and the trace.

pub mod trace;

use crate::host::Host;
use std::sync::Arc;

/// Options of one run, as given to `window.spindle.run(source, options)`.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Run threads under a simulated global interpreter lock.
    pub gil: bool,
    /// Stop the run after this many milliseconds.
    pub timeout_ms: Option<u64>,
    /// "fork" (default) or "spawn".
    pub start_method: String,
    /// What `input()` and `sys.stdin` read.
    pub stdin: String,
    /// The file name shown in tracebacks.
    pub filename: String,
    /// sys.argv[1:].
    pub argv: Vec<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            gil: false,
            timeout_ms: None,
            start_method: "fork".into(),
            stdin: String::new(),
            filename: "<main>".into(),
            argv: Vec::new(),
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    pub exit_code: i32,
}

/// Run a whole program: compile `source` as `__main__` and execute it on the
/// calling thread, writing output and trace events to `host`.
pub fn run_source(source: &str, opts: &RunOptions, host: Arc<dyn Host>) -> RunOutcome {
    // Placeholder until the interpreter lands: echo the program as output.
    host.write(crate::host::Stream::Stdout, source);
    let _ = opts;
    host.flush();
    RunOutcome { exit_code: 0 }
}
