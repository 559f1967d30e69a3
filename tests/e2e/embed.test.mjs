// The embed demo page (docs.html) with three <spindle-playground> elements
// and an iframe, served with and without the isolation headers: each
// playground runs on its own, and without isolation they still run, with
// threads taking turns and a notice saying so.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './helpers.mjs';

/** Click Run in the playground at `index` and wait for its exit status. */
async function runEmbed(page, index) {
  const host = page.locator('spindle-playground').nth(index);
  await host.locator('button', { hasText: 'Run' }).click();
  await page.waitForFunction((i) => {
    const el = document.querySelectorAll('spindle-playground')[i];
    return /exit code/.test(el.shadowRoot.querySelector('.state').textContent);
  }, index, { timeout: 60000 });
  // The printed text, line by line, without the lane tags.
  return page.evaluate((i) => {
    const el = document.querySelectorAll('spindle-playground')[i];
    return [...el.shadowRoot.querySelectorAll('.console-out .line')].map((l) => l.lastChild.data).join('\n');
  }, index);
}

for (const isolation of [true, false]) {
  describe(`docs.html ${isolation ? 'with' : 'without'} COOP/COEP`, () => {
    let env, page;
    before(async () => {
      env = await setup({ isolation });
      page = await env.page();
      await page.goto(`${env.url}docs.html`);
      await page.waitForFunction(() => [...document.querySelectorAll('spindle-playground')]
        .every((el) => el.shadowRoot && /ready/.test(el.shadowRoot.querySelector('.state').textContent)), null, { timeout: 30000 });
    });
    after(async () => { await env?.close(); });

    test('three playgrounds, each with its own code', async () => {
      assert.equal(await page.locator('spindle-playground').count(), 3);
      const notices = await page.$$eval('spindle-playground', (els) => els.map((el) => !el.shadowRoot.querySelector('.notice').hidden));
      assert.deepEqual(notices, [!isolation, !isolation, !isolation]);
    });

    test('two playgrounds run at the same time, independently', async () => {
      const [threads, asyncio] = await Promise.all([runEmbed(page, 0), runEmbed(page, 2)]);
      assert.match(threads, /\['a-0', 'a-1', 'a-2', 'b-0', 'b-1', 'b-2'\]/);
      assert.match(asyncio, /b finished after 0.1 s\s*c finished after 0.2 s\s*a finished after 0.3 s/);
    });

    test('the processes playground keeps the parent global unchanged', async () => {
      if (!isolation) return; // no processes without SharedArrayBuffer
      const out = await runEmbed(page, 1);
      assert.match(out, /child says 100\s*parent still has 0/);
    });

    test('the read-only playground cannot be edited', async () => {
      const editable = await page.$eval('spindle-playground[readonly]', (el) => el.shadowRoot.querySelector('.cm-content').getAttribute('contenteditable'));
      assert.equal(editable, 'false');
    });

    test('the iframe form runs the code from its link', async () => {
      const frame = page.frameLocator('#frame');
      await frame.locator('button', { hasText: 'Run' }).click({ timeout: 30000 });
      await assert.doesNotReject(frame.locator('.console-out', { hasText: 'Hello from an iframe' }).waitFor({ timeout: 30000 }));
    });
  });
}
