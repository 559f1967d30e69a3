//! Differential conformance suite: runs every tests/conformance/*.py under python3 and
//! under the spindle CLI and compares exit code, stdout and stderr (minus caret lines).
//! Env: SPINDLE_CONFORMANCE_FILTER=substr, SPINDLE_CONFORMANCE_UPDATE_XFAIL=1.
//! `green_threads` runs the thread scripts (600-629) and the asyncio scripts
//! again with SPINDLE_GREEN=1: threads interleaved on one OS thread, as in a
//! browser without SharedArrayBuffer (which has no processes, so the process
//! scripts are not part of it).

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
const THREADS: usize = 2;
const DIFF_LINES: usize = 20;

struct RunResult {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
    spawn_error: Option<String>,
}

fn run_one(program: &str, args: &[&str], script: &Path, root: &Path, env: &[(&str, &str)]) -> RunResult {
    let stdin_path = PathBuf::from(format!("{}.stdin", root.join(script).display()));
    let stdin = if stdin_path.exists() {
        match std::fs::File::open(&stdin_path) {
            Ok(f) => Stdio::from(f),
            Err(_) => Stdio::null(),
        }
    } else {
        Stdio::null()
    };
    let mut cmd = Command::new(program);
    cmd.args(args)
        .arg(script)
        .current_dir(root)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONWARNINGS")
        .env_remove("PYTHONINSPECT")
        .envs(env.iter().copied())
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                code: None,
                stdout: String::new(),
                stderr: String::new(),
                timed_out: false,
                spawn_error: Some(format!("cannot run {program}: {e}")),
            }
        }
    };
    // Drain both pipes on their own threads so a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() > TIMEOUT {
                    let _ = child.kill();
                    timed_out = true;
                    break child.wait().ok();
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break None,
        }
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    RunResult {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        timed_out,
        spawn_error: None,
    }
}

/// Drop CPython's caret/tilde marker lines (presentation detail handled later),
/// also inside exception-group boxes ("    |     ~~^^^^").
fn normalize_stderr(s: &str) -> String {
    let mut out = String::new();
    for line in s.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let body = match body.trim_start().strip_prefix('|') {
            Some(inner) => inner,
            None => body,
        };
        let is_marker = body.chars().any(|c| c == '^' || c == '~')
            && body.chars().all(|c| c.is_whitespace() || c == '^' || c == '~');
        if !is_marker {
            out.push_str(line);
        }
    }
    out
}

/// A short line diff: common prefix/suffix trimmed, then the differing middle.
fn short_diff(label: &str, expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split('\n').collect();
    let a: Vec<&str> = actual.split('\n').collect();
    let mut pre = 0;
    while pre < e.len() && pre < a.len() && e[pre] == a[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < e.len() - pre && suf < a.len() - pre && e[e.len() - 1 - suf] == a[a.len() - 1 - suf] {
        suf += 1;
    }
    let mut out = format!("    --- {label} (python3)\n    +++ {label} (spindle)\n");
    out += &format!("    @@ line {} @@\n", pre + 1);
    let ctx_start = pre.saturating_sub(2);
    for l in &e[ctx_start..pre] {
        out += &format!("     {l}\n");
    }
    let mut shown = 0;
    let (em, am) = (&e[pre..e.len() - suf], &a[pre..a.len() - suf]);
    for l in em {
        if shown >= DIFF_LINES {
            out += &format!("    ... ({} more expected lines)\n", em.len() - shown);
            break;
        }
        out += &format!("    -{l}\n");
        shown += 1;
    }
    let mut shown_a = 0;
    for l in am {
        if shown_a >= DIFF_LINES {
            out += &format!("    ... ({} more actual lines)\n", am.len() - shown_a);
            break;
        }
        out += &format!("    +{l}\n");
        shown_a += 1;
    }
    out
}

/// Compare one script; Ok(()) when equal, Err(report) otherwise.
fn check(script: &Path, root: &Path, spindle: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let py = run_one("python3", &["-X", "utf8"], script, root, &[]);
    if let Some(e) = py.spawn_error {
        return Err(format!("    {e}\n"));
    }
    if py.timed_out {
        return Err("    python3 timed out (the script itself is broken)\n".into());
    }
    let sp = run_one(spindle, &[], script, root, env);
    if let Some(e) = sp.spawn_error {
        return Err(format!("    {e}\n"));
    }
    let mut report = String::new();
    if sp.timed_out {
        report += &format!("    spindle timed out after {}s (killed)\n", TIMEOUT.as_secs());
    }
    if py.code != sp.code {
        report += &format!("    exit code: python3 {:?}, spindle {:?}\n", py.code, sp.code);
    }
    if py.stdout != sp.stdout {
        report += &short_diff("stdout", &py.stdout, &sp.stdout);
    }
    let (pe, se) = (normalize_stderr(&py.stderr), normalize_stderr(&sp.stderr));
    if pe != se {
        report += &short_diff("stderr", &pe, &se);
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

fn read_xfail(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn conformance() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests").join("conformance");
    let spindle = env!("CARGO_BIN_EXE_spindle").to_string();
    let filter = std::env::var("SPINDLE_CONFORMANCE_FILTER").unwrap_or_default();
    let update = std::env::var("SPINDLE_CONFORMANCE_UPDATE_XFAIL").map_or(false, |v| v == "1");
    let xfail_path = dir.join("xfail.txt");
    let xfail = read_xfail(&xfail_path);

    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .filter(|n| filter.is_empty() || n.contains(&filter))
        .collect();
    names.sort();
    assert!(!names.is_empty() || !filter.is_empty(), "no conformance scripts found");

    let names = Arc::new(names);
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<(String, Result<(), String>)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for _ in 0..THREADS {
        let (names, next, results, root, spindle) =
            (names.clone(), next.clone(), results.clone(), root.clone(), spindle.clone());
        handles.push(std::thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            if i >= names.len() {
                break;
            }
            let rel = Path::new("tests").join("conformance").join(&names[i]);
            let r = check(&rel, &root, &spindle, &[]);
            results.lock().unwrap().push((names[i].clone(), r));
        }));
    }
    for h in handles {
        h.join().expect("worker thread panicked");
    }
    let mut results = std::mem::take(&mut *results.lock().unwrap());
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let mut passed = 0;
    let mut expected_failures = 0;
    let mut unexpected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut current_failures = Vec::new();
    for (name, r) in &results {
        match r {
            Ok(()) => {
                passed += 1;
                if xfail.contains(name) {
                    unexpected_passes.push(name.clone());
                }
            }
            Err(report) => {
                current_failures.push(name.clone());
                if xfail.contains(name) {
                    expected_failures += 1;
                } else {
                    unexpected_failures.push((name.clone(), report.clone()));
                }
            }
        }
    }

    if update {
        let mut text = String::from(
            "# Conformance scripts known to fail under spindle (one per line, # comments allowed).\n\
             # Regenerate with SPINDLE_CONFORMANCE_UPDATE_XFAIL=1 cargo test --release --test conformance\n",
        );
        // Keep entries for scripts outside the filter untouched.
        let ran: BTreeSet<&String> = names.iter().collect();
        let mut all: BTreeSet<String> = xfail.iter().filter(|n| !ran.contains(n)).cloned().collect();
        all.extend(current_failures.iter().cloned());
        for n in &all {
            text += n;
            text += "\n";
        }
        std::fs::write(&xfail_path, text).expect("write xfail.txt");
        eprintln!("conformance: rewrote {} ({} entries)", xfail_path.display(), all.len());
    }

    for (name, report) in &unexpected_failures {
        eprintln!("FAIL {name}\n{report}");
    }
    for name in &unexpected_passes {
        eprintln!("XPASS {name}: passes now, remove it from tests/conformance/xfail.txt");
    }
    println!("conformance: {passed} passed, {expected_failures} expected failures");
    eprintln!("conformance: {passed} passed, {expected_failures} expected failures");
    if update {
        return;
    }
    if !unexpected_failures.is_empty() || !unexpected_passes.is_empty() {
        let fails: Vec<&str> = unexpected_failures.iter().map(|(n, _)| n.as_str()).collect();
        panic!(
            "conformance: {} unexpected failure(s) {:?}, {} unexpected pass(es) {:?}",
            fails.len(),
            fails,
            unexpected_passes.len(),
            unexpected_passes
        );
    }
}

#[test]
fn green_threads() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests").join("conformance");
    let spindle = env!("CARGO_BIN_EXE_spindle");
    let filter = std::env::var("SPINDLE_CONFORMANCE_FILTER").unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| (n.starts_with("60") || n.starts_with("61") || n.starts_with("62") || n.starts_with('7')) && n.ends_with(".py"))
        .filter(|n| filter.is_empty() || n.contains(&filter))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        let rel = Path::new("tests").join("conformance").join(name);
        if let Err(report) = check(&rel, &root, spindle, &[("SPINDLE_GREEN", "1")]) {
            eprintln!("FAIL (green) {name}\n{report}");
            failures.push(name.clone());
        }
    }
    eprintln!("green threads: {} of {} passed", names.len() - failures.len(), names.len());
    assert!(failures.is_empty(), "green-thread failures: {failures:?}");
}
