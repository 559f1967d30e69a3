// Processes in Chromium through window.spindle.run: each multiprocessing
// Process is a worker with its own wasm instance and memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, comparePython } from './helpers.mjs';

const DIR = 'tests/conformance';
const scripts = readdirSync(DIR).filter((f) => /^65\d_.*\.py$/.test(f)).sort();

let env;
let page;
before(async () => {
  env = await setup({ isolation: true });
  page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
});
after(async () => { await env?.close(); });

for (const name of scripts) {
  test(`processes in Chromium: ${name}`, async () => {
    await comparePython(page, join(DIR, name));
  });
}

test('the seed multiprocessing example runs both processes, each with its own pid', async () => {
  const res = await page.evaluate(async (src) => {
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
  const res = await page.evaluate((src) => window.spindle.run(src, { timeoutMs: 20000 }), `
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
