// A representative subset of the differential suite, run in Chromium through
// the threaded wasm build and window.spindle.run: stdout and exit code must
// equal the machine's python3, and stderr must end with the same line.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePython, conformanceScripts, usePage, CONFORMANCE_DIR } from './helpers.mjs';

const xfail = new Set(readFileSync(join(CONFORMANCE_DIR, 'xfail.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
// Scripts whose expected output depends on the C library's transcendental
// functions: CPython prints glibc's cbrt/exp/log results, wasm uses Rust's
// libm (musl's algorithms), which can differ in the last bit.
const LIBM_DEPENDENT = new Set(['211_math_log_trig.py']);
// Every 7th script of the suite (sorted), skipping known failures: a spread
// over types, functions, classes, exceptions, generators, modules, errors.
// The model scripts (6xx threads, pickle and processes; 7xx asyncio) run in
// full in their own test files.
const scripts = conformanceScripts(/^[0-5].*\.py$/)
  .filter((f) => !xfail.has(f) && !LIBM_DEPENDENT.has(f))
  .filter((_, i) => i % 7 === 0);

const getPage = usePage({ isolation: true });

for (const name of scripts) {
  test(`conformance in Chromium: ${name}`, async () => {
    await comparePython(getPage(), join(CONFORMANCE_DIR, name));
  });
}
