// asyncio in Chromium through window.spindle.run: every asyncio script of the
// differential suite (7xx), and the seed article's example printing in real
// time, as its sleeps elapse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePython, conformanceScripts, usePage, CONFORMANCE_DIR } from './helpers.mjs';

const scripts = conformanceScripts(/^7\d\d_.*\.py$/);
const getPage = usePage({ isolation: true });

for (const name of scripts) {
  test(`asyncio in Chromium: ${name}`, async () => {
    await comparePython(getPage(), join(CONFORMANCE_DIR, name));
  });
}

test('the seed asyncio example streams its output as the sleeps elapse', async () => {
  // The article sleeps 1 s per step; 0.2 s keeps the test short.
  const source = readFileSync('www/examples/seed-asyncio.py', 'utf8').replaceAll('asyncio.sleep(1)', 'asyncio.sleep(0.2)');
  const res = await getPage().evaluate(async (src) => {
    const t0 = performance.now();
    const arrivals = [];
    const r = await window.spindle.run(src, { timeoutMs: 20000, onOutput: (stream, text) => arrivals.push([performance.now() - t0, text]) });
    return { ...r, arrivals, total: performance.now() - t0 };
  }, source);
  assert.equal(res.exitCode, 0, res.stderr);
  const lines = res.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 20);
  assert.deepEqual(lines.slice(0, 4), ['  0', '  a', '  1', '  b']);
  // Output arrived in several deliveries spread over the run, not all at the end.
  assert.ok(res.arrivals.length >= 5, `deliveries: ${res.arrivals.length}`);
  assert.ok(res.arrivals[0][0] < res.total - 1000, `first output at ${res.arrivals[0][0]} ms of ${res.total} ms`);
  // The trace has a lane per task.
  const lanes = new Set(res.trace.map((e) => e.lane));
  assert.ok([...lanes].filter((l) => l.startsWith('Task-')).length >= 3, [...lanes].join(', '));
});

test('spindle.web fetches files the playground serves: promises in coroutines, blocking in threads', async () => {
  const res = await getPage().evaluate((src) => window.spindle.run(src, { timeoutMs: 20000 }), `
import asyncio, threading
from spindle.web import fetch_text, fetch_bytes, fetch_text_sync

async def threads_now():
    return threading.active_count()

async def main():
    both = asyncio.gather(fetch_text("data/fox.txt"), fetch_bytes("data/fox.txt"))
    # In flight as the browser's fetch() promises: no helper thread.
    print("threads while fetching:", await threads_now())
    text, data = await both
    print(text.splitlines()[0], len(data))
    try:
        await fetch_text("data/no-such-file.txt")
    except OSError as e:
        print("OSError:", e)
    try:
        await asyncio.wait_for(fetch_text("data/fox.txt"), timeout=0)
    except TimeoutError:
        print("given up")
    poems = await asyncio.gather(*(fetch_text(f"data/poem-{i}.txt") for i in (1, 2, 3)))
    print([p.count(chr(10)) > 0 for p in poems])

asyncio.run(main())
out = []
t = threading.Thread(target=lambda: out.append(fetch_text_sync("data/fox.txt").split()[1]))
t.start(); t.join()
print(out)
`);
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, "threads while fetching: 1\nthe quick brown fox 44\nOSError: HTTP 404 for data/no-such-file.txt\ngiven up\n[True, True, True]\n['quick']\n");
});
