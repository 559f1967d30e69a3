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

// A thread worker: instantiate the module on the shared memory, run one boxed
// closure, free its stack, exit. Output batches go straight to the page through
// `port` (the spawning worker may be blocked in Atomics.wait meanwhile).
const THREAD_SRC = `
self.onmessage = async (e) => {
  self.onmessage = null;
  const { module, memory, mainJS, ptr, viaSpawner, hasSink } = e.data;
  let wasm;
  try {
    const pkg = await import(mainJS);
    wasm = await pkg.default({ module_or_path: module, memory });
    // Our parent is the spawner: nested spawns and output batches go to it.
    if (viaSpawner) globalThis.__spindleSpawner = self;
    const sink = hasSink ? (batch) => self.postMessage({ type: 'batch', batch }) : undefined;
    pkg.spindle_thread_entry(ptr, sink);
  } catch (err) {
    console.error('spindle thread worker failed:', err);
    self.postMessage({ type: 'error', error: String((err && err.stack) || err) });
  }
  // Free this thread's stack and TLS in the shared memory.
  try { if (wasm && wasm.__wbindgen_thread_destroy) wasm.__wbindgen_thread_destroy(); } catch (_) {}
  self.postMessage({ type: 'exit' });
  self.close();
};
`;

// The spawner: creates thread workers on request and forwards their output
// batches to the page (through `toPage`, a MessagePort, when there is one).
const SPAWNER_SRC = `
let cfg = null;
const live = new Set();
function spawn(ptr, name) {
  const w = new Worker(cfg.threadUrl, { type: 'module', name });
  live.add(w);
  w.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === 'spawn') spawn(m.ptr, m.name);
    else if (m.type === 'batch') { if (cfg.toPage) cfg.toPage.postMessage(m); }
    else if (m.type === 'exit') live.delete(w);
    else if (m.type === 'error') console.error('spindle thread', name, m.error);
  };
  w.postMessage({ module: cfg.module, memory: cfg.memory, mainJS: cfg.mainJS, ptr, viaSpawner: true, hasSink: !!cfg.toPage });
}
self.onmessage = (e) => {
  const d = e.data;
  if (d.type === 'init') {
    cfg = d;
    cfg.threadUrl = URL.createObjectURL(new Blob([d.threadSrc], { type: 'text/javascript' }));
    self.postMessage({ type: 'ready' });
  } else if (d.type === 'port') {
    cfg.toPage = d.toPage;
    self.postMessage({ type: 'ready' });
  } else if (d.type === 'spawn') spawn(d.ptr, d.name);
};
`;

// A process worker: its own instance and memory. Messages are queued until the
// instance is ready, then each is answered by spindle_process_entry.
const PROCESS_SRC = `
let ready;
self.onmessage = async (e) => {
  if (!ready) {
    const { module, mainJS } = e.data;
    ready = (async () => {
      const pkg = await import(mainJS);
      await pkg.default({ module_or_path: module });
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
    w.postMessage({ type: 'init', module, memory, mainJS: String(mainJS), toPage, threadSrc: THREAD_SRC },
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
  w.postMessage({ module, memory, mainJS: String(mainJS), ptr, viaSpawner: false, hasSink: false });
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
  w.postMessage({ module, mainJS: String(mainJS) });
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
