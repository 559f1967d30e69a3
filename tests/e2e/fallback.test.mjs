// End-to-end test of the fallback: served WITHOUT COOP/COEP, the page is not
// cross-origin isolated, so the loader must pick the non-threaded build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, comparePython } from './helpers.mjs';

let env;
before(async () => { env = await setup({ isolation: false }); });
after(async () => { await env?.close(); });

test('without the headers the non-threaded build loads and runs', async () => {
  const page = await env.page();
  await page.goto(env.url);
  const info = await page.evaluate(() => window.spindle.ready);
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
  assert.equal(info.threaded, false);
  assert.equal(await page.evaluate(() => window.spindle.build), 'st');
  const res = await page.evaluate(() => window.spindle.run('print("fallback")\n'));
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, 'fallback\n');
  await page.close();
});

// Threads without SharedArrayBuffer: green threads on the runner worker.
const THREAD_SCRIPTS = ['600_threading_countdown.py', '601_threading_lock_counter.py', '603_threading_condition.py',
  '614_queue_producer_consumer.py', '617_futures_submit_map.py', '611_threading_join_timeout.py'];

test('without SharedArrayBuffer, threads interleave on one worker', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  for (const name of THREAD_SCRIPTS) {
    await comparePython(page, `tests/conformance/${name}`);
  }
  const res = await page.evaluate((src) => window.spindle.run(src), readFileSync('www/examples/seed-threading.py', 'utf8'));
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout.trimEnd().split('\n').length, 20);
  assert.ok(res.trace.some((e) => e.kind === 'notice' && /one worker/.test(e.detail)), 'the run says threads share one worker');
  const gil = await page.evaluate(() => window.spindle.run('import sys\nprint(sys._is_gil_enabled())'));
  assert.equal(gil.stdout, 'True\n');
  await page.close();
});

// Without SharedArrayBuffer the run waits on the runner's event loop
// (runStart/runStep): sleeps and asyncio's idle loop are timers, not spinning,
// and the runner reads messages meanwhile.
const ASYNC_SCRIPTS = ['700_asyncio_seed_example.py', '701_asyncio_sleep_order.py', '704_asyncio_wait_for.py',
  '708_asyncio_timeout.py', '713_asyncio_to_thread.py', '726_asyncio_never_retrieved.py'];

test('without SharedArrayBuffer, asyncio runs on the event loop with the right output', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  for (const name of ASYNC_SCRIPTS) {
    await comparePython(page, `tests/conformance/${name}`);
  }
  await page.close();
});

test('without SharedArrayBuffer, stop() interrupts a sleeping run like Ctrl+C, with a traceback', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  const src = 'import time\nprint("before", flush=True)\ntime.sleep(30)\nprint("after")\n';
  const res = await page.evaluate(async (src) => {
    const run = window.spindle.run(src, { filename: 'main.py' });
    await new Promise((r) => setTimeout(r, 800));
    const t0 = performance.now();
    window.spindle.stop();
    const res = await run;
    return { ...res, stopMs: performance.now() - t0 };
  }, src);
  assert.equal(res.exitCode, 130);
  assert.equal(res.stdout, 'before\n');
  assert.match(res.stderr, /Traceback \(most recent call last\):\n {2}File "main\.py", line 3, in <module>\n/);
  assert.match(res.stderr, /KeyboardInterrupt\n$/);
  assert.ok(res.stopMs < 200, `stopped in ${res.stopMs} ms`);
  // The next run works at once.
  const next = await page.evaluate(() => window.spindle.run('print(6 * 7)'));
  assert.equal(next.stdout, '42\n');
  await page.close();
});

test('without SharedArrayBuffer, awaited fetches are promises on the event loop', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  const res = await page.evaluate((src) => window.spindle.run(src, { timeoutMs: 20000 }), `
import asyncio, threading
from spindle.web import fetch_text

async def threads_now():
    return threading.active_count()

async def main():
    poems = asyncio.gather(*(fetch_text(f"data/poem-{i}.txt") for i in (1, 2, 3)))
    print("threads while fetching:", await threads_now())
    print([len(p) > 0 for p in await poems])
    try:
        await fetch_text("data/no-such-file.txt")
    except OSError as e:
        print("OSError:", e)

asyncio.run(main())
`);
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, 'threads while fetching: 1\n[True, True, True]\nOSError: HTTP 404 for data/no-such-file.txt\n');
  await page.close();
});
