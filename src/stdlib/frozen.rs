//! The frozen standard library: the bytecode of every module written in
//! Python (`pymods::all()`), compiled at build time by `spindle --freeze
//! OUT.bin` and embedded by `build.rs` when `SPINDLE_FROZEN` names that file
//! (`scripts/build.sh` does this for both wasm builds). An import decodes the
//! module's code from the blob instead of parsing and compiling its source;
//! without a blob, or when the blob does not match, it compiles as before.
//!
//! The blob: magic `SPNDLFRZ`, `marshal::FORMAT_VERSION` (u32 LE), the hash
//! of the compiler that froze it (`COMPILER_HASH`, u64 LE), then a varint
//! count and per module: name, source length, source hash, data length (all
//! varints but the name, a length-prefixed string) and the `marshal` data.
//! A module whose embedded source differs (length or hash) from the one it
//! was frozen from is compiled from source; so is everything when the
//! version or the compiler hash differs.

use crate::vm::code::{Code, Source};
use crate::vm::marshal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

pub const MAGIC: &[u8; 8] = b"SPNDLFRZ";

/// Hash of the compiler's sources (`src/syntax/`, `vm/code.rs`,
/// `vm/marshal.rs`), computed by build.rs.
pub const COMPILER_HASH: u64 = include!(concat!(env!("OUT_DIR"), "/compiler_hash.rs"));

/// The blob embedded at build time (empty without `SPINDLE_FROZEN`).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen.bin"));

/// A blob installed by `install` (tests), used instead of the embedded one.
static INSTALLED: OnceLock<&'static [u8]> = OnceLock::new();
static INDEX: OnceLock<Vec<Entry>> = OnceLock::new();
static ENABLED: AtomicBool = AtomicBool::new(true);
static LOADS: AtomicUsize = AtomicUsize::new(0);

struct Entry {
    name: &'static str,
    source_len: usize,
    source_hash: u64,
    data: &'static [u8],
}

/// The file name of module `name`'s code (tracebacks show it).
pub fn filename(name: &str) -> String {
    format!("<frozen {}>", name)
}

/// A fast 64-bit hash of a module's source (change detection, not security).
pub fn source_hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = s.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// Compile every module of `pymods::all()` and encode them as one blob.
pub fn freeze() -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend(marshal::FORMAT_VERSION.to_le_bytes());
    out.extend(COMPILER_HASH.to_le_bytes());
    let mods: Vec<(&str, &str)> = super::pymods::all().collect();
    put_uv(&mut out, mods.len() as u64);
    for (name, src) in mods {
        let code = crate::syntax::compile_source(src, &filename(name)).map_err(|_| format!("{}: SyntaxError", name))?;
        let data = marshal::dump(&code, src).map_err(|e| format!("{}: {}", name, e))?;
        put_uv(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
        put_uv(&mut out, src.len() as u64);
        put_uv(&mut out, source_hash(src));
        put_uv(&mut out, data.len() as u64);
        out.extend(data);
    }
    Ok(out)
}

fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The blob's index; empty when there is no usable blob.
fn parse(blob: &'static [u8]) -> Option<Vec<Entry>> {
    if blob.len() < 20 || &blob[..8] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(blob[8..12].try_into().ok()?);
    let hash = u64::from_le_bytes(blob[12..20].try_into().ok()?);
    if version != marshal::FORMAT_VERSION || hash != COMPILER_HASH {
        return None;
    }
    let mut pos = 20;
    let n = marshal::get_uv(blob, &mut pos)? as usize;
    let mut entries = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let len = marshal::get_uv(blob, &mut pos)? as usize;
        let name = std::str::from_utf8(blob.get(pos..pos.checked_add(len)?)?).ok()?;
        pos += len;
        let source_len = marshal::get_uv(blob, &mut pos)? as usize;
        let source_hash = marshal::get_uv(blob, &mut pos)?;
        let len = marshal::get_uv(blob, &mut pos)? as usize;
        let data = blob.get(pos..pos.checked_add(len)?)?;
        pos += len;
        entries.push(Entry { name, source_len, source_hash, data });
    }
    Some(entries)
}

fn index() -> &'static [Entry] {
    INDEX.get_or_init(|| parse(INSTALLED.get().copied().unwrap_or(EMBEDDED)).unwrap_or_default())
}

/// Module `name`'s code from the blob, if there is one for exactly `source`.
pub fn code(name: &str, source: &'static str) -> Option<Arc<Code>> {
    if !ENABLED.load(Ordering::Relaxed) {
        return None;
    }
    let e = index().iter().find(|e| e.name == name)?;
    if e.source_len != source.len() || e.source_hash != source_hash(source) {
        return None;
    }
    let code = marshal::load(e.data, Arc::new(Source::new(source)))?;
    LOADS.fetch_add(1, Ordering::Relaxed);
    Some(code)
}

/// Is a usable blob present (embedded or installed)?
pub fn available() -> bool {
    !index().is_empty()
}

/// Tests: use `blob` instead of the embedded blob. False if a blob was
/// already installed or the index already read.
#[doc(hidden)]
pub fn install(blob: Vec<u8>) -> bool {
    INDEX.get().is_none() && INSTALLED.set(Box::leak(blob.into_boxed_slice())).is_ok()
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
