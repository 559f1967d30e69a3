// The runner worker: one per run. It instantiates the wasm core, runs one
// program with runProgram (which may block this worker, never the page), and
// forwards output batches to the page. stop() simply terminates it.
import { instantiateCore } from './loader.js';

let pkg = null;
// Thread workers spawned by the core open their own channel to the page via this.
globalThis.__spindleToPage = self;

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    try {
      pkg = await instantiateCore(msg.build, msg.module);
      self.postMessage({ type: 'ready', info: pkg.buildInfo() });
    } catch (err) {
      self.postMessage({ type: 'fatal', error: String((err && err.stack) || err) });
    }
  } else if (msg.type === 'run') {
    const t0 = performance.now();
    const sink = (batch) => self.postMessage({ type: 'batch', batch });
    try {
      const res = pkg.runProgram(msg.source, msg.options || {}, sink);
      self.postMessage({ type: 'done', id: msg.id, exitCode: res.exitCode, batches: res.batches, wallMs: performance.now() - t0 });
    } catch (err) {
      // A trap (panic) or JS error: report it as an internal error of the run.
      self.postMessage({ type: 'done', id: msg.id, exitCode: 1, batches: null, wallMs: performance.now() - t0,
        error: `spindle internal error: ${String((err && err.stack) || err)}` });
    }
  }
};
