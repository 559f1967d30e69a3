//! Embeds the frozen standard library (see `src/stdlib/frozen.rs`).
//!
//! - `OUT_DIR/frozen.bin`: a copy of the file named by `SPINDLE_FROZEN`
//!   (written by `spindle --freeze`), or empty (compile from source, as
//!   without a blob). A blob made by a different compiler is not embedded.
//! - `OUT_DIR/compiler_hash.rs`: a hash of the files that decide what the
//!   compiler emits and how it is encoded (`src/syntax/`, `src/vm/code.rs`,
//!   `src/vm/marshal.rs`). A blob records the hash of the binary that froze
//!   it; at import a blob with another hash is ignored.

use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"SPNDLFRZ";
const COMPILER_INPUTS: &[&str] = &["src/syntax", "src/vm/code.rs", "src/vm/marshal.rs"];

fn files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else {
        out.push(p.to_path_buf());
    }
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *h ^= *b as u64;
        *h = h.wrapping_mul(0x100000001b3);
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let mut h: u64 = 0xcbf29ce484222325;
    for input in COMPILER_INPUTS {
        println!("cargo:rerun-if-changed={}", input);
        let mut list = Vec::new();
        files(&root.join(input), &mut list);
        for f in list {
            let rel = f.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            let data = std::fs::read(&f).unwrap();
            fnv(&mut h, rel.as_bytes());
            fnv(&mut h, &(data.len() as u64).to_le_bytes());
            fnv(&mut h, &data);
        }
    }
    std::fs::write(out.join("compiler_hash.rs"), format!("{:#018x}\n", h)).unwrap();

    println!("cargo:rerun-if-env-changed=SPINDLE_FROZEN");
    let mut blob = Vec::new();
    if let Ok(path) = std::env::var("SPINDLE_FROZEN") {
        if !path.is_empty() {
            println!("cargo:rerun-if-changed={}", path);
            blob = std::fs::read(&path).unwrap_or_else(|e| panic!("SPINDLE_FROZEN={}: {}", path, e));
            // magic, format version (u32 LE), compiler hash (u64 LE).
            let ok = blob.len() >= 20 && &blob[..8] == MAGIC && blob[12..20] == h.to_le_bytes();
            if !ok {
                println!("cargo:warning=SPINDLE_FROZEN={} was not made by this compiler (rerun `spindle --freeze`); not embedding it", path);
                blob.clear();
            }
        }
    }
    // Only rewrite when different, so that an unchanged blob does not rebuild the crate.
    let dest = out.join("frozen.bin");
    if std::fs::read(&dest).ok().as_deref() != Some(&blob[..]) {
        std::fs::write(&dest, &blob).unwrap();
    }
}
