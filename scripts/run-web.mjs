// Run Python files in headless Chromium through window.spindle.run, the way the
// page does, and print their stdout, stderr and exit code (a developer aid and
// the bench's browser driver). Needs a built dist/ (npm run build).
//   node scripts/run-web.mjs [--gil] [--no-isolation] [--trace] FILE.py...
import { readFileSync } from 'node:fs';
import { setup } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const flag = (f) => { const i = args.indexOf(f); if (i >= 0) args.splice(i, 1); return i >= 0; };
const gil = flag('--gil');
const isolation = !flag('--no-isolation');
const showTrace = flag('--trace');
if (!args.length) {
  console.error('usage: node scripts/run-web.mjs [--gil] [--no-isolation] [--trace] FILE.py...');
  process.exit(2);
}
const env = await setup({ isolation });
let status = 0;
try {
  const page = await env.page();
  await page.goto(env.url);
  await page.evaluate(() => window.spindle.ready);
  for (const file of args) {
    const source = readFileSync(file, 'utf8');
    const res = await page.evaluate(([src, gil, filename]) => window.spindle.run(src, { gil, timeoutMs: 120000, filename }),
      [source, gil, file]);
    process.stdout.write(res.stdout);
    process.stderr.write(res.stderr);
    if (showTrace) for (const ev of res.trace) console.error(JSON.stringify(ev));
    console.error(`[${file}: exit ${res.exitCode}, ${res.wallMs.toFixed(0)} ms]`);
    status = status || res.exitCode;
  }
} finally {
  if (status) console.error(env.logs.join('\n'));
  await env.close();
}
process.exit(status);
