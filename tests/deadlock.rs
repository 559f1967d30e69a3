//! Deadlock detection with real threads (runtime/deadlock.rs): when every live
//! thread waits forever on a lock that only a waiting thread could release,
//! the run prints `Deadlock: ...` with each thread's traceback within a second
//! and ends with exit code 1. Busy hand-offs through locks, conditions and
//! queues, and timed waits, are never taken for deadlocks.

use spindle::host::native::NativeHost;
use spindle::runtime::{run_source, RunOptions};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn run(src: &str) -> (i32, String, String, Duration) {
    let host = Arc::new(NativeHost::capturing());
    let opts = RunOptions { filename: "dl.py".into(), timeout_ms: Some(20_000), ..RunOptions::default() };
    let t0 = Instant::now();
    let out = run_source(src, &opts, host.clone());
    let (stdout, stderr) = host.captured();
    (out.exit_code, stdout, stderr, t0.elapsed())
}

/// The report's first line with lock addresses replaced by 0x…
fn first_line(stderr: &str) -> String {
    let line = stderr.lines().next().unwrap_or("").to_string();
    let mut out = String::new();
    let mut rest = line.as_str();
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x…");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn assert_deadlock(src: &str, expected_first_line: &str, traceback_lines: &[&str]) {
    let (code, _out, err, took) = run(src);
    assert_eq!(code, 1, "stderr: {err}");
    assert_eq!(first_line(&err), expected_first_line, "stderr: {err}");
    for l in traceback_lines {
        assert!(err.contains(l), "{l:?} missing from: {err}");
    }
    assert!(took < Duration::from_secs(3), "took {took:?}");
}

#[test]
fn two_threads_taking_two_locks_in_opposite_order() {
    assert_deadlock(
        r#"
import threading, time
a, b = threading.Lock(), threading.Lock()
go = threading.Barrier(2)
def one():
    with a:
        go.wait()
        with b:
            pass
def two():
    with b:
        go.wait()
        with a:
            pass
t1 = threading.Thread(target=one, name="Thread-1")
t2 = threading.Thread(target=two, name="Thread-2")
t1.start(); t2.start()
t1.join(); t2.join()
print("never")
"#,
        "Deadlock: MainThread waits to join Thread-1; Thread-1 waits for Lock 0x… held by Thread-2; \
         Thread-2 waits for Lock 0x… held by Thread-1",
        &["MainThread (most recent call last):", "Thread-1 (most recent call last):", "line 8, in one\n    with b:", "line 13, in two\n    with a:"],
    );
}

#[test]
fn a_queue_nobody_fills() {
    assert_deadlock(
        "import queue\nq = queue.Queue()\nq.get()\n",
        "Deadlock: MainThread waits for notify() of Condition 0x…",
        &["line 3, in <module>\n    q.get()"],
    );
}

#[test]
fn an_event_nobody_sets_and_a_thread_waiting_for_it() {
    assert_deadlock(
        r#"
import threading
ev = threading.Event()
t = threading.Thread(target=ev.wait, name="Waiter")
t.start()
t.join()
"#,
        "Deadlock: MainThread waits to join Waiter; Waiter waits for notify() of Condition 0x…",
        &["line 6, in <module>\n    t.join()"],
    );
}

#[test]
fn an_rlock_held_by_a_thread_that_ended() {
    assert_deadlock(
        r#"
import threading
r = threading.RLock()
t = threading.Thread(target=r.acquire)
t.start(); t.join()
r.acquire()
"#,
        "Deadlock: MainThread waits for RLock 0x… held by a thread that has ended",
        &["line 6, in <module>\n    r.acquire()"],
    );
}

#[test]
fn an_asyncio_event_nobody_sets() {
    assert_deadlock(
        "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n",
        "Deadlock: MainThread waits for the event loop to be woken (no task ready, no timer pending)",
        &["line 4, in <module>\n    asyncio.run(main())"],
    );
}

#[test]
fn busy_hand_offs_and_timed_waits_are_not_deadlocks() {
    let (code, out, err, _) = run(r#"
import threading, queue, time
# Ping-pong through two conditions, many times.
cv = threading.Condition()
turn = [0]
def player(me, n):
    for _ in range(n):
        with cv:
            while turn[0] != me:
                cv.wait()
            turn[0] = 1 - me
            cv.notify_all()
ts = [threading.Thread(target=player, args=(i, 2000)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
# A producer that is slow, and a consumer that waits forever for each item.
q = queue.Queue()
def produce():
    for i in range(5):
        time.sleep(0.15)
        q.put(i)
threading.Thread(target=produce).start()
print(sum(q.get() for _ in range(5)))
# A timed wait is not forever: it ends by itself.
print(threading.Lock().acquire() and threading.Event().wait(0.7))
"#);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "10\nFalse\n", ""));
}
