// Compare: runs one workload (the editor's `work(x)` over `INPUTS`, and
// `awork(x)` for asyncio if defined) serially, with threads, with threads
// under the GIL, with processes and with asyncio; shows wall time, speedup
// over serial, utilisation and each run's timeline side by side, and says
// which model wins and why.
import { buildModel, summarize } from './trace-model.js';
import { drawTimeline, formatMs } from './timeline.js';

const MARK = '@@spindle-compare ';

const TAIL = (body) => `

# ---- added by Spindle's Compare ----
if __name__ == '__main__':
    import time as _time
    _t0 = _time.perf_counter()
${body.map((l) => `    ${l}`).join('\n')}
    _t1 = _time.perf_counter()
    print(${JSON.stringify(MARK)} + f"{_t1 - _t0!r} {len(_res)} " + repr(_res)[:4000])
`;

/** The five models: how each runs the workload. */
export const MODELS = [
  { id: 'serial', label: 'serial', gil: false, body: () => ['_res = [work(_x) for _x in INPUTS]'] },
  {
    id: 'threads', label: 'threads', gil: false,
    body: (w) => ['from concurrent.futures import ThreadPoolExecutor as _TPE', `with _TPE(max_workers=${w}) as _ex:`, '    _res = list(_ex.map(work, INPUTS))'],
  },
  {
    id: 'threads-gil', label: 'threads + GIL', gil: true,
    body: (w) => ['from concurrent.futures import ThreadPoolExecutor as _TPE', `with _TPE(max_workers=${w}) as _ex:`, '    _res = list(_ex.map(work, INPUTS))'],
  },
  {
    id: 'processes', label: 'processes', gil: false,
    body: (w) => ['import multiprocessing as _mp', `with _mp.Pool(${w}) as _pool:`, '    _res = _pool.map(work, INPUTS)'],
  },
  {
    id: 'asyncio', label: 'asyncio', gil: false,
    body: () => [
      'import asyncio as _aio',
      'async def _one(x):',
      '    return work(x)',
      'async def _amain():',
      "    _f = globals().get('awork') or _one",
      '    return await _aio.gather(*(_f(x) for x in INPUTS))',
      '_res = _aio.run(_amain())',
    ],
  },
];

/** The program that runs `code`'s workload under `model` with `workers`. */
export function harness(code, model, workers) {
  return code + TAIL(model.body(workers));
}

/** Parse a harness run's stdout: { wall (s), n, results } or null. */
export function parseResult(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  const m = line && /^(\S+) (\d+) (.*)$/.exec(line.slice(MARK.length));
  if (!m || !(Number(m[1]) > 0)) return null;
  return { wall: Number(m[1]), n: Number(m[2]), results: m[3] };
}

/** The lesson of a set of speedups { id: x } in words. */
export function verdict(rows, cores) {
  const ok = rows.filter((r) => r.speedup != null);
  if (ok.length < 2) return 'Run Compare to see which model wins.';
  const best = ok.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  const s = Object.fromEntries(ok.map((r) => [r.id, r.speedup]));
  const f = (x) => (x == null ? '?' : `${x.toFixed(2)}×`);
  let why;
  if ((s['threads-gil'] ?? 0) >= 1.4 && (s.asyncio ?? 0) >= 1.4) {
    why = `This workload is I/O-bound: it mostly waits. Every concurrent model overlaps the waiting, even threads under the GIL (${f(s['threads-gil'])}), because a waiting thread does not hold it; asyncio (${f(s.asyncio)}) overlaps it on a single thread, with no thread or process to start.`;
  } else if (Math.max(s.threads ?? 0, s.processes ?? 0) >= 1.3 && (s['threads-gil'] ?? 9) < 1.25 && (s.asyncio ?? 9) < 1.25) {
    why = `This workload is CPU-bound: it computes all the time, so only running on several cores at once helps. Threads without a GIL (${f(s.threads)}) and processes (${f(s.processes)}) use the ${cores} cores; under the GIL only one thread runs Python at a time (${f(s['threads-gil'])}), and asyncio's coroutines take turns on one thread (${f(s.asyncio)}).`;
  } else if (cores < 2) {
    why = 'This machine reports one core, so no model can run two things at once: only waiting can overlap.';
  } else {
    why = 'The work is too small, or mixes computing and waiting: look at the timelines to see where each run spent its time.';
  }
  return `Fastest: ${best.label}, ${f(best.speedup)} serial's speed. ${why}`;
}

/**
 * The Compare view in `parent`. deps: { spindle, getCode(), getOptions(),
 * loadCode(code), onBusy(bool), workloads: [{ label, code }] }.
 */
export function createCompare(parent, deps) {
  parent.classList.add('compare');
  parent.innerHTML = `
    <p class="compare-intro">Compare runs the workload in the editor five ways and times each.
      A workload defines <code>work(x)</code> and a list <code>INPUTS</code>; for asyncio it may also
      define <code>async def awork(x)</code> (otherwise each call of <code>work</code> becomes a task).</p>
    <div class="compare-bar">
      <button type="button" class="primary" data-act="run">Run compare</button>
      <span class="compare-loads"></span>
      <span class="compare-status" role="status" aria-live="polite"></span>
    </div>
    <p class="compare-verdict" aria-live="polite"></p>
    <table class="compare-table">
      <thead><tr><th scope="col">model</th><th scope="col">wall</th><th scope="col">speedup</th>
        <th scope="col">utilisation</th><th scope="col">result</th><th scope="col">timeline</th></tr></thead>
      <tbody></tbody>
    </table>`;
  const runBtn = parent.querySelector('[data-act=run]');
  const status = parent.querySelector('.compare-status');
  const verdictEl = parent.querySelector('.compare-verdict');
  const body = parent.querySelector('tbody');
  const loads = parent.querySelector('.compare-loads');
  for (const w of deps.workloads || []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = `Load ${w.label}`;
    b.addEventListener('click', () => deps.loadCode(w.code));
    loads.append(b);
  }
  const rows = MODELS.map((m) => {
    const tr = document.createElement('tr');
    tr.dataset.model = m.id;
    tr.innerHTML = '<th scope="row"></th><td class="wall">–</td><td class="speedup">–</td><td class="util">–</td><td class="check">–</td><td class="mini"><canvas></canvas></td>';
    tr.children[0].textContent = m.label;
    body.append(tr);
    const canvas = tr.querySelector('canvas');
    canvas.style.height = '0px';
    return { ...m, tr, canvas, model: null };
  });
  let running = false;

  async function runAll() {
    if (running) return;
    running = true;
    runBtn.disabled = true;
    deps.onBusy(true);
    const code = deps.getCode();
    const opts = deps.getOptions();
    const workers = opts.workers || 2;
    const cores = navigator.hardwareConcurrency || 2;
    verdictEl.textContent = '';
    for (const r of rows) {
      r.result = null; r.speedup = null; r.model = null;
      for (const c of ['wall', 'speedup', 'util', 'check']) r.tr.querySelector(`.${c}`).textContent = '…';
      r.canvas.style.height = '0px';
    }
    let serial = null;
    try {
      for (const r of rows) {
        status.textContent = `running ${r.label}…`;
        const res = await deps.spindle.run(harness(code, r, workers), {
          gil: r.gil, startMethod: opts.startMethod, cpuCount: workers, filename: 'main.py', timeoutMs: 60000,
        });
        const parsed = parseResult(res.stdout);
        const cells = (c) => r.tr.querySelector(`.${c}`);
        if (!parsed) {
          const err = (res.stderr.trim().split('\n').pop() || `exit ${res.exitCode}`);
          cells('wall').textContent = 'failed';
          cells('check').textContent = err;
          for (const c of ['speedup', 'util']) cells(c).textContent = '–';
          if (r.id === 'serial') { status.textContent = `The workload failed: ${err}`; break; }
          continue;
        }
        r.result = parsed;
        if (r.id === 'serial') serial = parsed;
        r.speedup = serial ? serial.wall / parsed.wall : null;
        r.model = buildModel(res.trace, res.wallMs);
        const sum = summarize(r.model, cores);
        cells('wall').textContent = formatMs(parsed.wall * 1000, parsed.wall < 1 ? 0.1 : 100);
        cells('speedup').textContent = r.speedup != null ? `${r.speedup.toFixed(2)}×` : '–';
        cells('util').textContent = `${(sum.utilisation * 100).toFixed(0)}%`;
        const same = serial && parsed.results === serial.results;
        cells('check').textContent = same ? '✓ same as serial' : `✗ differs from serial`;
        cells('check').className = same ? 'check ok' : 'check bad';
        drawMinis();
      }
      verdictEl.textContent = verdict(rows, cores);
      status.textContent = `done on ${cores} cores, ${workers} workers`;
    } finally {
      running = false;
      runBtn.disabled = false;
      deps.onBusy(false);
    }
  }
  // Every mini timeline on one time scale, so that their lengths compare.
  function drawMinis() {
    const t1 = Math.max(1, ...rows.filter((r) => r.model).map((r) => r.model.end));
    for (const r of rows) if (r.model) drawTimeline(r.canvas, r.model, { laneH: 10, labels: false, t1 });
  }
  runBtn.addEventListener('click', runAll);
  new ResizeObserver(drawMinis).observe(body);
  return { run: runAll, setEnabled: (on) => { runBtn.disabled = !on || running; } };
}
