// Deadlocks in Chromium: threads that really block (workers in Atomics.wait)
// and an asyncio loop with nothing to wake it are reported within a second,
// with the threads' tracebacks, and the run ends with exit code 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage } from './helpers.mjs';

const page = usePage({ isolation: true });

async function run(source) {
  return page().evaluate(async (src) => {
    let blockedAt = 0;
    const res = await window.spindle.run(src, {
      filename: 'main.py', timeoutMs: 20000,
      onOutput: (s, t) => { if (t.includes('blocking now')) blockedAt = performance.now(); },
    });
    return { ...res, reportMs: performance.now() - blockedAt };
  }, source);
}

test('two threads taking two locks in opposite order', async () => {
  const res = await run([
    'import threading',
    'a, b = threading.Lock(), threading.Lock()',
    'go = threading.Barrier(3)',
    'def one():',
    '    with a:',
    '        go.wait()',
    '        with b: pass',
    'def two():',
    '    with b:',
    '        go.wait()',
    '        with a: pass',
    't1 = threading.Thread(target=one, name="Thread-1"); t1.start()',
    't2 = threading.Thread(target=two, name="Thread-2"); t2.start()',
    'go.wait()',
    'print("blocking now", flush=True)',
    't1.join()',
    '',
  ].join('\n'));
  assert.equal(res.exitCode, 1, res.stderr);
  assert.match(res.stderr, /^Deadlock: MainThread waits to join Thread-1; Thread-1 waits for Lock 0x[0-9a-f]+ held by Thread-2; Thread-2 waits for Lock 0x[0-9a-f]+ held by Thread-1\n/);
  assert.match(res.stderr, /Thread-1 \(most recent call last\):(.|\n)*File "main.py", line 7, in one\n    with b: pass/);
  assert.match(res.stderr, /Thread-2 \(most recent call last\):(.|\n)*File "main.py", line 11, in two\n    with a: pass/);
  assert.ok(res.reportMs < 1500, `reported after ${res.reportMs} ms`);
});

test('an asyncio task awaiting an event nobody sets', async () => {
  const res = await run('import asyncio\nasync def main():\n    print("blocking now", flush=True)\n    await asyncio.Event().wait()\nasyncio.run(main())\n');
  assert.equal(res.exitCode, 1, res.stderr);
  assert.match(res.stderr, /^Deadlock: MainThread waits for the event loop to be woken \(no task ready, no timer pending\)\n/);
  assert.ok(res.reportMs < 1500, `reported after ${res.reportMs} ms`);
});
