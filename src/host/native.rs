//! The native host: std::thread, std::time and real stdout/stderr.
//! Used by the `spindle` CLI and by the fast native tests.

use super::{Host, Stream};
use crate::runtime::trace::TraceEvent;
use std::io::Write;
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Writes to the process's stdout/stderr (or captures into buffers for tests).
pub struct NativeHost {
    start: Instant,
    capture: Option<Mutex<(String, String)>>,
    pub trace_events: Mutex<Vec<TraceEvent>>,
    keep_trace: bool,
}

impl NativeHost {
    /// A host writing straight to the process's stdout and stderr.
    pub fn stdio() -> Self {
        NativeHost { start: Instant::now(), capture: None, trace_events: Mutex::new(Vec::new()), keep_trace: false }
    }
    /// A host capturing output in memory (for tests); read it with `captured`.
    pub fn capturing() -> Self {
        NativeHost {
            start: Instant::now(),
            capture: Some(Mutex::new((String::new(), String::new()))),
            trace_events: Mutex::new(Vec::new()),
            keep_trace: true,
        }
    }
    /// (stdout, stderr) captured so far.
    pub fn captured(&self) -> (String, String) {
        self.capture.as_ref().map(|c| c.lock().unwrap().clone()).unwrap_or_default()
    }
}

impl Host for NativeHost {
    fn write(&self, stream: Stream, text: &str) {
        if let Some(c) = &self.capture {
            let mut c = c.lock().unwrap();
            match stream {
                Stream::Stdout => c.0.push_str(text),
                Stream::Stderr => c.1.push_str(text),
            }
            return;
        }
        match stream {
            Stream::Stdout => {
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Stream::Stderr => {
                // Keep the relative order of stdout and stderr on a terminal.
                let _ = std::io::stdout().lock().flush();
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
            }
        }
    }
    fn flush(&self) {
        if self.capture.is_none() {
            let _ = std::io::stdout().lock().flush();
            let _ = std::io::stderr().lock().flush();
        }
    }
    fn monotonic(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }
    fn wall_time(&self) -> f64 {
        SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }
    fn can_block(&self) -> bool {
        true
    }
    fn sleep(&self, secs: f64) {
        if secs > 0.0 {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        }
    }
    fn spawn_thread(&self, name: &str, f: Box<dyn FnOnce() + Send + 'static>) -> Result<(), String> {
        std::thread::Builder::new()
            .name(name.to_string())
            .stack_size(16 << 20)
            .spawn(f)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    fn cpu_count(&self) -> usize {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    }
    fn trace(&self, ev: TraceEvent) {
        if self.keep_trace {
            self.trace_events.lock().unwrap().push(ev);
        }
    }
    fn pid(&self) -> u32 {
        std::process::id()
    }
    /// A process is an OS thread with its own interpreter (`Run`): it shares
    /// no Python object with its parent, only the bytes of its snapshot.
    fn spawn_process(self: std::sync::Arc<Self>, start: super::ProcessStart) -> Result<std::sync::Arc<dyn super::ProcessHandle>, String> {
        let proc_ = std::sync::Arc::new(NativeProcess {
            pid: start.pid,
            name: start.name.clone(),
            exit: Mutex::new(None),
            ended: std::sync::Condvar::new(),
            run: Mutex::new(None),
            kill: std::sync::atomic::AtomicBool::new(false),
        });
        let (slots, ipc) = (start.slots, self.ipc());
        let host: std::sync::Arc<dyn Host> = std::sync::Arc::new(super::PidHost { inner: self, pid: start.pid });
        let p = proc_.clone();
        std::thread::Builder::new()
            .name(start.name.clone())
            .stack_size(16 << 20)
            .spawn(move || {
                let code = crate::runtime::process::child_main(start, host, &|run| {
                    *p.run.lock().unwrap() = Some(run.clone());
                    // Terminated before its interpreter existed.
                    if p.kill.load(std::sync::atomic::Ordering::SeqCst) {
                        run.terminate();
                    }
                });
                // Its slot is free before its exit code shows.
                if slots != 0 {
                    let _ = ipc.counter_add(slots, -1);
                }
                *p.exit.lock().unwrap() = Some(code);
                p.ended.notify_all();
            })
            .map_err(|e| e.to_string())?;
        Ok(proc_)
    }
    /// On its own OS thread.
    fn fetch_start(self: std::sync::Arc<Self>, url: &str, done: crate::host::FetchDone) -> bool {
        let url = url.to_string();
        std::thread::Builder::new().name("fetch".into()).spawn(move || done(self.fetch(&url))).is_ok()
    }
    /// http:// URLs with a minimal HTTP/1.0 client; anything else is a path.
    fn fetch(&self, url: &str) -> Result<(u16, Vec<u8>), String> {
        match url.strip_prefix("http://") {
            Some(rest) => http_get(rest),
            None => std::fs::read(url.strip_prefix("file://").unwrap_or(url)).map(|b| (200, b)).map_err(|e| e.to_string()),
        }
    }
}

/// GET `host[:port]/path` over HTTP/1.0; returns the status and the body.
fn http_get(rest: &str) -> Result<(u16, Vec<u8>), String> {
    use std::io::Read;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let addr = if authority.contains(':') { authority.to_string() } else { format!("{authority}:80") };
    let mut s = std::net::TcpStream::connect(&addr).map_err(|e| e.to_string())?;
    let req = format!("GET {path} HTTP/1.0\r\nHost: {authority}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).map_err(|e| e.to_string())?;
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").ok_or("malformed HTTP response")?;
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or("malformed HTTP status line")?;
    Ok((status, buf[split + 4..].to_vec()))
}

/// A process of the native host: a thread running its own `Run`.
struct NativeProcess {
    pid: u32,
    name: String,
    exit: Mutex<Option<i32>>,
    ended: std::sync::Condvar,
    /// The child's run, once it exists (terminate stops it).
    run: Mutex<Option<std::sync::Arc<crate::runtime::Run>>>,
    /// terminate() was called (possibly before the run existed).
    kill: std::sync::atomic::AtomicBool,
}

impl super::ProcessHandle for NativeProcess {
    fn exitcode(&self) -> Option<i32> {
        *self.exit.lock().unwrap()
    }
    fn park(&self, secs: f64) {
        let g = self.exit.lock().unwrap();
        if g.is_none() {
            let _ = self.ended.wait_timeout(g, std::time::Duration::from_secs_f64(secs.max(0.0)));
        }
    }
    fn terminate(&self) {
        let run = self.run.lock().unwrap();
        self.kill.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(run) = run.as_ref() {
            run.terminate();
        }
    }
    fn pid(&self) -> u32 {
        self.pid
    }
    fn name(&self) -> &str {
        &self.name
    }
}