// Shared e2e plumbing: serve dist/ on a free port (with or without COOP/COEP)
// and launch the machine's /usr/bin/chromium through playwright-core.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.SPINDLE_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serve dist/ and open a browser; returns { url, browser, page(), close() }. */
export async function setup({ isolation = true } = {}) {
  const { server, port } = await startServer({ dir: 'dist', port: 0, host: '127.0.0.1', isolation });
  const userDataDir = mkdtempSync(join(tmpdir(), 'spindle-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
  });
  const logs = [];
  return {
    url: `http://127.0.0.1:${port}/`,
    logs,
    async page() {
      const page = await context.newPage();
      page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await new Promise((r) => server.close(r));
    },
  };
}

const lastLine = (s) => s.trimEnd().split('\n').at(-1) ?? '';

/** Run tests/conformance script `path` under python3 and through
 * window.spindle.run on `page` with run `options`; stdout and exit code must
 * be equal, and stderr must end with the same line. */
export async function comparePython(page, path, options = {}) {
  const source = readFileSync(path, 'utf8');
  const stdin = existsSync(`${path}.stdin`) ? readFileSync(`${path}.stdin`, 'utf8') : '';
  const py = spawnSync('python3', ['-X', 'utf8', path], {
    input: stdin, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
  });
  const res = await page.evaluate(
    ([src, opts]) => window.spindle.run(src, opts),
    // The absolute path as filename, so tracebacks and messages name the
    // script as python3 does.
    [source, { gil: false, timeoutMs: 20000, startMethod: 'fork', stdin, filename: resolve(path), ...options }],
  );
  assert.equal(res.stdout, py.stdout, `stdout of ${path}`);
  assert.equal(res.exitCode, py.status, `exit code of ${path}; stderr: ${res.stderr}`);
  assert.equal(lastLine(res.stderr), lastLine(py.stderr), `last stderr line of ${path}`);
  return res;
}

/** Register before/after hooks that open one page on dist/ (served with or
 * without COOP/COEP) and wait for window.spindle; returns a getter for it. */
export function usePage({ isolation = true } = {}) {
  const state = {};
  before(async () => {
    state.env = await setup({ isolation });
    state.page = await state.env.page();
    await state.page.goto(state.env.url);
    await state.page.evaluate(() => window.spindle.ready);
  });
  after(async () => { await state.env?.close(); });
  return () => state.page;
}

export const CONFORMANCE_DIR = 'tests/conformance';

/** The differential scripts whose file names match `re`, sorted. */
export function conformanceScripts(re) {
  return readdirSync(CONFORMANCE_DIR).filter((f) => re.test(f)).sort();
}
