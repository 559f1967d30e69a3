// `npm run bench`: Spindle against its peers, in one run, written to
// bench/RESULTS.md (+ bench/RESULTS.svg, the chart, and bench/RESULTS.json, the raw figures).
//
// Steps, in order:
//   1. builds what it needs: the native CLI (cargo build --release) and dist/
//      (scripts/build.sh, only when dist/ is missing);
//   2. bench/run.sh: python3 vs the native CLI on bench/*.py -> bench/RESULTS-native.md
//      (python3's times there are the baseline of every ratio);
//   3. bench/parallel.mjs: thread and process scaling -> bench/RESULTS-parallel.md;
//   4. one headless Chromium session (playwright-core, /usr/bin/chromium) on a
//      local copy of dist/, bench/web/ and the peers' npm packages:
//      a. the CPU-bound suite in Spindle (window.spindle.run), Pyodide
//         (runPython) and MicroPython (runPython), interleaved; a first run of
//         each benchmark in each runtime is a warm-up, timed but excluded from
//         the median;
//      b. threads and processes in the peers (the errors they raise);
//      c. queue round trips and asyncio rates;
//      d. asset sizes, and cold/warm page loads to the first output;
//   5. writes the report.
// Options: --reuse (skip steps 2 and 3: reuse the RESULTS-native.md and
// RESULTS-parallel.md on disk), --render (rewrite the report from RESULTS.json).
// Environment: BENCH_RUNS (timed runs per benchmark and runtime, default 3),
// BENCH_SLOW_MS (a runtime whose first run of a benchmark took longer, default
// 8000, is not run again: that first run is its figure, marked so; it keeps
// MicroPython's share of the time down), BENCH_LOADS (page loads of each kind, default 3),
// BENCH_ONLY=fib,asyncio_tasks (only these programs; to work on this script).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { chartSvg } from './chart.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const REUSE = args.includes('--reuse');
const RENDER = args.includes('--render');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS || 8000);
const LOADS = Number(process.env.BENCH_LOADS || 3);
const CHROMIUM = process.env.SPINDLE_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null; // for work on this script
const pick = (names) => (ONLY ? names.filter((n) => ONLY.includes(n)) : names);
let SUITE = pick(['fib', 'loops', 'dicts', 'strings', 'methods', 'generators', 'nbody', 'richards', 'spectral_norm']);
let ASYNC = pick(['asyncio_tasks', 'asyncio_switch']);
const ASYNC_UNITS = { asyncio_tasks: 100_000, asyncio_switch: 400_000 }; // tasks created / sleep(0) switches per run
const PEERS = ['pyodide', 'micropython'];
const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const geomean = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : null);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const parseKV = (text) => Object.fromEntries(text.trim().split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 2).map(([k, v]) => [k, Number(v)]));
const pkgVersion = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;

/** The last line of a traceback that names an exception (else the last line). */
function errorLine(text) {
  const lines = String(text || '').trimEnd().split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit|Warning)\b(:|$)/.test(lines[i])) return lines[i];
  }
  return lines.at(-1) || '(no message)';
}

/** Run a command with inherited stdio (the load sampler keeps running meanwhile). */
function sh(cmd, argv, env = {}) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${argv.join(' ')} exited with ${code}`))));
    p.on('error', fail);
  });
}

/** Markdown table rows of a file's tables: [[cell, ...], ...] per table. */
function mdTables(text) {
  const tables = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      if (!cur) { cur = { header: cells, rows: [] }; tables.push(cur); } else cur.rows.push(cells);
    } else cur = null;
  }
  return tables;
}

// ---- machine load: sampled during the whole run ("machine busy" when others compile)
const loadSamples = [];
function sampleLoad() {
  let rustc = 0;
  try {
    rustc = execFileSync('ps', ['-eo', 'comm='], { encoding: 'utf8' }).split('\n').filter((c) => /^(rustc|cargo)$/.test(c.trim())).length;
  } catch { /* no ps */ }
  loadSamples.push({ t: Date.now(), load1: os.loadavg()[0], rustc });
}

// ---- step 4's site: dist/ at /, bench/web/ at /bench/, the peers at /peers/
function copyDist(site) {
  const need = ['index.html', 'app.js', 'spindle.js', 'runner.js', 'loader.js', 'pkg/mt/spindle.js', 'pkg/mt/spindle_bg.wasm', 'pkg/st/spindle.js', 'pkg/st/spindle_bg.wasm', 'pkg/stdlib.bin'];
  for (let attempt = 1; ; attempt++) {
    try {
      // Another engineer's build may replace dist/ meanwhile (rm -rf dist && mv
      // dist.tmp dist): the copy is good only if dist/ is the same directory
      // before and after it, and complete.
      const before = statSync('dist').ino;
      rmSync(site, { recursive: true, force: true });
      cpSync('dist', site, { recursive: true });
      if (statSync('dist').ino !== before) throw new Error('dist/ was replaced during the copy');
      for (const f of need) if (!existsSync(join(site, f))) throw new Error(`dist/${f} is missing`);
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      log(`copying dist/ failed (${err.message}); retrying in 15 s`);
      execFileSync('sleep', ['15']);
    }
  }
}
function buildSite() {
  const site = mkdtempSync(join(os.tmpdir(), 'spindle-bench-site-'));
  copyDist(site);
  cpSync('bench/web', join(site, 'bench'), { recursive: true });
  cpSync('node_modules/pyodide', join(site, 'peers/pyodide'), { recursive: true });
  cpSync('node_modules/@micropython/micropython-webassembly-pyscript', join(site, 'peers/micropython'), { recursive: true });
  return site;
}
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
const fileSize = (p) => ({ raw: statSync(p).size, gz: gzipSync(readFileSync(p), { level: 9 }).length });

function assetSizes(site) {
  const groups = new Map(['wasm mt', 'wasm st', 'stdlib', 'JS', 'CSS', 'other'].map((g) => [g, { files: 0, raw: 0, gz: 0 }]));
  for (const p of walk(site)) {
    const rel = relative(site, p);
    if (/^(bench|peers)\//.test(rel) || rel.split('/').some((s) => s.startsWith('.'))) continue;
    const g = rel.endsWith('.wasm') ? (rel.startsWith('pkg/mt/') ? 'wasm mt' : 'wasm st')
      : rel === 'pkg/stdlib.bin' ? 'stdlib' : /\.m?js$/.test(rel) ? 'JS' : rel.endsWith('.css') ? 'CSS' : 'other';
    const s = fileSize(p);
    const e = groups.get(g);
    e.files++; e.raw += s.raw; e.gz += s.gz;
  }
  const peerFiles = {
    pyodide: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
    micropython: ['micropython.mjs', 'micropython.wasm'],
  };
  const peers = {};
  for (const [peer, files] of Object.entries(peerFiles)) {
    peers[peer] = files.map((f) => ({ file: f, ...fileSize(join(site, 'peers', peer, f)) }));
  }
  return { spindle: Object.fromEntries(groups), peers };
}

// ---- step 4: the browser session
async function browserSession(site, ref) {
  const { server, port } = await startServer({ dir: site, port: 0, host: '127.0.0.1', isolation: true });
  const origin = `http://127.0.0.1:${port}`;
  const URLS = { spindle: `${origin}/`, pyodide: `${origin}/bench/pyodide.html`, micropython: `${origin}/bench/micropython.html` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const R = { cpu: {}, async: {}, support: {}, queues: {}, loads: {}, info: {} };
  try {
    const ctx = await browser.newContext();
    const pages = {};
    for (const rt of ['spindle', ...PEERS]) {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => log(`[${rt} pageerror] ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') log(`[${rt} console] ${m.text()}`); });
      await page.goto(URLS[rt]);
      await page.waitForFunction((k) => window[k] && window[k].ready, rt === 'spindle' ? 'spindle' : 'peer', { timeout: 60000 });
      pages[rt] = page;
    }
    R.info.spindle = await pages.spindle.evaluate(() => window.spindle.ready);
    for (const p of PEERS) R.info[p] = await pages[p].evaluate(() => window.peer.ready);
    R.info.browser = `Chromium ${browser.version()}`;
    R.info.hardwareConcurrency = await pages.spindle.evaluate(() => navigator.hardwareConcurrency);
    R.info.crossOriginIsolated = await pages.spindle.evaluate(() => self.crossOriginIsolated);

    // One run of `source` in runtime rt: { ms, stdout, error }.
    const runOnce = async (rt, source, { isAsync = false } = {}) => {
      if (rt === 'spindle') {
        const r = await pages.spindle.evaluate((s) => window.spindle.run(s, { timeoutMs: 600000 }), source);
        return { ms: r.wallMs, stdout: r.stdout, error: r.exitCode === 0 ? null : errorLine(r.stderr) };
      }
      const r = await pages[rt].evaluate(([s, a]) => (a ? window.peer.runAsync(s) : window.peer.run(s)), [source, isAsync]);
      return { ms: r.ms, stdout: r.stdout, error: r.error ? errorLine(r.traceback || r.error) : null };
    };

    // a. + c. (asyncio): per benchmark, a warm-up run in every runtime, then
    // the timed runs, interleaved (so a busy spell of the machine hits all).
    const measure = async (name, sources, expected, opts = {}) => {
      const res = {};
      for (const rt of Object.keys(sources)) {
        if (rt === 'micropython') await pages.micropython.evaluate(() => window.peer.reset());
        const w = await runOnce(rt, sources[rt], opts[rt]);
        const cell = res[rt] = { first: w.ms, times: [], runs: 0 };
        if (w.error) cell.error = w.error;
        else if (w.stdout !== expected) { cell.mismatch = true; cell.got = w.stdout.slice(0, 200); }
        cell.runs = cell.error || w.ms > SLOW_MS ? 0 : RUNS;
        if (!cell.error && !cell.runs) { cell.firstOnly = true; cell.times.push(w.ms); }
        log(`${name} ${rt}: ${cell.firstOnly ? "first (only) run" : "warm-up"} ${(w.ms / 1000).toFixed(3)} s${cell.error ? ` fails: ${cell.error}` : cell.mismatch ? ' (output differs from python3)' : ''}`);
        await sleep(150);
      }
      for (let i = 0; i < RUNS; i++) {
        for (const rt of Object.keys(sources)) {
          const cell = res[rt];
          if (i >= cell.runs) continue;
          const r = await runOnce(rt, sources[rt], opts[rt]);
          if (r.error && !cell.error) cell.error = r.error;
          cell.times.push(r.ms);
          log(`${name} ${rt}: run ${i + 1} ${(r.ms / 1000).toFixed(3)} s`);
          await sleep(150);
        }
      }
      for (const cell of Object.values(res)) cell.median = cell.times.length ? median(cell.times) : null;
      return res;
    };
    for (const name of SUITE) {
      const src = readFileSync(`bench/${name}.py`, 'utf8');
      R.cpu[name] = await measure(name, { spindle: src, pyodide: src, micropython: src }, ref[name]);
    }
    // asyncio: Pyodide runs the program unchanged through runPythonAsync
    // (asyncio.run works there, on the browser's event loop). MicroPython has
    // no asyncio.run: the program's last line becomes a top-level `await main()`.
    for (const name of ASYNC) {
      const src = readFileSync(`bench/${name}.py`, 'utf8');
      const mpSrc = src.replace(/^asyncio\.run\(main\(\)\)\s*$/m, 'await main()');
      R.async[name] = await measure(name, { spindle: src, pyodide: src, micropython: mpSrc }, ref[name],
        { pyodide: { isAsync: true }, micropython: { isAsync: true } });
      R.async[name].micropython.rewritten = mpSrc !== src;
    }

    // b. threads and processes in the peers: the error each raises.
    const probes = {
      thread: 'import threading\nt = threading.Thread(target=print)\nt.start()\nt.join()',
      process: 'import multiprocessing\np = multiprocessing.Process(target=print)\np.start()\np.join()',
    };
    for (const p of PEERS) {
      await pages[p].evaluate(() => window.peer.reset());
      R.support[p] = {};
      for (const [k, code] of Object.entries(probes)) {
        const r = await runOnce(p, code);
        R.support[p][k] = r.error ? { error: r.error } : { ok: true };
        log(`${p} ${k}: ${r.error ? `not supported: ${r.error}` : 'ran'}`);
      }
    }

    // c. queue round trips in Chromium (Spindle; the peers have no threads or processes).
    for (const q of ['queue_threads', 'queue_processes']) {
      const src = readFileSync(`bench/concurrency/${q}.py`, 'utf8');
      const r = await runOnce('spindle', src);
      R.queues[q] = r.error ? { error: r.error } : parseKV(r.stdout);
      log(`${q} in Chromium: ${r.error || r.stdout.trim().replace(/\n/g, ', ')}`);
    }
    await ctx.close();

    // d. page loads: cold = a fresh browser context (empty cache), warm = a
    // reload in that context. The page itself records, from navigation start
    // (performance.now()), when its runtime is ready and when print('hi') first outputs.
    const probe = () => {
      const done = (k, v) => { if (window.__bench[k] == null) window.__bench[k] = v; };
      window.__bench = {};
      const hook = (name, onSet) => {
        let value;
        Object.defineProperty(window, name, { configurable: true, get: () => value, set: (v) => { value = v; onSet(v); } });
      };
      hook('spindle', (s) => s.ready.then(() => {
        done('readyMs', performance.now());
        s.run("print('hi')", { onOutput: () => done('firstOutputMs', performance.now()) });
      }));
      hook('peer', (p) => p.ready.then(() => {
        done('readyMs', performance.now());
        p.run("print('hi')").then((r) => done('firstOutputMs', r.firstOutputMs));
      }));
    };
    for (const rt of ['spindle', ...PEERS]) {
      const cold = [];
      const warm = [];
      let fetched = null;
      for (let i = 0; i < LOADS; i++) {
        const c = await browser.newContext();
        await c.addInitScript(probe);
        const responses = [];
        c.on('response', (resp) => responses.push(resp));
        const page = await c.newPage();
        const once = async (go) => {
          await go();
          await page.waitForFunction(() => window.__bench && window.__bench.firstOutputMs != null, null, { timeout: 120000, polling: 50 });
          return page.evaluate(() => window.__bench);
        };
        cold.push(await once(() => page.goto(URLS[rt], { waitUntil: 'commit' })));
        if (i === 0) {
          fetched = { raw: 0, gz: 0, files: 0, list: [] };
          for (const resp of responses) {
            const path = new URL(resp.url()).pathname;
            if (fetched.list.includes(path)) continue; // Spindle's next runner, started after the run
            const file = join(site, decodeURIComponent(path).replace(/\/$/, '/index.html'));
            if (resp.status() !== 200 || !existsSync(file)) continue;
            const s = fileSize(file);
            fetched.raw += s.raw; fetched.gz += s.gz; fetched.files++; fetched.list.push(path);
          }
        }
        warm.push(await once(() => page.reload({ waitUntil: 'commit' })));
        await c.close();
      }
      const med = (xs, k) => median(xs.map((x) => x[k]));
      R.loads[rt] = {
        cold: { readyMs: med(cold, 'readyMs'), firstOutputMs: med(cold, 'firstOutputMs') },
        warm: { readyMs: med(warm, 'readyMs'), firstOutputMs: med(warm, 'firstOutputMs') },
        fetched,
      };
      log(`load ${rt}: cold ${R.loads[rt].cold.firstOutputMs.toFixed(0)} ms, warm ${R.loads[rt].warm.firstOutputMs.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return R;
}

// ---- the report
const fx = (x, d = 3) => (x == null ? '—' : x.toFixed(d));
const fr = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
const kb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ms = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const rate = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`);

function render(D) {
  const RT = [
    ['native', 'Spindle native CLI'],
    ['spindle', 'Spindle in Chromium'],
    ['pyodide', `Pyodide ${D.info.pyodide.version}`],
    ['micropython', `MicroPython ${D.info.micropython.version}`],
  ];
  const cellOf = (name, rt) => {
    const n = D.native[name];
    if (rt === 'native') return n ? { s: n.sp, ratio: n.sp / n.py, mismatch: n.mismatch } : { error: 'not measured' };
    const c = (D.cpu[name] || D.async[name])[rt];
    if (c.error) return { error: c.error };
    return { s: c.median / 1000, ratio: n ? c.median / 1000 / n.py : null, mismatch: c.mismatch, runs: c.times.length, firstOnly: c.firstOnly, first: c.first / 1000 };
  };
  const mark = (c) => (c.error ? '' : c.firstOnly ? ' [1st]' : c.runs != null && c.runs !== D.runs ? ` [${c.runs}]` : '');
  const show = (c) => (c.error ? `fails: \`${c.error}\`` : `${fx(c.s)} s · **${fr(c.ratio)}**${c.mismatch ? ' (wrong output)' : ''}`);

  const busy = D.load;
  const L = [];
  L.push('# Spindle and its peers');
  L.push('');
  L.push(`${D.date} · ${D.nproc} CPUs (\`nproc\`), navigator.hardwareConcurrency ${D.info.hardwareConcurrency} · ${D.info.browser} (headless) · ${D.python3} · `
    + `Pyodide ${D.info.pyodide.version} (CPython ${D.info.pyodide.python}) · MicroPython ${D.info.micropython.version} · \`npm run bench\``);
  L.push('');
  L.push(`Machine load during the run: 1-minute load average ${busy.mean.toFixed(2)} on average, ${busy.max.toFixed(2)} at most; `
    + `a Rust compiler was running in ${busy.rustcShare}% of the samples.${busy.busy ? ' **Machine busy**: other work shared the 2 cores, so these figures are noisy (±20% and more); re-run on an idle machine before quoting them.' : ''}`);
  L.push('');
  L.push('Every browser figure comes from one headless Chromium session on a local copy of `dist/` (served cross-origin isolated, so Spindle uses its threaded build), '
    + '`bench/web/` and the peers\' npm packages, as installed by `npm ci` (versions pinned in package.json). Native figures: `bench/run.sh` ([RESULTS-native.md](RESULTS-native.md)) '
    + 'and `bench/parallel.mjs` ([RESULTS-parallel.md](RESULTS-parallel.md)), run by the same command just before.');
  L.push('');

  // 1. speed
  L.push('## 1. Single-thread speed');
  L.push('');
  L.push(`The CPU-bound programs \`bench/*.py\`, unchanged, in each runtime; time ÷ CPython ${D.python3.replace('Python ', '')}'s time (lower is better). `
    + `python3 and the native CLI: median of ${D.runs} runs of the whole process (\`bench/run.sh\`, \`bench/timing.py\`). In Chromium: the wall time of the run call in the page `
    + '(`window.spindle.run`\'s `wallMs`, measured in its runner worker; `performance.now()` around `runPython` for the peers, on the page\'s main thread), '
    + `median of ${D.runs} runs after a warm-up run; a runtime whose first run of a program takes over ${D.slowMs / 1000} s is not run again, and that first run, marked [1st], is its figure `
    + '(the warm-up table below shows how far first runs are from the medians). '
    + 'Each program\'s output must equal python3\'s; one that does not is marked and left out of the means. '
    + 'Each Spindle run starts a fresh interpreter (a new runner worker and wasm instance); Pyodide runs every program in one interpreter with fresh globals; '
    + 'MicroPython gets a fresh interpreter per benchmark, with a 64 MiB heap and a 1 Mi-word Python stack (its defaults, 1 MiB and 2 Ki words, are too small for some programs). '
    + 'MicroPython\'s `list.sort` is not stable, so `richards` (which sorts tasks by priority) computes a different schedule there.');
  L.push('');
  L.push(`![ratio to CPython per benchmark](RESULTS.svg)`);
  L.push('');
  L.push(`| benchmark | python3 s | ${RT.map(([, n]) => n).join(' | ')} |`);
  L.push(`| --- | ---: | ${RT.map(() => '---:').join(' | ')} |`);
  const allPass = [];
  for (const name of SUITE) {
    const cells = RT.map(([rt]) => cellOf(name, rt));
    if (cells.every((c) => !c.error && !c.mismatch)) allPass.push(name);
    L.push(`| ${name} | ${fx(D.native[name]?.py)} | ${cells.map((c) => show(c) + mark(c)).join(' | ')} |`);
  }
  const gm = (names, rt) => geomean(names.map((n) => cellOf(n, rt)).filter((c) => !c.error && !c.mismatch && c.ratio).map((c) => c.ratio));
  const passCount = (rt) => SUITE.filter((n) => { const c = cellOf(n, rt); return !c.error && !c.mismatch; }).length;
  L.push(`| **geometric mean**, the programs each runtime passes | | ${RT.map(([rt]) => `**${fr(gm(SUITE, rt))}** (${passCount(rt)} of ${SUITE.length})`).join(' | ')} |`);
  L.push(`| **geometric mean**, the ${allPass.length} programs all pass | | ${RT.map(([rt]) => `**${fr(gm(allPass, rt))}**`).join(' | ')} |`);
  L.push('');
  L.push('Warm-up: the first run in the page against the steady median (first ÷ median). V8 compiles wasm with its baseline compiler first and optimises hot functions while they run; '
    + 'Spindle\'s compiled module is shared by its runner workers, so its optimised code outlives a run.');
  L.push('');
  L.push(`| benchmark | ${RT.slice(1).map(([, n]) => `${n} first run s`).join(' | ')} |`);
  L.push(`| --- | ${RT.slice(1).map(() => '---:').join(' | ')} |`);
  for (const name of SUITE) {
    L.push(`| ${name} | ${RT.slice(1).map(([rt]) => { const c = cellOf(name, rt); return c.error ? '—' : c.firstOnly ? `${fx(c.first)} (only run)` : `${fx(c.first)} (${(c.first / c.s).toFixed(2)})`; }).join(' | ')} |`);
  }
  L.push('');

  // 2. parallel
  L.push('## 2. Parallel scaling');
  L.push('');
  L.push('From `bench/parallel.mjs` (one CPU-bound job split over 1, 2 and 4 threads, then over a `Pool` of 1, 2 and 4 processes; best of 3; speedup over 1 worker). '
    + 'The peers cannot start a thread or a process: the row gives the error of `threading.Thread(target=print).start()` and of `multiprocessing.Process(target=print).start()`.');
  L.push('');
  const unsupported = (p, k) => {
    const s = D.support[p][k];
    return s.ok ? 'runs' : `not supported: \`${s.error}\``;
  };
  for (const [i, kind] of [[0, 'thread'], [1, 'process']]) {
    const t = D.parallel[i];
    if (!t) continue;
    L.push(`| ${t.header.join(' | ')} |`);
    L.push(`| --- | ${t.header.slice(1).map(() => '---:').join(' | ')} |`);
    for (const r of t.rows) L.push(`| ${r.join(' | ')} |`);
    for (const p of PEERS) L.push(`| ${RT.find(([rt]) => rt === p)[1]} in Chromium | ${unsupported(p, kind)} | ${t.header.slice(2).map(() => '—').join(' | ')} |`);
    L.push('');
  }

  // 3. concurrency costs
  L.push('## 3. Concurrency costs');
  L.push('');
  L.push('Start latencies: p50 from `bench/parallel.mjs` (from `start()` until the new thread\'s first line / the child\'s target runs). '
    + 'Queue round trip: p50 of a ping-pong through two `queue.Queue`s between two threads (`bench/concurrency/queue_threads.py`, 2,000 round trips) '
    + 'and through two `multiprocessing.Queue`s between two processes (`queue_processes.py`, 500). '
    + `asyncio: \`bench/asyncio_tasks.py\` (5 × gather of 20,000 tasks) and \`asyncio_switch.py\` (4 tasks × 100,000 \`await asyncio.sleep(0)\`), as rates, median of the runs as above; `
    + '(×) is the time ÷ python3\'s. Pyodide runs them unchanged through `runPythonAsync` (its event loop is the browser\'s); '
    + 'MicroPython has no `asyncio.run`, so its last line becomes a top-level `await main()` in `runPythonAsync`.');
  L.push('');
  const pr = (i, name) => D.parallel[i]?.rows.find((r) => r[0] === name);
  const p50col = (i) => D.parallel[i]?.header.indexOf('start p50 ms');
  const startCell = (i, name) => { const r = pr(i, name); return r ? `${r[p50col(i)]} ms` : '—'; };
  const cols = ['python3', 'Spindle native CLI', 'Spindle in Chromium', RT[2][1], RT[3][1]];
  L.push(`| measure | ${cols.join(' | ')} |`);
  L.push(`| --- | ${cols.map(() => '---:').join(' | ')} |`);
  const ns = (p, k) => { const s = D.support[p][k]; return s.ok ? 'runs' : 'not supported'; };
  L.push(`| thread start p50 | ${startCell(0, 'python3 (CPython, GIL)')} | ${startCell(0, 'spindle native, free-threaded')} | ${startCell(0, 'spindle in Chromium, free-threaded')} | ${ns('pyodide', 'thread')} | ${ns('micropython', 'thread')} |`);
  L.push(`| process start p50, back to back | ${startCell(1, 'python3 (CPython)')} | ${startCell(1, 'spindle native')} | ${startCell(1, 'spindle in Chromium')} | ${ns('pyodide', 'process')} | ${ns('micropython', 'process')} |`);
  const isoCol = D.parallel[1]?.header.indexOf('isolated start p50 ms');
  const isoCell = (name) => { const r = pr(1, name); return r && isoCol >= 0 ? `${r[isoCol]} ms` : '—'; };
  L.push(`| process start p50, isolated | ${isoCell('python3 (CPython)')} | ${isoCell('spindle native')} | ${isoCell('spindle in Chromium')} | ${ns('pyodide', 'process')} | ${ns('micropython', 'process')} |`);
  const q = (r) => (r.error ? `fails: \`${r.error}\`` : `${r.rtt_p50_us.toFixed(1)} µs`);
  for (const [k, label, sup] of [['queue_threads', '`queue.Queue` round trip, 2 threads, p50', 'thread'], ['queue_processes', '`multiprocessing.Queue` round trip, 2 processes, p50', 'process']]) {
    L.push(`| ${label} | ${q(D.queuesNative.python3[k])} | ${q(D.queuesNative.spindle[k])} | ${q(D.queues[k])} | ${ns('pyodide', sup)} | ${ns('micropython', sup)} |`);
  }
  for (const [name, label] of [['asyncio_tasks', 'asyncio task creation (tasks/s)'], ['asyncio_switch', 'asyncio `sleep(0)` switches/s']].filter(([n]) => ASYNC.includes(n))) {
    const n = D.native[name];
    const units = ASYNC_UNITS[name];
    const cells = [n ? `${rate(units / n.py)}` : '—'];
    for (const [rt] of RT) {
      const c = cellOf(name, rt);
      cells.push(c.error ? `fails: \`${c.error}\`` : `${rate(units / c.s)} (${fr(c.ratio)})${c.mismatch ? ' wrong output' : ''}${mark(c)}`);
    }
    L.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  L.push('');

  // 4. loading
  L.push('## 4. Loading');
  L.push('');
  L.push('Everything `dist/` ships (the playground, its docs and examples, both builds of the core) and the peers\' core files, raw and `gzip -9`. '
    + 'A page loads one core: the threaded build when cross-origin isolated, else the non-threaded one.');
  L.push('');
  L.push('| Spindle `dist/` | files | raw | gzip -9 |');
  L.push('| --- | ---: | ---: | ---: |');
  let tr = 0; let tg = 0; let tf = 0;
  for (const [g, e] of Object.entries(D.sizes.spindle)) {
    L.push(`| ${g} | ${e.files} | ${kb(e.raw)} | ${kb(e.gz)} |`);
    tr += e.raw; tg += e.gz; tf += e.files;
  }
  L.push(`| **total** | ${tf} | **${kb(tr)}** | **${kb(tg)}** |`);
  L.push('');
  L.push('| peer core file | raw | gzip -9 |');
  L.push('| --- | ---: | ---: |');
  for (const p of PEERS) {
    const files = D.sizes.peers[p];
    for (const f of files) L.push(`| ${p}/${f.file} | ${kb(f.raw)} | ${kb(f.gz)} |`);
    L.push(`| **${p} total** | **${kb(files.reduce((a, f) => a + f.raw, 0))}** | **${kb(files.reduce((a, f) => a + f.gz, 0))}** |`);
  }
  L.push('');
  L.push(`Page load to the first output, median of ${D.loads_n} loads: from navigation start until the runtime is ready, and until \`print('hi')\` (run as soon as it is) first outputs. `
    + 'Cold: a fresh browser context (empty HTTP cache); warm: a reload in the same context. Served from localhost by `scripts/serve.mjs` (no compression; `Cache-Control: no-cache` '
    + 'without validators, so a reload fetches everything again and "warm" gains only what Chromium keeps in memory and its compiled-code caches). '
    + 'Spindle\'s page is the whole playground (`dist/index.html`: editor, timeline, examples); the peers\' are minimal pages (`bench/web/`). "Fetched" is what the cold load requested.');
  L.push('');
  L.push('| page | fetched raw | fetched gzip -9 | cold: ready | cold: first output | warm: ready | warm: first output |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [rt, name] of [['spindle', 'Spindle playground (`dist/`)'], ['pyodide', `Pyodide ${D.info.pyodide.version} (\`loadPyodide\` + \`runPython\`)`], ['micropython', `MicroPython ${D.info.micropython.version} (\`loadMicroPython\` + \`runPython\`)`]]) {
    const l = D.loads[rt];
    L.push(`| ${name} | ${kb(l.fetched.raw)} (${l.fetched.files} files) | ${kb(l.fetched.gz)} | ${ms(l.cold.readyMs)} | ${ms(l.cold.firstOutputMs)} | ${ms(l.warm.readyMs)} | ${ms(l.warm.firstOutputMs)} |`);
  }
  L.push('');
  return L.join('\n');
}

function chart(D) {
  const series = [
    { key: 'native', name: 'Spindle native', color: '#1f6feb' },
    { key: 'spindle', name: 'Spindle in Chromium', color: '#7ab0ff' },
    { key: 'pyodide', name: `Pyodide ${D.info.pyodide.version}`, color: '#e8912d' },
    { key: 'micropython', name: `MicroPython ${D.info.micropython.version}`, color: '#3aa55d' },
  ];
  const ratioOf = (name, rt) => {
    const n = D.native[name];
    if (!n) return { note: 'n/a' };
    if (rt === 'native') return { ratio: n.sp / n.py, note: n.mismatch ? 'wrong output' : '', faded: n.mismatch };
    const c = D.cpu[name][rt];
    if (c.error) return { note: `fails: ${c.error.length > 70 ? `${c.error.slice(0, 67)}...` : c.error}` };
    return { ratio: c.median / 1000 / n.py, note: c.mismatch ? 'wrong output' : '', faded: !!c.mismatch };
  };
  const benches = SUITE.map((name) => ({ name, cells: series.map((s) => ratioOf(name, s.key)) }));
  const gmCells = series.map((s) => {
    const rs = SUITE.map((n) => ratioOf(n, s.key)).filter((c) => c.ratio && !c.note).map((c) => c.ratio);
    return { ratio: geomean(rs), note: rs.length < SUITE.length ? `(${rs.length} of ${SUITE.length})` : '' };
  });
  benches.push({ name: 'geometric mean', bold: true, cells: gmCells });
  return chartSvg({
    benches, series,
    title: `Single-thread speed against CPython ${D.python3.replace('Python ', '')} (bench/*.py)`,
    subtitle: `${D.date} · ${D.nproc} CPUs · ${D.info.browser}${D.load.busy ? ' · machine busy (noisy)' : ''} · see RESULTS.md`,
  });
}

// ---- main
async function main() {
  if (RENDER) {
    const D = JSON.parse(readFileSync('bench/RESULTS.json', 'utf8'));
    SUITE = D.suite; ASYNC = D.asyncSuite;
    writeFileSync('bench/RESULTS.md', render(D));
    writeFileSync('bench/RESULTS.svg', chart(D));
    log('wrote bench/RESULTS.md and bench/RESULTS.svg from bench/RESULTS.json');
    return;
  }
  const t0 = Date.now();
  let sampler = null;
  try {
    log('cargo build --release');
    await sh('cargo', ['build', '--release', '--quiet']);
    if (!existsSync('dist/index.html') || !existsSync('dist/pkg/mt/spindle_bg.wasm') || !existsSync('dist/pkg/st/spindle_bg.wasm')) {
      log('dist/ is missing: bash scripts/build.sh');
      await sh('bash', ['scripts/build.sh']);
    }
    // From here on, a running rustc is someone else's.
    sampleLoad();
    sampler = setInterval(sampleLoad, 5000);
    if (!REUSE) {
      log('native table: bash bench/run.sh');
      await sh('bash', ['bench/run.sh'], { BENCH_RUNS: String(RUNS) });
      log('parallel table: node bench/parallel.mjs');
      await sh('node', ['bench/parallel.mjs']);
    }
    const native = {};
    for (const [name, py, sp, ratio] of mdTables(readFileSync('bench/RESULTS-native.md', 'utf8'))[0].rows) {
      native[name] = { py: Number(py), sp: Number(sp), mismatch: /MISMATCH/.test(ratio) };
    }
    const parallel = mdTables(readFileSync('bench/RESULTS-parallel.md', 'utf8'));

    log('python3 reference outputs and native queue round trips');
    const ref = {};
    for (const name of [...SUITE, ...ASYNC]) ref[name] = execFileSync('python3', [`bench/${name}.py`], { encoding: 'utf8' });
    const queuesNative = { python3: {}, spindle: {} };
    for (const q of ['queue_threads', 'queue_processes']) {
      queuesNative.python3[q] = parseKV(execFileSync('python3', [`bench/concurrency/${q}.py`], { encoding: 'utf8' }));
      queuesNative.spindle[q] = parseKV(execFileSync('target/release/spindle', [`bench/concurrency/${q}.py`], { encoding: 'utf8' }));
    }

    const site = buildSite();
    let R;
    try {
      const sizes = assetSizes(site);
      log(`browser session (site ${site})`);
      R = await browserSession(site, ref);
      R.sizes = sizes;
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
    clearInterval(sampler);
    sampleLoad();
    const loads = loadSamples.map((s) => s.load1);
    const rustcShare = Math.round((100 * loadSamples.filter((s) => s.rustc > 0).length) / loadSamples.length);
    const mean = loads.reduce((a, x) => a + x, 0) / loads.length;
    const D = {
      date: new Date().toISOString().slice(0, 10),
      nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
      python3: execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim(),
      suite: SUITE, asyncSuite: ASYNC, runs: RUNS, slowMs: SLOW_MS, loads_n: LOADS,
      versions: { pyodide: pkgVersion('pyodide'), micropython: pkgVersion('@micropython/micropython-webassembly-pyscript') },
      load: { mean, max: Math.max(...loads), rustcShare, busy: mean > 2.2 || rustcShare >= 10 },
      minutes: (Date.now() - t0) / 60000,
      native, parallel, queuesNative, ...R,
    };
    writeFileSync('bench/RESULTS.json', `${JSON.stringify(D, null, 1)}\n`);
    writeFileSync('bench/RESULTS.md', render(D));
    writeFileSync('bench/RESULTS.svg', chart(D));
    console.log(readFileSync('bench/RESULTS.md', 'utf8'));
    log(`wrote bench/RESULTS.md, bench/RESULTS.svg and bench/RESULTS.json in ${D.minutes.toFixed(1)} min`);
  } finally {
    clearInterval(sampler);
  }
}

await main();
