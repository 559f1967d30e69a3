//! The cap on live processes per run (the run option `maxProcesses`, default
//! 16). CPython has no such cap, so this cannot be a differential script:
//! past it `Process.start()` raises what `fork()` raises at RLIMIT_NPROC,
//! BlockingIOError [Errno 11], and an ended process frees its slot.

use spindle::host::native::NativeHost;
use spindle::runtime::{run_source, RunOptions};
use std::sync::Arc;

fn run(src: &str, max_processes: Option<usize>) -> (i32, String, String) {
    let host = Arc::new(NativeHost::capturing());
    let mut opts = RunOptions { filename: "cap.py".into(), ..RunOptions::default() };
    if let Some(n) = max_processes {
        opts.max_processes = n;
    }
    let out = run_source(src, &opts, host.clone());
    let (stdout, stderr) = host.captured();
    (out.exit_code, stdout, stderr)
}

/// Start processes that wait on an Event until start() fails, then let them
/// end, and start as many again (the slots were freed).
const FILL: &str = r#"
import multiprocessing as mp

def wait(ev):
    ev.wait()

ev = mp.Event()
ps = []
try:
    for i in range(40):
        p = mp.Process(target=wait, args=(ev,))
        p.start()
        ps.append(p)
except OSError as e:
    print(len(ps), type(e).__name__, e.errno, e.strerror)
    print(e)
ev.set()
for p in ps:
    p.join()
ev.clear()
again = [mp.Process(target=wait, args=(ev,)) for _ in ps]
for p in again:
    p.start()
print('again', len(again), len(mp.active_children()))
ev.set()
for p in again:
    p.join()
print([p.exitcode for p in ps + again].count(0))
"#;

#[test]
fn the_default_cap_is_16_and_ended_processes_free_their_slots() {
    let (code, out, err) = run(FILL, None);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "16 BlockingIOError 11 Resource temporarily unavailable (at most 16 live processes per run: maxProcesses)\n\
         [Errno 11] Resource temporarily unavailable (at most 16 live processes per run: maxProcesses)\n\
         again 16 16\n\
         32\n"
    );
}

#[test]
fn the_run_option_sets_the_cap_and_uncaught_it_reads_like_cpython() {
    let (code, out, _) = run(FILL, Some(3));
    assert_eq!(code, 0);
    assert!(out.starts_with("3 BlockingIOError 11 Resource temporarily unavailable (at most 3 live processes per run: maxProcesses)\n"), "{out}");
    let src = "import multiprocessing as mp\nev = mp.Event()\nps = [mp.Process(target=ev.wait, daemon=True) for _ in range(2)]\nfor p in ps:\n    p.start()\n";
    let (code, _, err) = run(&format!("{src}ev.set()\n"), Some(1));
    assert_eq!(code, 1);
    assert!(
        err.ends_with("BlockingIOError: [Errno 11] Resource temporarily unavailable (at most 1 live processes per run: maxProcesses)\n"),
        "{err}"
    );
}

/// Children of children count too: the cap is the run's, not one process's.
#[test]
fn grandchildren_count_towards_the_cap() {
    let src = r#"
import multiprocessing as mp

def wait(ev):
    ev.wait()

def parent(ev):
    ps = []
    try:
        for i in range(10):
            p = mp.Process(target=wait, args=(ev,))
            p.start()
            ps.append(p)
    except BlockingIOError as e:
        print('the child started', len(ps), e.errno)
    ev.set()
    for p in ps:
        p.join()

ev = mp.Event()
p = mp.Process(target=parent, args=(ev,))
p.start()
p.join()
print(p.exitcode)
with mp.Pool(4) as pool:
    print(pool.map(abs, [-1, -2, -3]))
with mp.Pool() as pool:
    print(pool._processes <= 5)
"#;
    let (code, out, err) = run(src, Some(5));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "the child started 4 11\n0\n[1, 2, 3]\nTrue\n");
}
