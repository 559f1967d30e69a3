// Parallel scaling and start latency, in one run:
// - bench/parallel/threads.py under python3, the native spindle CLI
//   (free-threaded and -X gil=1), and headless Chromium through
//   window.spindle.run (free-threaded and gil: true);
// - bench/parallel/processes.py (Pool.map) under python3, the native CLI and
//   Chromium.
// Writes bench/RESULTS-parallel.md.   Usage: npm run bench:parallel
// Needs dist/ (npm run build) and target/release/spindle (cargo build --release).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setup } from '../tests/e2e/helpers.mjs';

const SCRIPT = 'bench/parallel/threads.py';
const PROC_SCRIPT = 'bench/parallel/processes.py';
const parse = (text) => Object.fromEntries(text.trim().split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]));
const native = (cmd, args, script = SCRIPT) => parse(execFileSync(cmd, [...args, script], { encoding: 'utf8' }));

const rows = [];
const procRows = [];
procRows.push(['python3 (CPython)', native('python3', [], PROC_SCRIPT)]);
procRows.push(['spindle native', native('target/release/spindle', [], PROC_SCRIPT)]);
rows.push(['python3 (CPython, GIL)', native('python3', [])]);
rows.push(['spindle native, free-threaded', native('target/release/spindle', [])]);
rows.push(['spindle native, gil', native('target/release/spindle', ['-X', 'gil=1'])]);

const env = await setup({ isolation: true });
let browser = '';
try {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  browser = await page.evaluate(() => navigator.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  const source = readFileSync(SCRIPT, 'utf8');
  for (const gil of [false, true]) {
    const res = await page.evaluate(([s, g]) => window.spindle.run(s, { gil: g, timeoutMs: 300000 }), [source, gil]);
    if (res.exitCode !== 0) throw new Error(res.stderr);
    rows.push([`spindle in Chromium, ${gil ? 'gil' : 'free-threaded'}`, parse(res.stdout)]);
  }
  const psrc = readFileSync(PROC_SCRIPT, 'utf8');
  const pres = await page.evaluate((s) => window.spindle.run(s, { timeoutMs: 300000 }), psrc);
  if (pres.exitCode !== 0) throw new Error(pres.stderr);
  procRows.push(['spindle in Chromium', parse(pres.stdout)]);
} finally {
  await env.close();
}

const f = (x, d = 2) => x.toFixed(d);
const lines = [
  '# Parallel scaling and start latency',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} CPUs · ${browser} · \`npm run bench:parallel\``,
  '',
  'One CPU-bound job (an LCG walk, pure interpreter work) split over 1, 2 and 4 threads; best of 3.',
  'Speedup is over the same job on 1 thread. Start latency: from `Thread.start()` until the thread\'s first line runs (60 starts).',
  '',
  '| runtime | 1 thread s | 2 threads s | 4 threads s | speedup 2 | speedup 4 | start p50 ms | start p95 ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([name, r]) => `| ${name} | ${f(r.threads1_s, 3)} | ${f(r.threads2_s, 3)} | ${f(r.threads4_s, 3)} | ${f(r.speedup2)}x | ${f(r.speedup4)}x | ${f(r.start_p50_ms, 3)} | ${f(r.start_p95_ms, 3)} |`),
  '',
  'Processes: the same job split over a Pool of 1, 2 and 4 processes (Pool.map, chunksize 1); best of 3.',
  'Start latency: from `Process.start()` until the child\'s target runs (20 starts; fork start method), back to back (start, first message, join, start...) ',
  'and isolated (0.2 s before each start, as when a program starts a few processes now and then).',
  '',
  '| runtime | 1 process s | 2 processes s | 4 processes s | speedup 2 | speedup 4 | start p50 ms | start p95 ms | isolated start p50 ms | isolated start p95 ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...procRows.map(([name, r]) => `| ${name} | ${f(r.procs1_s, 3)} | ${f(r.procs2_s, 3)} | ${f(r.procs4_s, 3)} | ${f(r.speedup2)}x | ${f(r.speedup4)}x | ${f(r.start_p50_ms, 3)} | ${f(r.start_p95_ms, 3)} | ${f(r.isolated_start_p50_ms, 3)} | ${f(r.isolated_start_p95_ms, 3)} |`),
  '',
];
writeFileSync('bench/RESULTS-parallel.md', lines.join('\n'));
console.log(lines.join('\n'));
