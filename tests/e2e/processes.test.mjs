// Processes in Chromium through window.spindle.run: each multiprocessing
// Process is a worker with its own wasm instance and memory. Also the pickle
// scripts (63x), the codec processes will use for queues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePython, conformanceScripts, usePage, CONFORMANCE_DIR } from './helpers.mjs';

const scripts = conformanceScripts(/^6[3-7]\d_.*\.py$/);
const getPage = usePage({ isolation: true });

for (const name of scripts) {
  test(`processes in Chromium: ${name}`, async () => {
    await comparePython(getPage(), join(CONFORMANCE_DIR, name));
  });
}

test('the seed multiprocessing example runs both processes, each with its own pid', async () => {
  const res = await getPage().evaluate(async (src) => {
    const srcs = new Set();
    const r = await window.spindle.run(src, { timeoutMs: 20000, onOutput: (stream, text, src) => srcs.add(src) });
    return { ...r, srcs: [...srcs] };
  }, readFileSync('www/examples/seed-multiprocessing.py', 'utf8'));
  assert.equal(res.exitCode, 0, res.stderr);
  const lines = res.stdout.trimEnd().split('\n');
  const want = [...Array(10).keys()].map((i) => `  ${i}`).concat([...'abcdefghij'].map((c) => `  ${c}`));
  assert.deepEqual([...lines].sort(), [...want].sort());
  assert.equal(res.srcs.length, 2, `output came from two processes: ${res.srcs}`);
  assert.ok(!res.srcs.includes(0), 'the parent printed nothing');
});

// The cap on live processes (the run option maxProcesses; tests/process_cap.rs
// checks the same natively): past it start() raises BlockingIOError, and a
// process that ended (or was terminated) frees its slot.
test('maxProcesses caps the live processes of a run, and ended ones free their slots', async () => {
  const res = await getPage().evaluate((src) => window.spindle.run(src, { timeoutMs: 30000, maxProcesses: 3 }), `
import multiprocessing as mp
def wait(ev):
    ev.wait()
ev = mp.Event()
ps = []
try:
    for i in range(10):
        p = mp.Process(target=wait, args=(ev,))
        p.start()
        ps.append(p)
except OSError as e:
    print(len(ps), type(e).__name__, e)
ps[0].terminate()
ps[0].join()
p = mp.Process(target=wait, args=(ev,))
p.start()
ps.append(p)
ev.set()
for p in ps:
    p.join()
print([p.exitcode for p in ps])
with mp.Pool(3) as pool:
    print(pool.map(abs, range(-3, 3)))
`);
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, '3 BlockingIOError [Errno 11] Resource temporarily unavailable (at most 3 live processes per run: maxProcesses)\n'
    + '[-15, 0, 0, 0]\n[3, 2, 1, 0, 1, 2]\n');
});

test('a process does not share memory with its parent', async () => {
  const res = await getPage().evaluate((src) => window.spindle.run(src, { timeoutMs: 20000 }), `
import os
from multiprocessing import Process
shared = []
def child():
    shared.append(os.getpid())
    print("child sees", len(shared), os.getpid() != parent)
parent = os.getpid()
p = Process(target=child)
p.start(); p.join()
print("parent sees", len(shared), p.exitcode)
`);
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, 'child sees 1 True\nparent sees 0 0\n');
});

// multiprocessing.Manager(): the server is one more process worker; a child
// Process and Pool workers (more workers) change a dict and a list through
// proxies, and the parent sees it. Also times a d[k] = v; d[k] round trip.
test('a Manager dict and list are shared with a Process and a Pool', async () => {
  const res = await getPage().evaluate((src) => window.spindle.run(src, { timeoutMs: 30000 }), `
import multiprocessing as mp, time

def child(d, l):
    d['child'] = len(l)
    l.append('child')

def work(args):
    d, l, i = args
    d[i] = i * i
    l.append(i)
    return d.get(i)

if __name__ == '__main__':
    with mp.Manager() as m:
        d, l = m.dict(), m.list(['parent'])
        p = mp.Process(target=child, args=(d, l))
        p.start(); p.join()
        print(p.exitcode, d, l)
        with mp.Pool(2) as pool:
            print(pool.map(work, [(d, l, i) for i in range(4)]))
        print(sorted(d.items(), key=str), sorted(l, key=str))
        ts = []
        for i in range(2000):
            t0 = time.perf_counter()
            d['k'] = i
            d['k']
            ts.append(time.perf_counter() - t0)
        ts.sort()
        print('round trip', round(ts[1000] * 1e6), round(sum(ts) / len(ts) * 1e6))
`);
  assert.equal(res.exitCode, 0, res.stderr);
  const lines = res.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 3), [
    "0 {'child': 1} ['parent', 'child']",
    '[0, 1, 4, 9]',
    "[('child', 1), (0, 0), (1, 1), (2, 4), (3, 9)] [0, 1, 2, 3, 'child', 'parent']",
  ]);
  const m = /^round trip (\d+) (\d+)$/.exec(lines[3]);
  assert.ok(m, lines[3]);
  console.log(`# Manager dict set+get round trip in Chromium: p50 ${m[1]} µs, mean ${m[2]} µs`);
});
