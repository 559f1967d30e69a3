// The page's public API, `window.spindle` = { ready, run(source, options), stop(), build }.
// Each run gets a fresh runner worker (pre-started between runs); output arrives in
// numbered batches from the runner and from thread workers, and is put back in order.
// `createSpindle()` makes another, independent instance (each embed has its own);
// all instances of a page share one compiled module.
import { pickBuild, compileCore } from './loader.js';

const RUNNER_URL = new URL('./runner.js', import.meta.url);
const SETTLE_MS = 1000; // how long to wait for batches still in flight after 'done'
const STOP_GRACE_MS = 150; // a stop request's time to end the run cleanly before the runner is terminated
const TIMEOUT_GRACE_MS = 250; // the core handles timeoutMs itself; this is the backstop

const compiled = new Map(); // build -> Promise<{ build, module, stdlib }>
function compileOnce(build) {
  if (!compiled.has(build)) compiled.set(build, compileCore(build));
  return compiled.get(build);
}

export class Spindle extends EventTarget {
  constructor() {
    super();
    this.build = pickBuild(); // 'mt' threaded | 'st' non-threaded
    this.info = null; // buildInfo() of the core, once ready
    this._core = null; // { build, module, stdlib }
    this._runner = null; // the pre-started runner: { worker, ready }
    this._current = null; // the run in progress
    this._nextId = 1;
    this.ready = (async () => {
      this._core = await compileOnce(this.build);
      this._runner = this._startRunner();
      this.info = await this._runner.ready;
      return this.info;
    })();
  }

  _startRunner() {
    const worker = new Worker(RUNNER_URL, { type: 'module', name: 'spindle-runner' });
    // ports: channels from the runner's thread workers (via its spawner).
    const runner = { worker, onMessage: null, ports: [] };
    const deliver = (d) => { if (runner.onMessage) runner.onMessage(d); };
    runner.ready = new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        const d = e.data;
        if (d.type === 'ready') resolve(d.info);
        else if (d.type === 'fatal') reject(new Error(d.error));
        else if (d.type === 'port') {
          runner.ports.push(d.port);
          d.port.onmessage = (pe) => deliver(pe.data);
        } else deliver(d);
      };
      worker.onerror = (e) => {
        const err = new Error(`runner worker failed: ${e.message || e}`);
        reject(err);
        deliver({ type: 'crash', error: err.message });
      };
    });
    runner.ready.catch(() => {}); // reported through spindle.ready / run()
    worker.postMessage({ type: 'init', build: this._core.build, module: this._core.module, stdlib: this._core.stdlib });
    return runner;
  }

  /**
   * Run a program. Options: gil (bool), timeoutMs, startMethod ('fork'|'spawn'),
   * stdin (string), onOutput(stream, text, src, lane) for live output (src: 0
   * for the main process, else the pid of the process that printed; lane: the
   * thread or asyncio task that printed, '' when not known).
   * Resolves with { stdout, stderr, exitCode, wallMs, trace }.
   */
  async run(source, options = {}) {
    await this.ready;
    if (this._current) this.stop();
    // Claim the pre-started runner. The next one starts when this run ends,
    // so that it does not compete for the CPU with this run's threads.
    const runner = this._runner || this._startRunner();
    this._runner = null;
    const id = this._nextId++;
    const { onOutput, ...wire } = options;
    const run = {
      id, runner, sources: new Map(),
      stdout: '', stderr: '', trace: [], t0: performance.now(), onOutput,
    };
    this._current = run;
    const result = new Promise((resolve) => { run.resolve = resolve; });
    try {
      await runner.ready;
    } catch (err) {
      this._finish(run, { exitCode: 1, wallMs: 0, error: `spindle: the runner failed to start: ${err.message}` });
      return result;
    }
    if (run.finished) return result; // stopped while the runner was starting

    // Output comes in numbered batches per source: 0 is the runner and its
    // threads, N is the process with pid N (and its threads). Each source's
    // batches are applied strictly in seq order, whichever channel brought them.
    const sourceOf = (src) => {
      let st = run.sources.get(src);
      if (!st) { st = { batches: new Map(), nextSeq: 0, total: null }; run.sources.set(src, st); }
      return st;
    };
    const complete = () => {
      if (!run.done) return false;
      for (const [src, st] of run.sources) {
        const total = src === 0 ? run.done.batches : st.total;
        if (total != null && st.nextSeq < total) return false;
      }
      return true;
    };
    const onBatch = (batch, src = 0) => {
      const st = sourceOf(src);
      st.batches.set(batch.seq, batch);
      while (st.batches.has(st.nextSeq)) {
        const b = st.batches.get(st.nextSeq);
        st.batches.delete(st.nextSeq);
        st.nextSeq++;
        for (const [stream, text, lane = ''] of b.out) {
          if (stream === 'stderr') run.stderr += text; else run.stdout += text;
          if (run.onOutput) run.onOutput(stream, text, src, lane);
          this.dispatchEvent(new CustomEvent('output', { detail: { stream, text, src, lane } }));
        }
        for (const ev of b.trace) run.trace.push(src ? { ...ev, pid: src } : ev);
      }
      if (complete()) this._finish(run, run.done);
    };
    runner.onMessage = (d) => {
      if (d.type === 'batch') onBatch(d.batch, d.src || 0);
      else if (d.type === 'procEnd') {
        sourceOf(d.src).total = d.batches;
        if (d.error) run.stderr += (run.stderr && !run.stderr.endsWith('\n') ? '\n' : '') + `spindle: process ${d.src} failed: ${d.error}\n`;
        if (complete()) this._finish(run, run.done);
      } else if (d.type === 'done' && d.id === id) {
        run.done = d;
        if (d.batches == null || complete()) this._finish(run, d);
        else run.settle = setTimeout(() => this._finish(run, d), SETTLE_MS);
      } else if (d.type === 'crash') {
        this._finish(run, { exitCode: 1, wallMs: performance.now() - run.t0, error: d.error });
      }
    };
    if (options.timeoutMs > 0) {
      run.timer = setTimeout(() => this._abort(run, `TimeoutError: the run took longer than ${options.timeoutMs} ms\n`, 1),
        options.timeoutMs + TIMEOUT_GRACE_MS);
    }
    runner.worker.postMessage({ type: 'run', id, source: String(source), options: wire });
    return result;
  }

  /**
   * End the current run, as Ctrl+C does: it resolves with KeyboardInterrupt
   * and a traceback at the line being executed. On the threaded build the
   * run's stop flag is set through the spawner (the runner is busy); on the
   * non-threaded build the runner is asked directly (it reads messages while
   * the program waits). A run that has not ended STOP_GRACE_MS later is
   * terminated.
   */
  stop() {
    const run = this._current;
    if (!run || run.finished) return;
    if (run.stopping) { this._abort(run, 'KeyboardInterrupt\n', 130); return; } // asked twice: now
    const address = this.info && this.info.stopAddress;
    const port = run.runner.ports[0];
    run.stopping = true;
    if (address && port) port.postMessage({ type: 'stop', address });
    else run.runner.worker.postMessage({ type: 'stop' });
    run.stopTimer = setTimeout(() => this._abort(run, 'KeyboardInterrupt\n', 130), STOP_GRACE_MS);
  }

  _abort(run, message, exitCode) {
    if (run.finished) return;
    // The program has ended already (only late output is awaited): keep its result.
    if (run.done) { this._finish(run, run.done); return; }
    // Terminating the runner also ends the thread workers it started.
    run.runner.worker.terminate();
    if (run.stderr && !run.stderr.endsWith('\n')) run.stderr += '\n';
    run.stderr += message;
    if (run.onOutput) run.onOutput('stderr', message);
    this.dispatchEvent(new CustomEvent('output', { detail: { stream: 'stderr', text: message } }));
    this._finish(run, { exitCode, wallMs: performance.now() - run.t0 });
  }

  _finish(run, d) {
    if (run.finished) return;
    run.finished = true;
    clearTimeout(run.settle);
    clearTimeout(run.timer);
    clearTimeout(run.stopTimer);
    for (const p of run.runner.ports) p.close();
    run.runner.worker.terminate();
    if (d.error) run.stderr += (run.stderr && !run.stderr.endsWith('\n') ? '\n' : '') + d.error + '\n';
    if (this._current === run) this._current = null;
    if (!this._runner) this._runner = this._startRunner();
    run.resolve({
      stdout: run.stdout,
      stderr: run.stderr,
      exitCode: d.exitCode,
      wallMs: d.wallMs,
      trace: run.trace,
    });
  }
}

/** A new, independent instance (its own runner worker and runs). */
export function createSpindle() {
  return new Spindle();
}

let shared = null;
/** The page's instance, `window.spindle`, created on first use. */
export function pageSpindle() {
  if (!shared) {
    shared = new Spindle();
    globalThis.spindle = shared;
  }
  return shared;
}
