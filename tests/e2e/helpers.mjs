// Shared e2e plumbing: serve dist/ on a free port (with or without COOP/COEP)
// and launch the machine's /usr/bin/chromium through playwright-core.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
