//! The frozen standard library: every module written in Python
//! (`pymods::all()`), its source and its bytecode, in one blob made at build
//! time by `spindle --freeze OUT.bin`. An import decodes the module's code
//! from the blob instead of parsing and compiling its source.
//!
//! - Natively the sources are embedded in the binary (`pymods`) and a blob is
//!   optional (`install`, used by tests): a module whose embedded source
//!   differs from the blob's is compiled from source.
//! - The wasm builds (`cfg(spindle_external_stdlib)`, set by build.rs when
//!   `SPINDLE_STDLIB_EXTERNAL=1`) embed no source: the page fetches the blob
//!   as its own asset (`pkg/stdlib.bin`), in parallel with the wasm, and
//!   installs it in each new instance (`installStdlib`) before running. The
//!   blob is then the only copy of the sources, which `pymods::source` reads.
//!
//! The blob: magic `SPNDLSTD`, `marshal::FORMAT_VERSION` (u32 LE), the hash
//! of the compiler that froze it (`COMPILER_HASH`, u64 LE), a varint count,
//! then varint-length-prefixed byte strings: every module's name and source,
//! then every module's `marshal` data (sources together compress better).
//! Bytecode from another format version or compiler is not decoded; its
//! sources are still used (compiled at import).

use crate::vm::code::{Code, Source};
use crate::vm::marshal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

pub const MAGIC: &[u8; 8] = b"SPNDLSTD";

/// Hash of the compiler's sources (`src/syntax/`, `vm/code.rs`,
/// `vm/marshal.rs`), computed by build.rs.
pub const COMPILER_HASH: u64 = include!(concat!(env!("OUT_DIR"), "/compiler_hash.rs"));

/// The installed blob's index (unset: no blob).
static INDEX: OnceLock<Index> = OnceLock::new();
static ENABLED: AtomicBool = AtomicBool::new(true);
static LOADS: AtomicUsize = AtomicUsize::new(0);

struct Index {
    /// The bytecode was made by this compiler, in this marshal format.
    code_ok: bool,
    entries: Vec<Entry>,
}

struct Entry {
    name: &'static str,
    source: &'static str,
    data: &'static [u8],
}

/// The file name of module `name`'s code (tracebacks show it).
pub fn filename(name: &str) -> String {
    format!("<frozen {}>", name)
}

/// Compile every module of `pymods::all()` and encode them, with their
/// sources, as one blob.
#[cfg(not(spindle_external_stdlib))]
pub fn freeze() -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend(marshal::FORMAT_VERSION.to_le_bytes());
    out.extend(COMPILER_HASH.to_le_bytes());
    let mods: Vec<(&str, &str)> = super::pymods::all().collect();
    put_uv(&mut out, mods.len() as u64);
    let mut datas = Vec::new();
    for &(name, src) in &mods {
        let code = crate::syntax::compile_source(src, &filename(name)).map_err(|_| format!("{}: SyntaxError", name))?;
        datas.push(marshal::dump(&code, src).map_err(|e| format!("{}: {}", name, e))?);
    }
    let parts = mods.iter().flat_map(|(name, src)| [name.as_bytes(), src.as_bytes()]);
    for part in parts.chain(datas.iter().map(|d| &d[..])) {
        put_uv(&mut out, part.len() as u64);
        out.extend_from_slice(part);
    }
    Ok(out)
}

#[cfg(not(spindle_external_stdlib))]
fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The blob's index; None when it is not a stdlib blob.
fn parse(blob: &'static [u8]) -> Option<Index> {
    if blob.len() < 20 || &blob[..8] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(blob[8..12].try_into().ok()?);
    let hash = u64::from_le_bytes(blob[12..20].try_into().ok()?);
    let mut pos = 20;
    let part = |pos: &mut usize| -> Option<&'static [u8]> {
        let len = marshal::get_uv(blob, pos)? as usize;
        let bytes = blob.get(*pos..pos.checked_add(len)?)?;
        *pos += len;
        Some(bytes)
    };
    let n = marshal::get_uv(blob, &mut pos)? as usize;
    let mut entries = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let name = std::str::from_utf8(part(&mut pos)?).ok()?;
        let source = std::str::from_utf8(part(&mut pos)?).ok()?;
        entries.push(Entry { name, source, data: &[] });
    }
    for e in &mut entries {
        e.data = part(&mut pos)?;
    }
    Some(Index { code_ok: version == marshal::FORMAT_VERSION && hash == COMPILER_HASH, entries })
}

fn entry(name: &str) -> Option<&'static Entry> {
    INDEX.get()?.entries.iter().find(|e| e.name == name)
}

/// Module `name`'s source as the blob has it.
pub fn source(name: &str) -> Option<&'static str> {
    entry(name).map(|e| e.source)
}

/// Module `name`'s code from the blob, if the blob has it for exactly
/// `source` and its bytecode is this compiler's.
pub fn code(name: &str, source: &'static str) -> Option<Arc<Code>> {
    if !ENABLED.load(Ordering::Relaxed) || !INDEX.get()?.code_ok {
        return None;
    }
    let e = entry(name)?;
    if e.source != source {
        return None;
    }
    let code = marshal::load(e.data, Arc::new(Source::new(source)))?;
    LOADS.fetch_add(1, Ordering::Relaxed);
    Some(code)
}

/// Is a blob installed?
pub fn available() -> bool {
    INDEX.get().is_some()
}

/// Install `blob` (kept for the life of the process or wasm instance).
/// Ok(false) when a blob is already installed (threads of one wasm memory
/// share it); an error when `blob` is not a stdlib blob.
pub fn install(blob: Vec<u8>) -> Result<bool, String> {
    if INDEX.get().is_some() {
        return Ok(false);
    }
    let blob: &'static [u8] = Box::leak(blob.into_boxed_slice());
    let index = parse(blob).ok_or_else(|| format!("not a Spindle standard library blob ({} bytes)", blob.len()))?;
    Ok(INDEX.set(index).is_ok())
}

/// Tests: turn loading from the blob off (compile from source) or on.
#[doc(hidden)]
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// How many modules were loaded from the blob so far (in this process).
pub fn loads() -> usize {
    LOADS.load(Ordering::Relaxed)
}
