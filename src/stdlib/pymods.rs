//! Modules written in Python (`src/stdlib/py/*.py`, and the Python parts of
//! some Rust modules), and how they run: from their frozen bytecode when a
//! stdlib blob is installed (`frozen.rs`), else compiled from source.
//! Natively their sources are embedded in the binary; the wasm builds read
//! them from the blob the page installs (`cfg(spindle_external_stdlib)`).
//! `import` finds them after the Rust modules; a dotted name's package is
//! imported first and gets the submodule as an attribute.

use crate::vm::value::Value;
use crate::vm::{Flow, PyResult, Vm};

/// (module name, source). Packages are listed before their submodules.
#[cfg(not(spindle_external_stdlib))]
const SOURCES: &[(&str, &str)] = &[
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

/// The Python source of Rust modules partly written in Python (their bodies
/// run at import), frozen like the modules above.
#[cfg(not(spindle_external_stdlib))]
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
/// `exec_module` must be listed here to be frozen.
#[cfg(not(spindle_external_stdlib))]
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCES.iter().chain(RUST_EMBEDDED).copied()
}

/// The source of standard-library module `name`, if it is written in Python.
pub fn source(name: &str) -> Option<&'static str> {
    #[cfg(not(spindle_external_stdlib))]
    return all().find(|(n, _)| *n == name).map(|(_, s)| s);
    #[cfg(spindle_external_stdlib)]
    return super::frozen::source(name);
}

/// Compile `src` and run it with the module's dict as globals.
pub fn exec_source(vm: &mut Vm, m: &Value, src: &str, filename: &str) -> PyResult<()> {
    let code = crate::syntax::compile_source(src, filename).map_err(Flow::Exc)?;
    exec_code(vm, m, code)
}

/// Run standard-library module `name` in module `m`: its frozen bytecode
/// when the blob has it, else its source compiled.
pub fn exec_module(vm: &mut Vm, m: &Value, name: &str) -> PyResult<()> {
    let Some(src) = source(name) else {
        return Err(vm.err(
            &crate::vm::types::types().exc("ImportError"),
            format!("the standard library module '{}' is missing: the page did not install pkg/stdlib.bin", name),
        ));
    };
    match super::frozen::code(name, src) {
        Some(code) => exec_code(vm, m, code),
        None => exec_source(vm, m, src, &super::frozen::filename(name)),
    }
}

fn exec_code(vm: &mut Vm, m: &Value, code: std::sync::Arc<crate::vm::code::Code>) -> PyResult<()> {
    let globals = super::module_dict(m);
    crate::vm::eval::ns_dict(&globals).set_str("__builtins__", Value::Obj(vm.run.builtins.clone()));
    let frame = crate::vm::eval::new_frame_for_module(code, globals);
    vm.run_frame(frame)?;
    Ok(())
}

/// Build standard-library module `name` (an error here is a bug in its source).
pub fn module_from_source(vm: &mut Vm, name: &str) -> Value {
    let m = super::new_module(name);
    build_module(vm, &m, name);
    m
}

/// `exec_module` for a module the VM builds itself, where a failure is a
/// bug in its source: printed, not raised.
pub fn build_module(vm: &mut Vm, m: &Value, name: &str) {
    if let Err(Flow::Exc(e)) = exec_module(vm, m, name) {
        let text = crate::vm::exc::format_exception(vm, &e);
        eprintln!("spindle: building module {} failed:\n{}", name, text);
    }
}
