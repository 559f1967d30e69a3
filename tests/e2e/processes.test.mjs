// Processes in Chromium through window.spindle.run: each multiprocessing
// Process is a worker with its own wasm instance and memory. Also the pickle
// scripts (63x), the codec processes will use for queues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePython, conformanceScripts, usePage, CONFORMANCE_DIR } from './helpers.mjs';

const scripts = conformanceScripts(/^6[3-6]\d_.*\.py$/);
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
