//! Build facts for the frozen standard library (see `src/stdlib/frozen.rs`).
//!
//! - `cfg(spindle_external_stdlib)` when `SPINDLE_STDLIB_EXTERNAL=1` (the
//!   wasm builds): no standard-library source in the binary.
//! - `OUT_DIR/compiler_hash.rs`: a hash of the files that decide what the
//!   compiler emits and how it is encoded (`src/syntax/`, `src/vm/code.rs`,
//!   `src/vm/marshal.rs`). A blob records the hash of the binary that froze
//!   it; at import a blob with another hash is ignored.

use std::path::{Path, PathBuf};

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

    // The wasm builds leave the standard library's sources out: the page
    // installs them with their bytecode from pkg/stdlib.bin (stdlib/frozen.rs).
    println!("cargo::rustc-check-cfg=cfg(spindle_external_stdlib)");
    println!("cargo:rerun-if-env-changed=SPINDLE_STDLIB_EXTERNAL");
    if std::env::var("SPINDLE_STDLIB_EXTERNAL").as_deref() == Ok("1") {
        println!("cargo:rustc-cfg=spindle_external_stdlib");
    }
}
