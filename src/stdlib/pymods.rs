//! Modules written in Python (`src/stdlib/py/*.py`), embedded in the binary.
//! `import` finds them here after the Rust modules; a dotted name's package
//! is imported first and gets the submodule as an attribute.

/// (module name, source). Packages are listed before their submodules.
pub const SOURCES: &[(&str, &str)] = &[
    ("heapq", include_str!("py/heapq.py")),
    ("threading", include_str!("py/threading.py")),
    ("queue", include_str!("py/queue.py")),
    ("concurrent", include_str!("py/concurrent/__init__.py")),
    ("concurrent.futures", include_str!("py/concurrent/futures.py")),
];

/// The embedded source of module `name`, if it is one of ours.
pub fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
