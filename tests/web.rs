//! Rust tests that run inside Chromium, in a dedicated worker, on both the
//! threaded and the non-threaded build (scripts/test-web.sh): the plumbing of
//! each model (threads, processes, async) and the web host's batched output.
#![cfg(target_arch = "wasm32")]
#![cfg_attr(not(target_feature = "atomics"), allow(unused_imports, dead_code))]

use spindle::host::web::{self, entry, process, WebHost};
use spindle::host::{Host, Stream};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

async fn sleep_ms(ms: f64) {
    JsFuture::from(web::js::sleep_promise(ms)).await.unwrap();
}

/// Wait (without blocking the worker) until `cond` holds, or fail after `ms`.
async fn wait_until(ms: f64, what: &str, cond: impl Fn() -> bool) {
    let end = web::js::shared_clock_ms() + ms;
    while !cond() {
        assert!(web::js::shared_clock_ms() < end, "timed out waiting for {what}");
        sleep_ms(5.0).await;
    }
}

#[wasm_bindgen_test]
fn the_build_matches_its_target_features() {
    assert_eq!(web::THREADED, cfg!(target_feature = "atomics"));
    assert!(web::js::cross_origin_isolated(), "the test runner should send COOP/COEP");
    assert!(web::js::in_worker());
    // Blocking needs the threaded build (shared memory) and a worker.
    assert_eq!(WebHost::new().can_block(), web::THREADED);
}

/// The non-threaded build refuses threads instead of failing later.
#[cfg(not(target_feature = "atomics"))]
#[wasm_bindgen_test]
fn the_non_threaded_build_refuses_threads() {
    let err = WebHost::new().spawn_thread("Thread-1", Box::new(|| {})).unwrap_err();
    assert!(err.contains("threaded build"), "{err}");
}

/// Threads: two workers share this memory; both write it, and we join them.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn two_threads_write_the_same_memory_and_are_joined() {
    let host = WebHost::new();
    let slots: Arc<[AtomicU32; 2]> = Arc::new([AtomicU32::new(0), AtomicU32::new(0)]);
    let log: Arc<Mutex<Vec<u32>>> = Arc::new(Mutex::new(Vec::new()));
    let finished = Arc::new(AtomicU32::new(0));
    for i in 0..2u32 {
        let (slots, log, finished) = (slots.clone(), log.clone(), finished.clone());
        host.spawn_thread(&format!("Thread-{}", i + 1), Box::new(move || {
            slots[i as usize].store(100 + i, Ordering::SeqCst);
            log.lock().unwrap().push(i);
            finished.fetch_add(1, Ordering::SeqCst);
        }))
        .expect("spawn_thread");
    }
    // Join: the workers start asynchronously, so yield to the event loop meanwhile.
    wait_until(10_000.0, "both threads", || finished.load(Ordering::SeqCst) == 2).await;
    assert_eq!(slots[0].load(Ordering::SeqCst), 100);
    assert_eq!(slots[1].load(Ordering::SeqCst), 101);
    let mut seen = log.lock().unwrap().clone();
    seen.sort();
    assert_eq!(seen, vec![0, 1]);
}

/// Threads: once a thread worker runs, this worker may block on it (Condvar over
/// memory.atomic.wait) the way a Python `join()` will.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn a_running_thread_can_be_joined_by_blocking() {
    let host = WebHost::new();
    let started = Arc::new(AtomicU32::new(0));
    let done: Arc<(Mutex<bool>, Condvar)> = Arc::new((Mutex::new(false), Condvar::new()));
    let go: Arc<(Mutex<bool>, Condvar)> = Arc::new((Mutex::new(false), Condvar::new()));
    {
        let (started, done, go) = (started.clone(), done.clone(), go.clone());
        host.spawn_thread("Thread-1", Box::new(move || {
            started.store(1, Ordering::SeqCst);
            // Block this thread until the spawner says go (it is blocked on us meanwhile).
            let (m, cv) = &*go;
            let mut g = m.lock().unwrap();
            while !*g {
                g = cv.wait(g).unwrap();
            }
            let (m, cv) = &*done;
            *m.lock().unwrap() = true;
            cv.notify_all();
        }))
        .unwrap();
    }
    wait_until(10_000.0, "thread start", || started.load(Ordering::SeqCst) == 1).await;
    {
        let (m, cv) = &*go;
        *m.lock().unwrap() = true;
        cv.notify_all();
    }
    // Note: std::time::Instant panics on wasm32-unknown-unknown (so does
    // wait_timeout_while); time comes from the host's JS clock instead.
    let (m, cv) = &*done;
    let end = web::js::shared_clock_ms() + 10_000.0;
    let mut g = m.lock().unwrap();
    while !*g {
        assert!(web::js::shared_clock_ms() < end, "blocking join timed out");
        g = cv.wait_timeout(g, std::time::Duration::from_millis(100)).unwrap().0;
    }
}

/// Processes: a worker with its own instance and fresh memory answers a message.
#[wasm_bindgen_test]
async fn a_process_has_its_own_memory_and_answers_a_message() {
    process::MEMORY_MARKER.store(42, Ordering::SeqCst);
    let p = process::spawn_process("Process-1").expect("spawn_process");
    let msg = js_sys::JSON::parse(r#"{"op":"ping","value":7}"#).unwrap();
    let reply = p.request(&msg).await.expect("reply");
    let get = |k: &str| js_sys::Reflect::get(&reply, &k.into()).unwrap();
    assert_eq!(get("op").as_string().as_deref(), Some("pong"));
    assert_eq!(get("value").as_f64(), Some(7.0));
    // The parent's marker is 42; the child's own memory still holds 0.
    assert_eq!(get("memoryMarker").as_f64(), Some(0.0));
    assert_eq!(process::MEMORY_MARKER.load(Ordering::SeqCst), 42);
    p.terminate();
}

/// Processes: a program runs in the process worker and its output comes back batched.
#[wasm_bindgen_test]
async fn a_process_runs_a_program() {
    let p = process::spawn_process("Process-2").expect("spawn_process");
    let batches = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let b2 = batches.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |b: JsValue| b2.borrow_mut().push(b));
    p.on_batch(cb.as_ref().unchecked_ref());
    let msg = js_sys::JSON::parse(r#"{"op":"run","source":"print('child')\n"}"#).unwrap();
    let reply = p.request(&msg).await.expect("reply");
    let exit = js_sys::Reflect::get(&reply, &"exitCode".into()).unwrap().as_f64();
    assert_eq!(exit, Some(0.0));
    wait_until(5_000.0, "the child's batch", || !batches.borrow().is_empty()).await;
    let text = stdout_of(&batches.borrow());
    assert_eq!(text, "child\n");
    p.terminate();
}

/// Async: a JS promise around setTimeout, awaited through wasm-bindgen-futures.
#[wasm_bindgen_test]
async fn an_awaited_set_timeout_promise_resolves() {
    let t0 = web::js::shared_clock_ms();
    sleep_ms(50.0).await;
    let dt = web::js::shared_clock_ms() - t0;
    assert!(dt >= 45.0, "setTimeout(50) resolved after {dt} ms");
}

fn stdout_of(batches: &[JsValue]) -> String {
    let mut s = String::new();
    for b in batches {
        let out = js_sys::Reflect::get(b, &"out".into()).unwrap();
        for chunk in js_sys::Array::from(&out).iter() {
            let c = js_sys::Array::from(&chunk);
            if c.get(0).as_string().as_deref() == Some("stdout") {
                s.push_str(&c.get(1).as_string().unwrap());
            }
        }
    }
    s
}

fn collecting_sink() -> (Rc<RefCell<Vec<JsValue>>>, Closure<dyn FnMut(JsValue)>) {
    let batches = Rc::new(RefCell::new(Vec::new()));
    let b2 = batches.clone();
    (batches, Closure::new(move |b: JsValue| b2.borrow_mut().push(b)))
}

/// Output: many writes become a few batches, in order, with seq numbers.
#[wasm_bindgen_test]
fn many_writes_become_few_batches() {
    let (batches, cb) = collecting_sink();
    web::set_sink(cb.as_ref().unchecked_ref::<js_sys::Function>().clone());
    let host = WebHost::new();
    let mut expect = String::new();
    for i in 0..10_000 {
        let line = format!("line {i}\n");
        host.write(Stream::Stdout, &line);
        expect.push_str(&line);
    }
    host.flush();
    web::clear_sink();
    let n = batches.borrow().len();
    assert!(n >= 1 && n <= 10, "{n} batches for 10,000 writes");
    assert_eq!(host.batches() as usize, n);
    for (i, b) in batches.borrow().iter().enumerate() {
        assert_eq!(js_sys::Reflect::get(b, &"seq".into()).unwrap().as_f64(), Some(i as f64));
    }
    assert_eq!(stdout_of(&batches.borrow()), expect);
}

/// Output: threads write through the shared buffer; the sink owner delivers it.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn thread_output_reaches_the_sink_owner() {
    let (batches, cb) = collecting_sink();
    web::set_sink(cb.as_ref().unchecked_ref::<js_sys::Function>().clone());
    let host = WebHost::new();
    let done = Arc::new(AtomicU32::new(0));
    let (h, d) = (host.clone(), done.clone());
    host.spawn_thread("Thread-1", Box::new(move || {
        h.write(Stream::Stdout, "from a thread\n");
        h.trace(spindle::runtime::trace::TraceEvent { t: 1.0, lane: "Thread-1".into(), kind: "end".into(), detail: String::new() });
        d.store(1, Ordering::SeqCst);
    }))
    .unwrap();
    wait_until(10_000.0, "the thread", || done.load(Ordering::SeqCst) == 1).await;
    host.flush();
    web::clear_sink();
    assert_eq!(stdout_of(&batches.borrow()), "from a thread\n");
    let trace = js_sys::Reflect::get(&batches.borrow()[0], &"trace".into()).unwrap();
    assert_eq!(js_sys::Array::from(&trace).length(), 1);
}

/// The runner's entry: run_source through the WebHost, output back in batches.
#[wasm_bindgen_test]
fn run_program_delivers_batched_output() {
    let (batches, cb) = collecting_sink();
    let opts = js_sys::JSON::parse(r#"{"gil":false,"timeoutMs":5000,"startMethod":"fork","stdin":""}"#).unwrap();
    let res = entry::run_program("print('hi')\n", opts, cb.as_ref().unchecked_ref::<js_sys::Function>().clone()).unwrap();
    let get = |k: &str| js_sys::Reflect::get(&res, &k.into()).unwrap().as_f64();
    assert_eq!(get("exitCode"), Some(0.0));
    let n = batches.borrow().len();
    assert_eq!(get("batches"), Some(n as f64));
    assert!(n >= 1);
    let out = stdout_of(&batches.borrow());
    assert_eq!(out, "hi\n");
}

/// Threads: the caller blocks right after spawning, without ever yielding to
/// its event loop (what `t.start(); t.join()` does). The new worker must still
/// start: it is created by the spawner worker, which never blocks.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn a_thread_starts_while_its_spawner_blocks() {
    web::threads::start_threads_async().await.expect("start_threads");
    let host = WebHost::new();
    let done: Arc<(Mutex<bool>, Condvar)> = Arc::new((Mutex::new(false), Condvar::new()));
    let d = done.clone();
    host.spawn_thread("Thread-1", Box::new(move || {
        let (m, cv) = &*d;
        *m.lock().unwrap() = true;
        cv.notify_all();
    }))
    .unwrap();
    let (m, cv) = &*done;
    let end = web::js::shared_clock_ms() + 5_000.0;
    let mut g = m.lock().unwrap();
    while !*g {
        assert!(web::js::shared_clock_ms() < end, "the thread never started while its spawner blocked");
        g = cv.wait_timeout(g, std::time::Duration::from_millis(100)).unwrap().0;
    }
}

/// Threads: with a port given to startThreads (as the runner does), a thread's
/// output batches travel spawner → port, without passing through this worker.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn thread_batches_reach_the_page_port() {
    let ch = web_sys::MessageChannel::new().unwrap();
    let got = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let g2 = got.clone();
    let onmsg = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| g2.borrow_mut().push(e.data()));
    ch.port1().set_onmessage(Some(onmsg.as_ref().unchecked_ref()));
    JsFuture::from(web::threads::start_threads(ch.port2().into())).await.unwrap();
    // A fresh host: the thread delivers its own batch through its sink.
    let host = WebHost::new();
    let h = host.clone();
    host.spawn_thread("Thread-P", Box::new(move || {
        h.write(Stream::Stdout, "via the port\n");
        h.flush();
    }))
    .unwrap();
    wait_until(10_000.0, "a batch on the port", || !got.borrow().is_empty()).await;
    let msg = got.borrow()[0].clone();
    assert_eq!(js_sys::Reflect::get(&msg, &"type".into()).unwrap().as_string().as_deref(), Some("batch"));
    let batch = js_sys::Reflect::get(&msg, &"batch".into()).unwrap();
    assert_eq!(stdout_of(&[batch]), "via the port\n");
    // Route later threads' output nowhere again (other tests flush themselves).
    JsFuture::from(web::threads::start_threads(JsValue::NULL)).await.unwrap();
    drop(onmsg);
}

/// Host::sleep blocks this worker (memory.atomic.wait with a timeout) on the
/// threaded build, and the clocks agree across threads.
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn sleep_blocks_and_clocks_agree_across_threads() {
    let host = WebHost::new();
    let t0 = host.monotonic();
    host.sleep(0.05);
    let dt = host.monotonic() - t0;
    assert!(dt >= 0.045 && dt < 1.0, "sleep(0.05) took {dt} s");
    assert!((host.wall_time() - js_sys::Date::now() / 1000.0).abs() < 1.0);
    // A thread's monotonic clock reads the same timeline as ours.
    let seen = Arc::new(Mutex::new(0f64));
    let (h, s2) = (host.clone(), seen.clone());
    let before = host.monotonic();
    host.spawn_thread("Thread-C", Box::new(move || *s2.lock().unwrap() = h.monotonic())).unwrap();
    wait_until(10_000.0, "the thread", || *seen.lock().unwrap() > 0.0).await;
    let after = host.monotonic();
    let t = *seen.lock().unwrap();
    assert!(t >= before - 0.002 && t <= after + 0.002, "thread clock {t} outside [{before}, {after}]");
}

/// Python on two Web Workers at once: both threads run bytecode that appends to
/// one list in the shared memory (mirrors tests/threads_native.rs, whose VM API
/// it uses: keep the two in step).
#[cfg(target_feature = "atomics")]
#[wasm_bindgen_test]
async fn python_bytecode_runs_on_two_workers_sharing_one_list() {
    use spindle::runtime::Run;
    use spindle::vm::eval::{new_frame_for_module, ns_dict};
    use spindle::vm::value::{lock, Payload, Value};
    use spindle::vm::Vm;
    web::threads::start_threads_async().await.unwrap();
    let host = WebHost::new();
    let run = Run::new(Arc::new(host.clone()), spindle::RunOptions::default());
    let code = spindle::syntax::compile_source("def work(lst, n):\n    for i in range(n):\n        lst.append(i)\n", "<test>")
        .unwrap_or_else(|_| panic!("compile failed"));
    let module = spindle::stdlib::new_module("__main__");
    let globals = spindle::stdlib::module_dict(&module);
    let mut vm = Vm::new(run.clone(), "main");
    assert!(vm.run_frame(new_frame_for_module(code, globals.clone())).is_ok(), "module raised");
    let work = ns_dict(&globals).get_str("work").expect("work defined");
    let shared = Value::list(vec![]);
    let ok = Arc::new(AtomicU32::new(0));
    let finished = Arc::new(AtomicU32::new(0));
    for t in 0..2 {
        let (run, work, shared, ok, finished) = (run.clone(), work.clone(), shared.clone(), ok.clone(), finished.clone());
        host.spawn_thread(&format!("Thread-{}", t + 1), Box::new(move || {
            let mut vm = Vm::new(run, &format!("Thread-{}", t + 1));
            if vm.call(&work, vec![shared, Value::Int(20_000)]).is_ok() {
                ok.fetch_add(1, Ordering::SeqCst);
            }
            finished.fetch_add(1, Ordering::SeqCst);
        }))
        .unwrap();
    }
    wait_until(30_000.0, "both Python threads", || finished.load(Ordering::SeqCst) == 2).await;
    assert_eq!(ok.load(Ordering::SeqCst), 2, "a thread raised");
    let Some(Payload::List(l)) = shared.payload() else { panic!("not a list") };
    assert_eq!(lock(l).len(), 40_000);
}
