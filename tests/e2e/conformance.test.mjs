// A representative subset of the differential suite, run in Chromium through
// the threaded wasm build and window.spindle.run: stdout and exit code must
// equal the machine's python3, and stderr must end with the same line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setup } from './helpers.mjs';

const DIR = 'tests/conformance';
const xfail = new Set(readFileSync(join(DIR, 'xfail.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
// Scripts whose expected output depends on the C library's transcendental
// functions: CPython prints glibc's cbrt/exp/log results, wasm uses Rust's
// libm (musl's algorithms), which can differ in the last bit.
const LIBM_DEPENDENT = new Set(['211_math_log_trig.py']);
// Every 7th script of the suite (sorted), skipping known failures: a spread
// over types, functions, classes, exceptions, generators, modules, errors.
const scripts = readdirSync(DIR)
  .filter((f) => f.endsWith('.py') && !xfail.has(f) && !LIBM_DEPENDENT.has(f))
  .sort()
  .filter((_, i) => i % 7 === 0);

let env;
let page;
before(async () => {
  env = await setup({ isolation: true });
  page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
});
after(async () => { await env?.close(); });

const lastLine = (s) => s.trimEnd().split('\n').at(-1) ?? '';

for (const name of scripts) {
  test(`conformance in Chromium: ${name}`, async () => {
    const path = join(DIR, name);
    const source = readFileSync(path, 'utf8');
    const stdin = existsSync(`${path}.stdin`) ? readFileSync(`${path}.stdin`, 'utf8') : '';
    const py = spawnSync('python3', ['-X', 'utf8', path], {
      input: stdin, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
    });
    const res = await page.evaluate(
      ([src, input]) => window.spindle.run(src, { gil: false, timeoutMs: 20000, startMethod: 'fork', stdin: input }),
      [source, stdin],
    );
    assert.equal(res.stdout, py.stdout, `stdout of ${name}`);
    assert.equal(res.exitCode, py.status, `exit code of ${name}; stderr: ${res.stderr}`);
    assert.equal(lastLine(res.stderr), lastLine(py.stderr), `last stderr line of ${name}`);
  });
}
