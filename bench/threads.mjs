// Thread scaling and start latency, in one run: bench/parallel/threads.py
// under python3, the native spindle CLI (free-threaded and -X gil=1), and
// headless Chromium through window.spindle.run (free-threaded and gil: true).
// Writes bench/RESULTS-threads.md.   Usage: npm run bench:threads
// Needs dist/ (npm run build) and target/release/spindle (cargo build --release).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setup } from '../tests/e2e/helpers.mjs';

const SCRIPT = 'bench/parallel/threads.py';
const parse = (text) => Object.fromEntries(text.trim().split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]));
const native = (cmd, args, env = {}) => parse(execFileSync(cmd, [...args, SCRIPT], { encoding: 'utf8', env: { ...process.env, ...env } }));

const rows = [];
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
} finally {
  await env.close();
}

const f = (x, d = 2) => x.toFixed(d);
const lines = [
  '# Thread scaling and start latency',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} CPUs · ${browser} · \`npm run bench:threads\``,
  '',
  'One CPU-bound job (an LCG walk, pure interpreter work) split over 1, 2 and 4 threads; best of 3.',
  'Speedup is over the same job on 1 thread. Start latency: from `Thread.start()` until the thread\'s first line runs (60 starts).',
  '',
  '| runtime | 1 thread s | 2 threads s | 4 threads s | speedup 2 | speedup 4 | start p50 ms | start p95 ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([name, r]) => `| ${name} | ${f(r.threads1_s, 3)} | ${f(r.threads2_s, 3)} | ${f(r.threads4_s, 3)} | ${f(r.speedup2)}x | ${f(r.speedup4)}x | ${f(r.start_p50_ms, 3)} | ${f(r.start_p95_ms, 3)} |`),
  '',
];
writeFileSync('bench/RESULTS-threads.md', lines.join('\n'));
console.log(lines.join('\n'));
