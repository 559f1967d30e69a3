//! The native `spindle` CLI: `spindle FILE.py [ARGS]` or `spindle -c CODE`,
//! behaving like `python3` (same stdout, stderr and exit code).

use spindle::host::native::NativeHost;
use spindle::{run_source, RunOptions};
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (source, filename, argv) = match args.get(1).map(|s| s.as_str()) {
        Some("-c") => match args.get(2) {
            Some(code) => (code.clone(), "<string>".to_string(), args[3..].to_vec()),
            None => {
                eprintln!("Argument expected for the -c option");
                std::process::exit(2);
            }
        },
        Some(path) => match std::fs::read_to_string(path) {
            Ok(s) => (s, path.to_string(), args[2..].to_vec()),
            Err(e) => {
                eprintln!("spindle: can't open file '{}': [Errno {}] {}", path, e.raw_os_error().unwrap_or(2), e);
                std::process::exit(2);
            }
        },
        None => {
            eprintln!("usage: spindle FILE.py [ARGS...] | spindle -c CODE");
            std::process::exit(2);
        }
    };
    let opts = RunOptions { filename, argv, stdin_inherit: true, ..Default::default() };
    let host = Arc::new(NativeHost::stdio());
    let outcome = run_source(&source, &opts, host.clone());
    spindle::host::Host::flush(&*host);
    std::process::exit(outcome.exit_code);
}
