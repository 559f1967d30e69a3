// The runner worker: one per run. It instantiates the wasm core, runs one
// program with runStart/runStep (which may block this worker, never the
// page), and forwards output batches to the page. Whenever the program's main
// thread waits in its asyncio loop (and, where threads interleave on this
// worker without SharedArrayBuffer, whenever every thread waits), the run
// waits for timers, fetches and wake-ups on this worker's event loop between
// steps, so a 'stop' message reaches it (requestStop); otherwise the page
// stops a run through the shared memory, or terminates this worker.
import { instantiateCore } from './loader.js';

let pkg = null;
// As runtime::REPORT_HINT says it for panics the core catches itself.
const REPORT_HINT = 'This is a bug in Spindle, not in your program. Please report it, with the program that caused it.';

// The run's threads all wait (see runStart): await the next timer, or,
// with shared memory, the wake word's change (another thread handed the
// asyncio loop work, or a fetch completed), whichever comes first. Fetches
// complete on this event loop meanwhile.
function idle(res) {
  if (res.wakeAddr && typeof Atomics.waitAsync === 'function') {
    const word = new Int32Array(pkg.memory.buffer, res.wakeAddr, 1);
    const w = Atomics.waitAsync(word, 0, res.wakeSeen, res.waitMs);
    return w.async ? w.value : Promise.resolve();
  }
  return new Promise((resolve) => setTimeout(resolve, res.waitMs));
}

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    try {
      pkg = await instantiateCore(msg.build, msg.module, msg.stdlib);
      const info = pkg.buildInfo();
      if (info.threaded && info.crossOriginIsolated) {
        // Threads are created by a spawner worker that never blocks; their
        // output reaches the page through this channel, even while we block.
        const ch = new MessageChannel();
        self.postMessage({ type: 'port', port: ch.port1 }, [ch.port1]);
        await pkg.startThreads(ch.port2);
      }
      self.postMessage({ type: 'ready', info });
    } catch (err) {
      self.postMessage({ type: 'fatal', error: String((err && err.stack) || err) });
    }
  } else if (msg.type === 'stop') {
    if (pkg) pkg.requestStop();
  } else if (msg.type === 'run') {
    const t0 = performance.now();
    const sink = (batch) => self.postMessage({ type: 'batch', batch });
    try {
      // Test hook: busy-wait first, standing in for a long program (e2e tests of stop()).
      if (msg.options && msg.options.debugSpinMs > 0) {
        const end = performance.now() + msg.options.debugSpinMs;
        while (performance.now() < end) { /* spin */ }
      }
      let res = pkg.runStart(msg.source, msg.options || {}, sink);
      while (!res.done) {
        await idle(res);
        res = pkg.runStep();
      }
      self.postMessage({ type: 'done', id: msg.id, exitCode: res.exitCode, batches: res.batches, wallMs: performance.now() - t0 });
    } catch (err) {
      // A trap (Rust panic) or JS error: report it as an internal error of the run.
      const why = globalThis.__spindleLastPanic || String((err && err.stack) || err);
      // What the program printed before the trap is still in memory.
      try {
        const rest = pkg.salvageOutput();
        if (rest) sink(rest);
      } catch (_) { /* the instance is beyond use */ }
      self.postMessage({ type: 'done', id: msg.id, exitCode: 70, batches: null, wallMs: performance.now() - t0,
        error: `spindle internal error: ${why}\n${REPORT_HINT}` });
    }
  }
};
