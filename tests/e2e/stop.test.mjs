// Stop: window.spindle.stop() ends a run within 200 ms whatever it is doing
// (busy in the main thread, in threads, in processes or in a coroutine that
// never awaits; blocked in sleep, a lock or a queue). The run resolves with
// KeyboardInterrupt and a traceback at the line being executed, and the next
// run works at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage } from './helpers.mjs';

const page = usePage({ isolation: true });
const STOP_MS = 200;

const CASES = {
  'a busy loop in the main thread': ['x = 0', 'while True:', '    x += 1'],
  'busy threads': [
    'import threading',
    'def spin():',
    '    while True: pass',
    'for _ in range(2):',
    '    threading.Thread(target=spin).start()',
    'while True:',
    '    pass',
  ],
  'busy processes': [
    'import multiprocessing as mp',
    'def spin():',
    '    while True: pass',
    'ps = [mp.Process(target=spin) for _ in range(2)]',
    'for p in ps: p.start()',
    'for p in ps: p.join()',
  ],
  'a coroutine that never awaits': [
    'import asyncio',
    'async def spin():',
    '    while True: pass',
    'asyncio.run(spin())',
  ],
  'time.sleep': ['import time', 'time.sleep(60)'],
  'a lock held by another thread': [
    'import threading',
    'lock = threading.Lock()',
    'lock.acquire()',
    'threading.Thread(target=lock.acquire).start()',
    'lock2 = threading.Lock(); lock2.acquire()',
    'lock2.acquire()',
  ],
  'a queue get': ['import queue', 'q = queue.Queue()', 'q.get()'],
  'a process queue get': ['import multiprocessing as mp', 'q = mp.Queue()', 'q.get()'],
};

for (const [what, lines] of Object.entries(CASES)) {
  test(`stop ends ${what} within ${STOP_MS} ms, with a traceback, and the next run works`, async () => {
    const source = `${lines.join('\n')}\n`;
    const res = await page().evaluate(async (src) => {
      let started;
      const seen = new Promise((r) => { started = r; });
      const pending = window.spindle.run(`print("running", flush=True)\n${src}`, {
        filename: 'main.py', onOutput: (s, t) => { if (t.includes('running')) started(); },
      });
      await seen;
      await new Promise((r) => setTimeout(r, 300)); // well into the blocking part
      const t0 = performance.now();
      window.spindle.stop();
      const r = await pending;
      return { ...r, stopMs: performance.now() - t0 };
    }, source);
    assert.equal(res.exitCode, 130, res.stderr);
    assert.ok(res.stopMs <= STOP_MS, `stop took ${res.stopMs.toFixed(0)} ms`);
    assert.match(res.stderr, /Traceback \(most recent call last\):\n(.|\n)*File "main.py", line \d+(.|\n)*KeyboardInterrupt\n$/);
    const next = await page().evaluate(() => window.spindle.run('print("next")\n'));
    assert.equal(next.stdout, 'next\n');
    assert.equal(next.exitCode, 0);
  });
}
