// Worker helpers for the web host (a wasm-bindgen snippet, imported by the glue).
// Thread workers share the caller's wasm memory; process workers instantiate the
// same module with a fresh memory. Worker code is inlined as Blob URLs so it works
// wherever the glue is served from (dist/, wasm-bindgen-test-runner, ...).
//
// Why a spawner worker: Chromium does not start a worker created by a worker that
// then blocks (Atomics.wait) before yielding to its event loop, and Python's
// `t.start(); t.join()` does exactly that. So threads are created by a small
// spawner worker that never blocks; blocked threads can still post to it.

// Rooted so that workers sharing memory are never garbage collected.
const live = new Set();

// A thread worker: instantiate the module on the shared memory ('init'), then
// run boxed closures ('run'), one at a time. After a clean run it tells its
// parent it is idle and waits for the next closure: the spawner reuses it, so a
// thread start costs a message, not a worker plus an instantiation. After a
// failed run (a trap leaves the instance in an unknown state) it frees its
// stack and TLS and exits.
const THREAD_SRC = `
let ready = null;
self.onmessage = async (e) => {
  const d = e.data;
  if (d.type === 'init') {
    ready = (async () => {
      const pkg = await import(d.mainJS);
      const wasm = await pkg.default({ module_or_path: d.module, memory: d.memory });
      // Our parent is the spawner: nested spawns and output batches go to it.
      if (d.viaSpawner) globalThis.__spindleSpawner = self;
      // Blob-URL workers resolve relative URLs (spindle.web) against the runner's.
      if (d.pageUrl) globalThis.__spindlePageUrl = d.pageUrl;
      // The run's IPC buffer (multiprocessing's channels and counters).
      if (d.ipc) globalThis.__spindleIpc = d.ipc;
      return { pkg, wasm };
    })();
    try { await ready; self.postMessage({ type: 'warm' }); }
    catch (err) {
      console.error('spindle thread worker failed to start:', err);
      self.postMessage({ type: 'error', error: String((err && err.stack) || err) });
    }
  } else if (d.type === 'run') {
    let wasm, ok = false;
    try {
      const r = await ready;
      wasm = r.wasm;
      const sink = d.hasSink ? (batch) => self.postMessage({ type: 'batch', batch }) : undefined;
      r.pkg.spindle_thread_entry(d.ptr, sink);
      ok = true;
    } catch (err) {
      console.error('spindle thread failed:', err);
      self.postMessage({ type: 'error', error: String((err && err.stack) || err) });
    }
    if (ok && d.reusable) { self.postMessage({ type: 'idle' }); return; }
    // Free this thread's stack and TLS in the shared memory.
    try { if (wasm && wasm.__wbindgen_thread_destroy) wasm.__wbindgen_thread_destroy(); } catch (_) {}
    self.postMessage({ type: 'exit' });
    self.close();
  }
};
`;

// The spawner: creates thread workers on request, keeping some initialised in
// advance ("warm": one per core, 2 to 8) and taking back the workers of
// finished threads, so the pool grows with demand and a start is a message.
// It forwards their output batches to the page (through cfg.toPage, a
// MessagePort, when there is one).
const SPAWNER_SRC = `
let WARM = 2;
let cfg = null;
const live = new Set();
const idle = []; // initialised or initialising, not running a closure
function makeWorker() {
  const w = new Worker(cfg.threadUrl, { type: 'module', name: 'spindle-thread' });
  live.add(w);
  w.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === 'warm') w.warm = true;
    else if (m.type === 'spawn') spawn(m.ptr, m.name);
    else if (m.type === 'spawnProcess') spawnProcess(m);
    else if (m.type === 'prewarmProcess') prewarmProcess();
    else if (m.type === 'killProcess') killProcess(m.pid);
    else if (m.type === 'batch') { if (cfg.toPage) cfg.toPage.postMessage(m); }
    else if (m.type === 'idle') idle.unshift(w); // reused first: its caches are warm
    else if (m.type === 'exit') live.delete(w);
    else if (m.type === 'error') {
      console.error('spindle thread worker:', m.error);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    }
  };
  w.postMessage({ type: 'init', module: cfg.module, memory: cfg.memory, mainJS: cfg.mainJS, viaSpawner: true, pageUrl: cfg.pageUrl, ipc: cfg.ipc });
  return w;
}
function topUp() { while (idle.length < WARM) idle.push(makeWorker()); }
function spawn(ptr, name) {
  // Prefer a worker that is already initialised; one still initialising
  // queues the run message and starts it as soon as it is ready.
  let i = idle.findIndex((w) => w.warm);
  if (i < 0 && idle.length) i = 0;
  const w = i >= 0 ? idle.splice(i, 1)[0] : makeWorker();
  w.postMessage({ type: 'run', ptr, name, hasSink: !!cfg.toPage, reusable: true });
  topUp();
}
// Python processes: a worker each, with its own instance and memory. Their
// output batches are forwarded to the page tagged with the pid (src); their
// exit code is written into the parent's memory at statusPtr (Atomics), where
// the parent's join() waits for it.
const procs = new Map();
// Two process workers are kept instantiated in advance once processes are in
// use (after a start, or when the program imports multiprocessing), so that
// a start costs a message: the module instance and its memory are ready;
// only the program's own start-up remains. Two, because preparing one takes
// longer than a start-join cycle: with one, every other start was cold.
const WARM_PROCS = 2;
const warmProcs = [];
function prepareProcess() {
  const w = new Worker(cfg.procUrl, { type: 'module', name: 'spindle-process' });
  const p = { w, pid: 0, done: false };
  const forward = (batch) => { if (cfg.toPage && p.pid) cfg.toPage.postMessage({ type: 'batch', batch, src: p.pid }); };
  // The child's requests (threads, processes) and its threads' output come
  // through this channel. A process has no spawner of its own until it asks
  // for a thread or a process: then this spawner makes one for it (see
  // childSpawner), so a process start pays for one worker, not two.
  const ch = new MessageChannel();
  ch.port1.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === 'batch') forward(m.batch);
    else if (m.type === 'memory') p.memory = m.memory;
    else childSpawner(p, forward).postMessage(m);
  };
  p.port = ch.port1;
  w.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === 'batch') forward(m.batch);
    else if (m.type === 'exit') finishProcess(p.pid, m.code, m.batches);
    else if (m.type === 'error') { console.error('spindle process', p.name, m.error); finishProcess(p.pid, 1, null, m.error); }
  };
  w.onerror = (e) => { if (p.pid) finishProcess(p.pid, 1, null, 'process worker error: ' + (e.message || e)); else p.failed = true; };
  w.postMessage({ type: 'prepare', module: cfg.module, mainJS: cfg.mainJS, pageUrl: cfg.pageUrl, ipc: cfg.ipc, threadsPort: ch.port2,
    stdlib: cfg.stdlib }, [ch.port2]);
  return p;
}
// The spawner of a process's own threads and child processes, made on its
// first request. Messages posted before it has read 'init' wait in order.
function childSpawner(p, forward) {
  if (!p.sub) {
    p.sub = new Worker(cfg.spawnerUrl, { type: 'module', name: 'spindle-spawner' });
    const out = new MessageChannel();
    out.port1.onmessage = (e) => { if (e.data && e.data.type === 'batch') forward(e.data.batch); };
    p.sub.postMessage({ type: 'init', module: cfg.module, memory: p.memory, mainJS: cfg.mainJS, toPage: out.port2,
      threadSrc: cfg.threadSrc, procSrc: cfg.procSrc, spawnerSrc: cfg.spawnerSrc, warm: 0, pageUrl: cfg.pageUrl,
      ipc: cfg.ipc, stdlib: cfg.stdlib }, [out.port2]);
  }
  return p.sub;
}
function prewarmProcess() {
  for (let i = warmProcs.length - 1; i >= 0; i--) if (warmProcs[i].failed) warmProcs.splice(i, 1);
  while (warmProcs.length < WARM_PROCS) warmProcs.push(prepareProcess());
}
function spawnProcess(d) {
  const bytes = new Uint8Array(cfg.memory.buffer, d.ptr, d.len).slice();
  let p = warmProcs.shift();
  while (p && p.failed) p = warmProcs.shift();
  if (!p) p = prepareProcess();
  Object.assign(p, { pid: d.pid, name: d.name, statusPtr: d.statusPtr, slots: d.slots });
  procs.set(d.pid, p);
  p.w.postMessage({ type: 'start', bytes }, [bytes.buffer]);
  prewarmProcess(); // the next starts are warm
}
function finishProcess(pid, code, batches, error) {
  const p = procs.get(pid);
  if (!p || p.done) return;
  p.done = true;
  if (cfg.toPage) cfg.toPage.postMessage({ type: 'procEnd', src: pid, batches, error });
  // Free its slot among the run's live processes (an IPC counter, see
  // ipc_alloc below) before its exit code shows.
  if (p.slots && cfg.ipc) {
    const I = new Int32Array(cfg.ipc), w = p.slots >> 2;
    Atomics.sub(I, w + 1, 1); Atomics.add(I, w + 2, 1); Atomics.notify(I, w + 2);
  }
  const i32 = new Int32Array(cfg.memory.buffer);
  Atomics.store(i32, p.statusPtr >> 2, code);
  Atomics.notify(i32, p.statusPtr >> 2);
  // The process has ended (its daemon threads end with it, as in CPython):
  // free its instance and memory now rather than at the end of the run.
  p.w.terminate();
  if (p.sub) p.sub.terminate();
  if (p.port) p.port.close();
  procs.delete(pid);
}
function killProcess(pid) {
  const p = procs.get(pid);
  if (!p || p.done) return;
  finishProcess(pid, -15, null);
}
// The page asks to stop the run through the port it shares with us: we set
// the instance's stop flag in the shared memory (the runner itself is busy
// running Python and reads no messages); every thread sees it within a slice.
function listenToPage() {
  if (!cfg.toPage) return;
  cfg.toPage.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === 'stop' && m.address) Atomics.store(new Int32Array(cfg.memory.buffer), m.address >> 2, 1);
  };
}
self.onmessage = (e) => {
  const d = e.data;
  if (d.type === 'init') {
    cfg = d;
    listenToPage();
    cfg.procUrl = URL.createObjectURL(new Blob([d.procSrc], { type: 'text/javascript' }));
    cfg.spawnerUrl = URL.createObjectURL(new Blob([d.spawnerSrc], { type: 'text/javascript' }));
    WARM = Math.max(0, Math.min(8, d.warm ?? 2));
    cfg.threadUrl = URL.createObjectURL(new Blob([d.threadSrc], { type: 'text/javascript' }));
    topUp();
    self.postMessage({ type: 'ready' });
  } else if (d.type === 'port') {
    cfg.toPage = d.toPage;
    listenToPage();
    self.postMessage({ type: 'ready' });
  } else if (d.type === 'spawn') spawn(d.ptr, d.name);
  else if (d.type === 'spawnProcess') spawnProcess(d);
  else if (d.type === 'prewarmProcess') prewarmProcess();
  else if (d.type === 'killProcess') killProcess(d.pid);
};
`;

// A Python process. 'prepare': instantiate the module with a fresh memory, and
// route what a spawner is asked for (threads, processes) to threadsPort: the
// parent's spawner makes a spawner for this process on its first request, and
// forwards its threads' output. 'start' (perhaps much later: a warm process):
// run the process (spindle_process_main) and report the exit code.
const PYPROC_SRC = `
let prepared = null;
self.onmessage = async (e) => {
  const d = e.data;
  if (d.type === 'prepare') {
    if (d.pageUrl) globalThis.__spindlePageUrl = d.pageUrl;
    if (d.ipc) globalThis.__spindleIpc = d.ipc;
    prepared = (async () => {
      const pkg = await import(d.mainJS);
      const wasm = await pkg.default({ module_or_path: d.module });
      // A fresh memory: this process installs the standard library its
      // parent was given (loader.js), and passes it on to its children.
      pkg.installStdlib(new Uint8Array(d.stdlib));
      d.threadsPort.postMessage({ type: 'memory', memory: wasm.memory });
      globalThis.__spindleSpawner = d.threadsPort;
      try { pkg.spindle_process_warmup(); } catch (err) { console.error('spindle process warm-up:', err); }
      return pkg;
    })();
    prepared.catch(() => {}); // reported at 'start'
  } else if (d.type === 'start') {
    try {
      const pkg = await prepared;
      const sink = (batch) => self.postMessage({ type: 'batch', batch });
      const res = pkg.spindle_process_main(d.bytes, sink);
      self.postMessage({ type: 'exit', code: res.exitCode, batches: res.batches });
    } catch (err) {
      const why = globalThis.__spindleLastPanic || String((err && err.stack) || err);
      self.postMessage({ type: 'error', error: why });
    }
  }
};
`;

// A process worker: its own instance and memory. Messages are queued until the
// instance is ready, then each is answered by spindle_process_entry.
const PROCESS_SRC = `
let ready;
self.onmessage = async (e) => {
  if (!ready) {
    const { module, mainJS, stdlib } = e.data;
    ready = (async () => {
      const pkg = await import(mainJS);
      await pkg.default({ module_or_path: module });
      if (stdlib) pkg.installStdlib(new Uint8Array(stdlib));
      return pkg;
    })();
    try { await ready; self.postMessage({ type: 'ready' }); }
    catch (err) { self.postMessage({ type: 'error', error: String((err && err.stack) || err) }); }
    return;
  }
  const pkg = await ready;
  const sink = (batch) => self.postMessage({ type: 'batch', batch });
  try {
    const reply = pkg.spindle_process_entry(e.data.msg, sink);
    self.postMessage({ type: 'reply', id: e.data.id, reply });
  } catch (err) {
    self.postMessage({ type: 'reply', id: e.data.id, error: String((err && err.stack) || err) });
  }
};
`;

const urls = {};
function workerUrl(kind, src) {
  if (!urls[kind]) urls[kind] = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  return urls[kind];
}

// Start this worker's spawner (call, and await, before anything may block).
// Called again with a port, it routes later threads' output to that port
// (null: nowhere; undefined: unchanged).
export function start_spawner(module, memory, mainJS, toPage) {
  const existing = globalThis.__spindleSpawner;
  if (existing) {
    if (toPage === undefined) return Promise.resolve(); // null: stop forwarding
    return new Promise((resolve) => {
      existing.addEventListener('message', function once(e) {
        if (e.data && e.data.type === 'ready') { existing.removeEventListener('message', once); resolve(); }
      });
      existing.postMessage({ type: 'port', toPage }, toPage ? [toPage] : []);
    });
  }
  const w = new Worker(workerUrl('spawner', SPAWNER_SRC), { type: 'module', name: 'spindle-spawner' });
  live.add(w);
  return new Promise((resolve, reject) => {
    w.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'ready') { globalThis.__spindleSpawner = w; resolve(); }
    }, { once: true });
    w.onerror = (e) => reject(new Error('spawner worker failed: ' + (e.message || e)));
    // Warm thread workers: one per core (2 to 8) for the runner; none for a
    // Python process, whose threads (rare) start on demand, so that a process
    // start does not pay for instantiating workers it may never use.
    const warm = globalThis.__spindleWarmThreads ?? Math.max(2, (globalThis.navigator && navigator.hardwareConcurrency) || 2);
    const pageUrl = globalThis.__spindlePageUrl || (self.location && self.location.href);
    const ipc = ipc_shared();
    w.postMessage({ type: 'init', module, memory, mainJS: String(mainJS), toPage, threadSrc: THREAD_SRC, procSrc: PYPROC_SRC,
      spawnerSrc: SPAWNER_SRC, warm, pageUrl, ipc, stdlib: globalThis.__spindleStdlib },
      toPage ? [toPage] : []);
  });
}

export function spawn_thread_worker(module, memory, mainJS, ptr, name) {
  const spawner = globalThis.__spindleSpawner;
  if (spawner) {
    spawner.postMessage({ type: 'spawn', ptr, name });
    return;
  }
  // No spawner: start the worker directly. It only starts once this worker
  // yields to its event loop, so the caller must not block before then.
  const w = new Worker(workerUrl('thread', THREAD_SRC), { type: 'module', name });
  live.add(w);
  w.onmessage = (e) => {
    const d = e.data || {};
    if (d.type === 'exit') live.delete(w);
    else if (d.type === 'error') console.error('spindle thread', name, d.error);
  };
  w.postMessage({ type: 'init', module, memory, mainJS: String(mainJS), viaSpawner: false });
  w.postMessage({ type: 'run', ptr, name, hasSink: false });
}

export function spawn_process_worker(module, mainJS, name) {
  const w = new Worker(workerUrl('process', PROCESS_SRC), { type: 'module', name });
  const handle = { worker: w, nextId: 1, pending: new Map(), onBatch: null };
  handle.ready = new Promise((resolve, reject) => {
    w.onmessage = (e) => {
      const d = e.data || {};
      if (d.type === 'ready') resolve();
      else if (d.type === 'error') reject(new Error(d.error));
      else if (d.type === 'batch') { if (handle.onBatch) handle.onBatch(d.batch); }
      else if (d.type === 'reply') {
        const p = handle.pending.get(d.id);
        handle.pending.delete(d.id);
        if (p) d.error ? p.reject(new Error(d.error)) : p.resolve(d.reply);
      }
    };
    w.onerror = (e) => reject(new Error('process worker error: ' + (e.message || e)));
  });
  w.postMessage({ module, mainJS: String(mainJS), stdlib: globalThis.__spindleStdlib });
  return handle;
}

export async function process_request(handle, msg) {
  await handle.ready;
  const id = handle.nextId++;
  return new Promise((resolve, reject) => {
    handle.pending.set(id, { resolve, reject });
    handle.worker.postMessage({ id, msg });
  });
}

export function process_terminate(handle) {
  handle.worker.terminate();
  for (const p of handle.pending.values()) p.reject(new Error('process terminated'));
  handle.pending.clear();
}

export function sleep_promise(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Relative URLs resolve against the page.
function pageUrl(url) {
  const base = (globalThis.__spindlePageUrl) || (self.location && self.location.href);
  return new URL(url, base).href;
}

// A blocking GET from this worker (synchronous XHR is allowed in workers):
// {status, bytes} or {error}.
export function fetch_sync(url) {
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', pageUrl(url), false);
    xhr.responseType = 'arraybuffer';
    xhr.send();
    return { status: xhr.status, bytes: new Uint8Array(xhr.response || new ArrayBuffer(0)) };
  } catch (err) {
    return { error: String((err && err.message) || err) };
  }
}

// A GET with fetch(): a promise of {status, bytes} or {error}, never rejected.
export async function fetch_async(url) {
  try {
    const res = await fetch(pageUrl(url));
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (err) {
    return { error: String((err && err.message) || err) };
  }
}

// Ask this worker's spawner to start a Python process (see PYPROC_SRC): the
// start message is `len` bytes at `ptr` in this module's memory; the exit
// code will be stored at `statusPtr`.
export function spawn_py_process(ptr, len, statusPtr, pid, name, slots) {
  const spawner = globalThis.__spindleSpawner;
  if (!spawner) throw new Error('no spawner: processes need the threaded build on a cross-origin isolated page');
  spawner.postMessage({ type: 'spawnProcess', ptr, len, statusPtr, pid, name, slots });
}

// Ask this worker's spawner to get a process worker ready in advance.
export function prewarm_py_process() {
  const spawner = globalThis.__spindleSpawner;
  if (spawner) spawner.postMessage({ type: 'prewarmProcess' });
}

export function kill_py_process(pid) {
  const spawner = globalThis.__spindleSpawner;
  if (spawner) spawner.postMessage({ type: 'killProcess', pid });
}

// ----- IPC between processes: channels and counters in one SharedArrayBuffer -----
// Created by the first worker that starts a spawner (the runner) and handed to
// every thread and process worker of the run, so all of them see the same
// objects. An object's id is its byte offset. Layout (Int32 words):
//   I[0] allocation lock, I[1] next free byte.
//   channel at o: [kind=1, lock, head, tail, count, used, capacity, version], data follows (o + 32).
//   counter at o: [kind=2, value, version, 0].
//   segment at o: [kind=3, nbytes, 0, 0], nbytes of shared memory follow (o + 16);
//     multiprocessing's Value and Array, read and written with plain copies
//     (their lock, a channel, orders them).
// Messages in a channel are [u32 length][bytes], wrapping around the data area.
const IPC_BYTES = 64 << 20;
function ipcArrays() {
  let sab = globalThis.__spindleIpc;
  if (!sab) {
    sab = globalThis.__spindleIpc = new SharedArrayBuffer(IPC_BYTES);
    new Int32Array(sab)[1] = 64;
  }
  return { I: new Int32Array(sab), U: new Uint8Array(sab) };
}
function ipcLock(I, i) { while (Atomics.compareExchange(I, i, 0, 1) !== 0) Atomics.wait(I, i, 1, 1); }
function ipcUnlock(I, i) { Atomics.store(I, i, 0); Atomics.notify(I, i, 1); }
function ipcBump(I, w) { Atomics.add(I, w, 1); Atomics.notify(I, w); }

export function ipc_shared() { return ipcArrays() && globalThis.__spindleIpc; }

// Allocate an object of `kind` (1 channel, 2 counter) with `capacity` data bytes; -1 if full.
export function ipc_alloc(kind, capacity, value) {
  const { I } = ipcArrays();
  const size = kind === 1 ? 32 + ((capacity + 7) & ~7) : kind === 3 ? 16 + ((capacity + 7) & ~7) : 16;
  ipcLock(I, 0);
  const o = I[1];
  if (o + size > I.length * 4) { ipcUnlock(I, 0); return -1; }
  I[1] = o + size;
  ipcUnlock(I, 0);
  const w = o >> 2;
  if (kind === 1) { I[w + 1] = 0; I[w + 2] = 0; I[w + 3] = 0; I[w + 4] = 0; I[w + 5] = 0; I[w + 6] = capacity; I[w + 7] = 0; }
  else if (kind === 3) { I[w + 1] = capacity; new Uint8Array(I.buffer, o + 16, capacity).fill(0); }
  else { I[w + 1] = value; I[w + 2] = 0; }
  Atomics.store(I, w, kind);
  return o;
}
function ringWrite(U, base, cap, at, src) {
  const first = Math.min(src.length, cap - at);
  U.set(src.subarray(0, first), base + at);
  if (first < src.length) U.set(src.subarray(first), base);
  return (at + src.length) % cap;
}
function ringRead(U, base, cap, at, n) {
  const out = new Uint8Array(n);
  const first = Math.min(n, cap - at);
  out.set(U.subarray(base + at, base + at + first));
  if (first < n) out.set(U.subarray(base, base + n - first), first);
  return out;
}
// 1: put; 0: no room now; -1: not a channel; -2: larger than the channel.
export function ipc_chan_try_put(o, data) {
  const { I, U } = ipcArrays();
  const w = o >> 2;
  if (I[w] !== 1) return -1;
  const cap = I[w + 6];
  const need = 4 + data.length;
  if (need > cap) return -2;
  ipcLock(I, w + 1);
  if (I[w + 5] + need > cap) { ipcUnlock(I, w + 1); return 0; }
  const len = new Uint8Array(new Uint32Array([data.length]).buffer);
  let t = ringWrite(U, o + 32, cap, I[w + 3], len);
  t = ringWrite(U, o + 32, cap, t, data);
  I[w + 3] = t; I[w + 4] += 1; I[w + 5] += need;
  ipcUnlock(I, w + 1);
  ipcBump(I, w + 7);
  return 1;
}
// The oldest message, or null when empty (undefined: not a channel).
export function ipc_chan_try_get(o) {
  const { I, U } = ipcArrays();
  const w = o >> 2;
  if (I[w] !== 1) return undefined;
  const cap = I[w + 6];
  ipcLock(I, w + 1);
  if (I[w + 4] === 0) { ipcUnlock(I, w + 1); return null; }
  const h = I[w + 2];
  const n = new Uint32Array(ringRead(U, o + 32, cap, h, 4).buffer)[0];
  const msg = ringRead(U, o + 32, cap, (h + 4) % cap, n);
  I[w + 2] = (h + 4 + n) % cap; I[w + 4] -= 1; I[w + 5] -= 4 + n;
  ipcUnlock(I, w + 1);
  ipcBump(I, w + 7);
  return msg;
}
export function ipc_chan_len(o) {
  const { I } = ipcArrays();
  return I[o >> 2] === 1 ? Atomics.load(I, (o >> 2) + 4) : -1;
}
export function ipc_counter_add(o, delta) {
  const { I } = ipcArrays();
  const w = o >> 2;
  if (I[w] !== 2) return null;
  const v = Atomics.add(I, w + 1, delta) + delta;
  ipcBump(I, w + 2);
  return v;
}
export function ipc_counter_get(o) {
  const { I } = ipcArrays();
  return I[o >> 2] === 2 ? Atomics.load(I, (o >> 2) + 1) : null;
}
function segRange(I, o, off, len) {
  return o >= 64 && (o & 7) === 0 && o + 16 + off + len <= I.length * 4 && Atomics.load(I, o >> 2) === 3 && off + len <= I[(o >> 2) + 1];
}
// A copy of `len` bytes of segment `o` from `off`; undefined if out of range.
export function ipc_seg_read(o, off, len) {
  const { I, U } = ipcArrays();
  return segRange(I, o, off, len) ? U.slice(o + 16 + off, o + 16 + off + len) : undefined;
}
export function ipc_seg_write(o, off, data) {
  const { I, U } = ipcArrays();
  if (!segRange(I, o, off, data.length)) return -1;
  U.set(data, o + 16 + off);
  return 1;
}
// Wait up to `ms` for object `o` to change (its version word).
export function ipc_park(o, ms) {
  const { I } = ipcArrays();
  const w = o >> 2;
  const vw = I[w] === 1 ? w + 7 : w + 2;
  Atomics.wait(I, vw, Atomics.load(I, vw), ms);
}
