// Tests of scripts/serve.mjs without a browser: COOP/COEP on every response
// (when isolation is on, absent when off), MIME types, and no path traversal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer } from '../../scripts/serve.mjs';

async function withServer(isolation, fn) {
  const { server, port } = await startServer({ dir: 'dist', port: 0, host: '127.0.0.1', isolation });
  try { await fn(`http://127.0.0.1:${port}`); } finally { await new Promise((r) => server.close(r)); }
}

test('every response carries COOP/COEP and the right MIME type', async () => {
  await withServer(true, async (base) => {
    const cases = [
      ['/', 'text/html'], ['/index.html', 'text/html'], ['/spindle.js', 'text/javascript'],
      ['/pkg/mt/spindle.js', 'text/javascript'], ['/pkg/mt/spindle_bg.wasm', 'application/wasm'],
      ['/pkg/st/spindle_bg.wasm', 'application/wasm'], ['/pkg/stdlib.bin', 'application/octet-stream'],
      ['/no-such-file', 'text/plain'],
    ];
    for (const [path, mime] of cases) {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin', path);
      assert.equal(res.headers.get('cross-origin-embedder-policy'), 'require-corp', path);
      assert.ok(res.headers.get('content-type').startsWith(mime), `${path}: ${res.headers.get('content-type')}`);
    }
    assert.equal((await fetch(base + '/no-such-file')).status, 404);
    // A raw request (fetch would normalise the dots away) must not escape dist/.
    for (const raw of ['/../package.json', '/%2e%2e/package.json', '/pkg/..%2f..%2fpackage.json']) {
      const status = await new Promise((ok, fail) => {
        http.get(base + '/', { path: raw }, (res) => { res.resume(); ok(res.statusCode); }).on('error', fail);
      });
      assert.ok(status === 403 || status === 404, `${raw}: HTTP ${status}`);
    }
  });
});

test('with isolation off the headers are absent', async () => {
  await withServer(false, async (base) => {
    const res = await fetch(base + '/');
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cross-origin-opener-policy'), null);
    assert.equal(res.headers.get('cross-origin-embedder-policy'), null);
  });
});
