//! The asyncio loop's idle wait on the host (runtime/blocking.rs, loop_wait;
//! runtime/wake.rs): the main thread's loop suspends to the scheduler, which
//! the host wakes when a fetch completes or another thread hands the loop
//! work. Natively a fetch reads a file on its own OS thread, standing in for
//! the browser's fetch() promise; the browser tests (tests/e2e/asyncio.test.mjs)
//! run the same shapes with real promises.

use spindle::host::native::NativeHost;
use spindle::runtime::{run_source, RunOptions};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn run_with(src: &str, green: bool) -> (i32, String, String, Duration) {
    let host = Arc::new(NativeHost::capturing());
    let opts = RunOptions { filename: "t.py".into(), timeout_ms: Some(20_000), green, ..RunOptions::default() };
    let t0 = Instant::now();
    let out = run_source(src, &opts, host.clone());
    let (stdout, stderr) = host.captured();
    (out.exit_code, stdout, stderr, t0.elapsed())
}

/// A directory with three small files, named by `tag`.
fn files(tag: &str) -> String {
    let dir = std::env::temp_dir().join(format!("spindle-fetch-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 1..=3 {
        std::fs::write(dir.join(format!("f{i}.txt")), "word ".repeat(i * 10)).unwrap();
    }
    dir.to_string_lossy().into_owned()
}

const FETCHES: &str = r#"
import asyncio, threading
from spindle.web import fetch_text, fetch_bytes

async def count_threads():
    return threading.active_count()

async def main():
    texts = asyncio.gather(*(fetch_text(f"{DIR}/f{i}.txt") for i in (1, 2, 3)))
    # While they are in flight, no helper thread runs them.
    print("threads during fetch:", await count_threads())
    print([len(t.split()) for t in await texts])
    print(len(await fetch_bytes(f"{DIR}/f1.txt")))
    try:
        await fetch_text(f"{DIR}/missing.txt")
    except OSError as e:
        print("OSError:", str(e).split(":")[0])
    # A fetch given up on (cancelled) leaves the loop working.
    try:
        await asyncio.wait_for(fetch_text(f"{DIR}/f2.txt"), timeout=0)
    except TimeoutError:
        print("timed out")
    print(await asyncio.to_thread(lambda: threading.current_thread().name != "MainThread"))
    await asyncio.sleep(0.05)
    print("done")

asyncio.run(main())
"#;

const FETCHES_OUT: &str = "threads during fetch: 1\n[10, 20, 30]\n50\nOSError: fetch f/missing.txt failed\ntimed out\nTrue\ndone\n";

fn check_fetches(green: bool) {
    let dir = files(if green { "green" } else { "real" });
    let src = FETCHES.replace("{DIR}", &dir);
    let (code, out, err, _) = run_with(&src, green);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(out.replace(&dir, "f"), FETCHES_OUT, "stderr: {err}");
}

#[test]
fn fetches_complete_while_the_loop_idles() {
    check_fetches(false);
}

#[test]
fn fetches_complete_while_green_threads_idle() {
    check_fetches(true);
}

/// A thread handing the idle loop work wakes it at once, not at the next poll.
#[test]
fn call_soon_threadsafe_wakes_the_idle_loop_promptly() {
    let src = r#"
import asyncio, threading, time

async def main():
    loop = asyncio.get_running_loop()
    gaps = []
    for _ in range(20):
        fut = loop.create_future()
        def later():
            time.sleep(0.002)
            t = time.perf_counter()
            loop.call_soon_threadsafe(fut.set_result, t)
        threading.Thread(target=later).start()
        sent = await fut
        gaps.append(time.perf_counter() - sent)
    gaps.sort()
    print("median wake-up under 5 ms:", gaps[10] < 0.005)

asyncio.run(main())
"#;
    let (code, out, err, _) = run_with(src, false);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(out, "median wake-up under 5 ms: True\n", "stderr: {err}");
}

/// A stop (here the run's timeout) ends an idle loop's wait forever with
/// KeyboardInterrupt, while another thread keeps the run from being a
/// deadlock.
#[test]
fn an_idle_loop_is_stopped_by_the_timeout() {
    let host = Arc::new(NativeHost::capturing());
    let opts = RunOptions { filename: "t.py".into(), timeout_ms: Some(300), ..RunOptions::default() };
    let src = "import asyncio, threading, time\ndef tick():\n    while True:\n        time.sleep(0.01)\nthreading.Thread(target=tick, daemon=True).start()\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
    let t0 = Instant::now();
    let out = run_source(src, &opts, host.clone());
    let (_, err) = host.captured();
    assert_ne!(out.exit_code, 0, "stderr: {err}");
    assert!(err.ends_with("KeyboardInterrupt\n"), "stderr: {err}");
    assert!(err.contains("line 8, in <module>"), "stderr: {err}");
    assert!(t0.elapsed() < Duration::from_secs(3), "took {:?}", t0.elapsed());
}
