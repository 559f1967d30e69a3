// Dev tool: screenshots of the page's main views in headless Chromium, for
// looking at visible changes (PNGs go to the given directory, not to git).
// Usage: node scripts/screenshot.mjs OUTDIR [--dark] [--narrow] [--compare] [--code FILE.py]
import { readFileSync } from 'node:fs';
import { setup } from '../tests/e2e/helpers.mjs';

const out = process.argv[2] || '/tmp/shots';
const dark = process.argv.includes('--dark');
const narrow = process.argv.includes('--narrow');
const env = await setup({ isolation: true });
try {
  const page = await env.page();
  await page.setViewportSize(narrow ? { width: 420, height: 900 } : { width: 1400, height: 860 });
  await page.goto(env.url);
  if (dark) await page.evaluate(() => { localStorage.setItem('spindle.theme', 'dark'); });
  await page.reload();
  await page.evaluate(() => window.spindle.ready);
  await page.waitForSelector('#run:not([disabled])');
  const codeAt = process.argv.indexOf('--code');
  if (codeAt > 0) {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(readFileSync(process.argv[codeAt + 1], 'utf8'));
  }
  await page.click('#run');
  await page.waitForFunction(() => /finished|stopped/.test(document.querySelector('#run-state').textContent), null, { timeout: 30000 });
  await page.screenshot({ path: `${out}/console.png` });
  await page.click('#tab-timeline');
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/timeline.png` });
  await page.click('#examples-btn');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/examples.png` });
  await page.keyboard.press('Escape');
  if (process.argv.includes('--compare')) {
    await page.click('#tab-compare');
    await page.click('text=Load CPU-bound workload');
    await page.click('[data-act=run]');
    await page.waitForFunction(() => /done|failed/.test(document.querySelector('.compare-status').textContent), null, { timeout: 120000 });
    await page.screenshot({ path: `${out}/compare.png` });
  }
  console.log(env.logs.join('\n'));
} finally {
  await env.close();
}
