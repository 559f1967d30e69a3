//! `character(name)`: the character with Unicode name `name`, as ruff's
//! parser asks for "\N{name}". Natively the real tables answer; in wasm the
//! lookup installed with `set_lookup` does (Spindle's web host: a names file
//! fetched on first use), and without one every name is unknown.

#[cfg(not(target_arch = "wasm32"))]
pub fn character(name: &str) -> Option<char> {
    names::character(name)
}

#[cfg(target_arch = "wasm32")]
static LOOKUP: std::sync::OnceLock<fn(&str) -> Option<char>> = std::sync::OnceLock::new();

/// Install the lookup used in wasm (the first call wins).
#[cfg(target_arch = "wasm32")]
pub fn set_lookup(f: fn(&str) -> Option<char>) {
    let _ = LOOKUP.set(f);
}

#[cfg(target_arch = "wasm32")]
pub fn character(name: &str) -> Option<char> {
    LOOKUP.get().and_then(|f| f(name))
}
