// End-to-end test of the fallback: served WITHOUT COOP/COEP, the page is not
// cross-origin isolated, so the loader must pick the non-threaded build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './helpers.mjs';

let env;
before(async () => { env = await setup({ isolation: false }); });
after(async () => { await env?.close(); });

test('without the headers the non-threaded build loads and runs', async () => {
  const page = await env.page();
  await page.goto(env.url);
  const info = await page.evaluate(() => window.spindle.ready);
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
  assert.equal(info.threaded, false);
  assert.equal(await page.evaluate(() => window.spindle.build), 'st');
  const res = await page.evaluate(() => window.spindle.run('print("fallback")\n'));
  assert.equal(res.exitCode, 0, res.stderr);
  assert.equal(res.stdout, 'fallback\n');
  await page.close();
});
