// Threads in Chromium through window.spindle.run: every threading, queue and
// concurrent.futures script of the differential suite (6xx), free-threaded and
// under the GIL; the seed article's example; the trace's thread lanes; the cap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePython, conformanceScripts, usePage, CONFORMANCE_DIR } from './helpers.mjs';

const scripts = conformanceScripts(/^6[0-2]\d_.*\.py$/);
const getPage = usePage({ isolation: true });

const run = (source, options = {}) =>
  getPage().evaluate(([src, opts]) => window.spindle.run(src, opts), [source, { timeoutMs: 20000, ...options }]);

for (const name of scripts) {
  test(`threads in Chromium: ${name}`, async () => {
    await comparePython(getPage(), join(CONFORMANCE_DIR, name), { gil: false });
  });
  test(`threads in Chromium under the GIL: ${name}`, async () => {
    await comparePython(getPage(), join(CONFORMANCE_DIR, name), { gil: true });
  });
}

test('the seed article threading example runs both threads to completion', async () => {
  const res = await run(readFileSync('www/examples/seed-threading.py', 'utf8'));
  assert.equal(res.exitCode, 0, res.stderr);
  const lines = res.stdout.trimEnd().split('\n');
  const want = [...Array(10).keys()].map((i) => `  ${i}`).concat([...'abcdefghij'].map((c) => ` ${c}`));
  assert.deepEqual([...lines].sort(), [...want].sort());
  // Each thread prints its own lines in order.
  assert.deepEqual(lines.filter((l) => /\d/.test(l)), want.slice(0, 10));
  assert.deepEqual(lines.filter((l) => /[a-j]/.test(l)), want.slice(10));
});

const LANES_SRC = `
import threading, time
def work(n):
    time.sleep(0.01)
    x = 0
    for i in range(n):
        x += i
lock = threading.Lock()
ts = [threading.Thread(target=work, args=(200000,), name=f"worker-{i}") for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(threading.active_count(), threading.current_thread().name)
`;

test('the trace has a lane per thread: start, block on sleep, end', async () => {
  const res = await run(LANES_SRC);
  assert.equal(res.stdout, '1 MainThread\n', res.stderr);
  for (const lane of ['worker-0', 'worker-1']) {
    const kinds = res.trace.filter((e) => e.lane === lane).map((e) => e.kind);
    assert.equal(kinds[0], 'start', `${lane}: ${kinds}`);
    assert.equal(kinds.at(-1), 'end', `${lane}: ${kinds}`);
    assert.ok(res.trace.some((e) => e.lane === lane && e.kind === 'block' && e.detail === 'sleep'), lane);
  }
  // The main thread blocks joining them.
  assert.ok(res.trace.some((e) => e.lane === 'main' && e.kind === 'block' && e.detail.startsWith('join worker-')));
  assert.ok(!res.trace.some((e) => e.kind.startsWith('gil_')), 'no GIL events when free-threaded');
});

test('under the GIL the trace shows threads waiting for and holding it', async () => {
  const res = await run(LANES_SRC, { gil: true });
  assert.equal(res.stdout, '1 MainThread\n', res.stderr);
  for (const lane of ['worker-0', 'worker-1']) {
    const kinds = new Set(res.trace.filter((e) => e.lane === lane).map((e) => e.kind));
    assert.ok(kinds.has('gil_take') && kinds.has('gil_drop'), `${lane}: ${[...kinds]}`);
  }
  assert.ok(res.trace.some((e) => e.kind === 'gil_wait'), 'someone waited for the GIL');
});

const CAP_SRC = `
import threading
ev = threading.Event()
ts = []
try:
    for i in range(100):
        t = threading.Thread(target=ev.wait, daemon=True)
        t.start()
        ts.append(t)
except RuntimeError as e:
    print("RuntimeError:", e, len(ts))
ev.set()
for t in ts: t.join()
print("all joined")
`;

test('past the thread cap, start() raises RuntimeError as CPython does', async () => {
  const res = await run(CAP_SRC);
  assert.equal(res.stdout, "RuntimeError: can't start new thread 64\nall joined\n", res.stderr);
  const small = await run(CAP_SRC, { maxThreads: 3 });
  assert.equal(small.stdout, "RuntimeError: can't start new thread 3\nall joined\n", small.stderr);
});

test('gil option is visible to the program', async () => {
  const src = 'import sys\nprint(sys._is_gil_enabled(), sys.getswitchinterval())';
  assert.equal((await run(src, { gil: true })).stdout, 'True 0.005\n');
  assert.equal((await run(src, { gil: false })).stdout, 'False 0.005\n');
});
