// End-to-end tests of the built dist/ in Chromium: window.spindle's API, the
// build the loader picks with and without COOP/COEP, runs, and stop().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup } from './helpers.mjs';

let env;
const LONG = { source: 'while True:\n    pass\n', options: {} };
before(async () => { env = await setup({ isolation: true }); });
after(async () => { await env?.close(); });

async function readyPage() {
  const page = await env.page();
  await page.goto(env.url);
  const info = await page.evaluate(() => window.spindle.ready);
  return { page, info };
}

test('ready resolves on a cross-origin isolated page with the threaded build', async () => {
  const { page, info } = await readyPage();
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
  assert.equal(info.threaded, true);
  assert.equal(info.crossOriginIsolated, true);
  assert.equal(await page.evaluate(() => window.spindle.build), 'mt');
  await page.close();
});

test('run() returns stdout, stderr, exitCode, wallMs and trace', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(() => window.spindle.run('print(1+1)\n', { gil: false, timeoutMs: 20000, startMethod: 'fork', stdin: '' }));
  assert.equal(typeof res.stdout, 'string');
  assert.equal(typeof res.stderr, 'string');
  assert.equal(typeof res.exitCode, 'number');
  assert.equal(typeof res.wallMs, 'number');
  assert.ok(res.wallMs >= 0);
  assert.ok(Array.isArray(res.trace));
  for (const ev of res.trace) {
    assert.equal(typeof ev.t, 'number');
    assert.equal(typeof ev.lane, 'string');
    assert.equal(typeof ev.kind, 'string');
  }
  assert.equal(res.exitCode, 0, `stderr: ${res.stderr}`);
  assert.equal(res.stdout, '2\n');
  assert.equal(res.stderr, '');
  // The run's own lane starts and ends.
  assert.equal(res.trace[0].kind, 'start');
  assert.equal(res.trace.at(-1).kind, 'end');
  await page.close();
});

test('stop() ends a running program with KeyboardInterrupt and the next run works', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(async (long) => {
    const pending = window.spindle.run(long.source, long.options);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    window.spindle.stop();
    const r = await pending;
    return { ...r, stopMs: performance.now() - t0 };
  }, LONG);
  assert.equal(res.exitCode, 130);
  assert.match(res.stderr, /KeyboardInterrupt\n?$/);
  assert.ok(res.stopMs < 1000, `stop took ${res.stopMs} ms`);
  const next = await page.evaluate(() => window.spindle.run('print("again")\n'));
  assert.equal(next.exitCode, 0, next.stderr);
  assert.equal(next.stdout, 'again\n');
  await page.close();
});

test('the main thread stays responsive during a run', async () => {
  const { page } = await readyPage();
  const ticks = await page.evaluate(async (long) => {
    let n = 0;
    const iv = setInterval(() => n++, 10);
    const pending = window.spindle.run(long.source, long.options);
    await new Promise((r) => setTimeout(r, 500));
    window.spindle.stop();
    await pending;
    clearInterval(iv);
    return n;
  }, LONG);
  assert.ok(ticks >= 10, `only ${ticks} timer ticks in 500 ms`);
  await page.close();
});

test('timeoutMs ends a run that overruns it', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(async () => {
    const t0 = performance.now();
    // debugSpinMs keeps the runner busy in JS: only the page's backstop can end it.
    const r = await window.spindle.run('print(1)\n', { timeoutMs: 300, debugSpinMs: 60000 });
    return { ...r, ms: performance.now() - t0 };
  });
  assert.equal(res.exitCode, 1);
  assert.match(res.stderr, /TimeoutError/);
  assert.ok(res.ms < 3000, `took ${res.ms} ms`);
  await page.close();
});

test('output arrives live through onOutput and output events', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(async () => {
    const seen = [];
    const events = [];
    const h = (e) => events.push(e.detail);
    window.spindle.addEventListener('output', h);
    const r = await window.spindle.run('print("live")\n', { onOutput: (stream, text) => seen.push([stream, text]) });
    window.spindle.removeEventListener('output', h);
    return { r, seen, events };
  });
  const text = res.seen.filter(([s]) => s === 'stdout').map(([, t]) => t).join('');
  assert.equal(text, res.r.stdout);
  assert.equal(res.events.map((e) => e.text).join(''), res.r.stdout + res.r.stderr);
  await page.close();
});

test('a new run() interrupts the one in progress', async () => {
  const { page } = await readyPage();
  const [first, second] = await page.evaluate(async (long) => {
    const a = window.spindle.run(long.source, long.options);
    await new Promise((r) => setTimeout(r, 200));
    const b = window.spindle.run('print("second")\n');
    return Promise.all([a, b]);
  }, LONG);
  assert.equal(first.exitCode, 130);
  assert.match(first.stderr, /KeyboardInterrupt\n?$/);
  assert.equal(second.exitCode, 0, second.stderr);
  assert.equal(second.stdout, 'second\n');
  await page.close();
});

test('stdin, tracebacks and exit codes come back as in CPython', async () => {
  const { page } = await readyPage();
  const [a, b] = await page.evaluate(async () => [
    await window.spindle.run('name = input()\nprint("hello", name)\n', { stdin: 'Ada\n' }),
    await window.spindle.run('print("before")\nraise ValueError("boom")\n'),
  ]);
  assert.equal(a.stdout, 'hello Ada\n');
  assert.equal(a.exitCode, 0, a.stderr);
  assert.equal(b.stdout, 'before\n');
  assert.equal(b.exitCode, 1);
  assert.equal(b.stderr, 'Traceback (most recent call last):\n  File "<main>", line 2, in <module>\n    raise ValueError("boom")\nValueError: boom\n');
  await page.close();
});

test('a sleeping program blocks its runner, not the page, and is traced', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(() => window.spindle.run('import time\nprint("a")\ntime.sleep(0.2)\nprint("b")\n'));
  assert.equal(res.stdout, 'a\nb\n');
  assert.ok(res.wallMs >= 190, `wallMs ${res.wallMs}`);
  const kinds = res.trace.map((e) => e.kind);
  assert.ok(kinds.includes('block') && kinds.includes('wake'), kinds.join(','));
  await page.close();
});

test('output printed before a sleep reaches the page before the sleep ends', async () => {
  const { page } = await readyPage();
  const res = await page.evaluate(async () => {
    const t0 = performance.now();
    const seen = [];
    const r = await window.spindle.run('import time\nprint("a")\ntime.sleep(0.5)\nprint("b")\n',
      { onOutput: (stream, text) => seen.push({ text, ms: performance.now() - t0 }) });
    return { r, seen, endMs: performance.now() - t0 };
  });
  assert.equal(res.r.stdout, 'a\nb\n');
  const a = res.seen.find((s) => s.text.includes('a'));
  assert.ok(a, JSON.stringify(res.seen));
  assert.ok(res.endMs - a.ms >= 300, `"a" arrived at ${a.ms} ms, run ended at ${res.endMs} ms`);
  await page.close();
});

test('the standard library comes from pkg/stdlib.bin, fetched once, with its source for tracebacks', async () => {
  // The wasm builds carry none of the stdlib's Python source; the blob does.
  const needle = 'class ThreadPoolExecutor';
  for (const b of ['mt', 'st']) assert.ok(!readFileSync(`dist/pkg/${b}/spindle_bg.wasm`).includes(needle), b);
  assert.ok(readFileSync('dist/pkg/stdlib.bin').includes(needle));

  const page = await env.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  // A traceback through a stdlib frame shows that frame's source line.
  const src = "import json\ntry:\n    json.loads('{bad')\nexcept ValueError as e:\n    print(type(e).__name__)\njson.loads('[')\n";
  const res = await page.evaluate((s) => window.spindle.run(s), src);
  assert.equal(res.exitCode, 1);
  assert.equal(res.stdout, 'JSONDecodeError\n');
  const lines = res.stderr.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  File "<frozen json>"'));
  assert.ok(at > 0 && /^ {4}\S/.test(lines[at + 1]), res.stderr);
  assert.match(res.stderr, /json\.JSONDecodeError: Expecting value: line 1 column 2 \(char 1\)\n$/);
  // A process (a fresh wasm memory) installs the same blob: its imports work.
  const proc = await page.evaluate(() => window.spindle.run(
    'import multiprocessing as mp, json\ndef f(q):\n    import collections\n    q.put(json.dumps(collections.Counter("aab")))\n'
    + 'if __name__ == "__main__":\n    q = mp.Queue()\n    p = mp.Process(target=f, args=(q,))\n    p.start()\n    print(q.get())\n    p.join()\n'));
  assert.equal(proc.exitCode, 0, proc.stderr);
  assert.equal(proc.stdout, '{"a": 2, "b": 1}\n');
  assert.equal(fetched.filter((p) => p.endsWith('/pkg/stdlib.bin')).length, 1, fetched.join(' '));
  await page.close();
});
