//! The native `spindle` CLI: `spindle FILE.py [ARGS]` or `spindle -c CODE`,
//! behaving like `python3` (same stdout, stderr and exit code). Like CPython
//! 3.13t, `-X gil=1` (or PYTHON_GIL=1) runs threads under the GIL.
//! `spindle --freeze OUT.bin` writes the frozen standard library (a build step).

use spindle::host::native::NativeHost;
use spindle::{run_source, RunOptions};
use std::sync::Arc;

fn main() {
    let mut args: Vec<String> = std::env::args().collect();
    let mut gil = std::env::var("PYTHON_GIL").map(|v| v == "1").unwrap_or(false);
    while args.get(1).map(|s| s.as_str()) == Some("-X") && args.len() > 2 {
        match args[2].as_str() {
            "gil=1" => gil = true,
            "gil=0" => gil = false,
            _ => {}
        }
        args.drain(1..3);
    }
    if args.get(1).map(|s| s.as_str()) == Some("--dis") {
        // Developer aid: print the bytecode of a file.
        let path = args.get(2).cloned().unwrap_or_default();
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        match spindle::syntax::compile_source(&src, &path) {
            Ok(code) => print!("{}", spindle::vm::code::disassemble(&code)),
            Err(_) => eprintln!("SyntaxError"),
        }
        return;
    }
    if args.get(1).map(|s| s.as_str()) == Some("--freeze") {
        // Build step: compile the standard library's Python modules to one
        // blob of sources and bytecode, shipped as dist/pkg/stdlib.bin.
        let Some(out) = args.get(2) else {
            eprintln!("usage: spindle --freeze OUT.bin");
            std::process::exit(2);
        };
        match spindle::stdlib::frozen::freeze() {
            Ok(blob) => {
                // An unchanged blob keeps its mtime, so cargo does not rebuild what embeds it.
                let same = std::fs::read(out).map(|old| old == blob).unwrap_or(false);
                if let Err(e) = if same { Ok(()) } else { std::fs::write(out, &blob) } {
                    eprintln!("spindle: cannot write {}: {}", out, e);
                    std::process::exit(1);
                }
                eprintln!("spindle: froze {} modules into {} ({} bytes)", spindle::stdlib::pymods::all().count(), out, blob.len());
            }
            Err(e) => {
                eprintln!("spindle: freeze failed: {}", e);
                std::process::exit(1);
            }
        }
        return;
    }
    let (source, filename, argv) = match args.get(1).map(|s| s.as_str()) {
        Some("-c") => match args.get(2) {
            Some(code) => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[3..].iter().cloned());
                (code.clone(), "<string>".to_string(), argv)
            }
            None => {
                eprintln!("Argument expected for the -c option");
                std::process::exit(2);
            }
        },
        Some(path) => match std::fs::read_to_string(path) {
            // Like CPython 3.9+, the main script's __file__ (and tracebacks) use an absolute path.
            Ok(s) => (s, absolute(path), args[1..].to_vec()),
            Err(e) => {
                eprintln!("spindle: can't open file '{}': [Errno {}] {}", path, e.raw_os_error().unwrap_or(2), e);
                std::process::exit(2);
            }
        },
        None => {
            eprintln!("usage: spindle [-X gil=1] FILE.py [ARGS...] | spindle [-X gil=1] -c CODE");
            std::process::exit(2);
        }
    };
    // SPINDLE_GREEN=1: interleave threads on one OS thread, as the browser
    // does without SharedArrayBuffer (to test that mode natively).
    let green = std::env::var("SPINDLE_GREEN").map(|v| v == "1").unwrap_or(false);
    let opts = RunOptions { filename, argv, stdin_inherit: true, gil, green, ..Default::default() };
    let host = Arc::new(NativeHost::stdio());
    let outcome = run_source(&source, &opts, host.clone());
    spindle::host::Host::flush(&*host);
    std::process::exit(outcome.exit_code);
}

/// os.path.abspath: join with the working directory, without resolving symlinks.
fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => {
            let mut out = cwd;
            for c in p.components() {
                match c {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    other => out.push(other),
                }
            }
            out.display().to_string()
        }
        Err(_) => path.to_string(),
    }
}
