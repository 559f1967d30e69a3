//! Modules written in Python (`src/stdlib/py/*.py`), embedded in the binary.
//! `import` finds them here after the Rust modules; a dotted name's package
//! is imported first and gets the submodule as an attribute.

/// (module name, source). Packages are listed before their submodules.
pub const SOURCES: &[(&str, &str)] = &[
    ("heapq", include_str!("py/heapq.py")),
    ("copyreg", include_str!("py/copyreg.py")),
    ("json", include_str!("py/json.py")),
    ("threading", include_str!("py/threading.py")),
    ("queue", include_str!("py/queue.py")),
    ("concurrent", include_str!("py/concurrent/__init__.py")),
    ("concurrent.futures", include_str!("py/concurrent/futures.py")),
    // The modules CPython's classes live in (their __module__), so that
    // pickle and the fork codec find them by reference.
    ("concurrent.futures._base", "from concurrent.futures import *\nfrom concurrent.futures import Error, InvalidStateError, DoneAndNotDoneFutures\n"),
    ("concurrent.futures.thread", "from concurrent.futures import ThreadPoolExecutor, BrokenThreadPool\n"),
    ("concurrent.futures.process", "from concurrent.futures import ProcessPoolExecutor, BrokenProcessPool, _RemoteTraceback\n"),
    ("asyncio", include_str!("py/asyncio/__init__.py")),
    ("asyncio.exceptions", include_str!("py/asyncio/exceptions.py")),
    ("asyncio.events", include_str!("py/asyncio/events.py")),
    ("asyncio.futures", include_str!("py/asyncio/futures.py")),
    ("asyncio.tasks", include_str!("py/asyncio/tasks.py")),
    ("asyncio.locks", include_str!("py/asyncio/locks.py")),
    ("asyncio.queues", include_str!("py/asyncio/queues.py")),
    ("asyncio.timeouts", include_str!("py/asyncio/timeouts.py")),
    ("asyncio.taskgroups", include_str!("py/asyncio/taskgroups.py")),
    ("asyncio.base_events", include_str!("py/asyncio/base_events.py")),
    ("asyncio.runners", include_str!("py/asyncio/runners.py")),
    ("multiprocessing", include_str!("py/multiprocessing/__init__.py")),
    ("multiprocessing.process", include_str!("py/multiprocessing/process.py")),
    ("multiprocessing.synchronize", include_str!("py/multiprocessing/synchronize.py")),
    ("multiprocessing.connection", include_str!("py/multiprocessing/connection.py")),
    ("multiprocessing.queues", include_str!("py/multiprocessing/queues.py")),
    ("multiprocessing.pool", include_str!("py/multiprocessing/pool.py")),
    ("multiprocessing.sharedctypes", include_str!("py/multiprocessing/sharedctypes.py")),
    ("multiprocessing.managers", include_str!("py/multiprocessing/managers.py")),
    ("ctypes", include_str!("py/ctypes.py")),
    ("spindle", include_str!("py/spindle/__init__.py")),
    ("spindle.web", include_str!("py/spindle/web.py")),
];

/// The embedded source of module `name`, if it is one of ours.
pub fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The Python source of Rust modules partly written in Python (their bodies
/// run at import), frozen like the modules above.
const RUST_EMBEDDED: &[(&str, &str)] = &[
    ("itertools", super::itertools::SOURCE),
    ("functools", super::functools::SOURCE),
    ("collections", super::collections::SOURCE),
    ("dataclasses", super::dataclasses::SOURCE),
    ("operator", super::operator::SOURCE),
    ("contextlib", super::contextlib::SOURCE),
];

/// Every standard-library module written in Python, with its source: what
/// `spindle --freeze` compiles (`frozen.rs`). A module imported through
/// `itertools::exec_module` must be listed here to be frozen.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCES.iter().chain(RUST_EMBEDDED).copied()
}
