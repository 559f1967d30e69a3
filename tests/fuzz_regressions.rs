//! Replays every input the fuzzers found (tests/fuzz_corpus/<target>/*)
//! through the same harness as the `cargo fuzz` targets (fuzz/harness.rs),
//! on stable Rust, so CI checks them without cargo-fuzz. See README.md,
//! "Fuzzing".

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus").join(target);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Each input through `check`, on a thread with the main thread's 8 MiB
/// stack (where the fuzzers and the CLI run; test threads have 2 MiB); a
/// panic counts as a failure too. A stack overflow aborts the whole test.
fn replay(target: &str, check: fn(&[u8]) -> Result<(), String>) {
    let mut failures = Vec::new();
    let files = inputs(target);
    for path in &files {
        let data = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        eprintln!("{target}: {name}");
        let run = std::thread::Builder::new().stack_size(8 << 20).spawn(move || check(&data)).unwrap();
        match run.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(p) => {
                let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
                failures.push(format!("{name}: panic: {}", msg.unwrap_or_default()));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} {target} inputs fail:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn run_source_inputs() {
    replay("run_source", harness::check_run_source);
}

#[test]
fn codecs_inputs() {
    replay("codecs", harness::check_codecs);
}

/// Not a check: writes valid codec inputs as seeds into fuzz/corpus/codecs
/// (run by fuzz/seed.sh).
#[test]
#[ignore]
fn write_codec_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/codecs");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, data) in harness::codec_seeds() {
        std::fs::write(dir.join(format!("seed-{name}")), data).unwrap();
    }
}
