// A tiny static server for dist/ that sends the COOP/COEP headers (so the page is
// cross-origin isolated and the threaded build loads) with correct MIME types.
// CLI: node scripts/serve.mjs [--dir dist] [--port 8080] [--host ::] [--no-isolation];
// the PORT and SPINDLE_HOST environment variables override.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Start serving `dir`. Resolves with { server, port, url } once listening. */
/**
 * The Content-Security-Policy sent with every response: scripts only from
 * this origin (plus compiling WebAssembly), workers from this origin or the
 * blob: URLs the runtime makes for its worker code, no plugins, no <base>.
 * Styles may be inline (CodeMirror injects its own). spindle.web may fetch
 * from this origin and from https CORS servers.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function startServer({ dir = 'dist', port = 8080, host = '127.0.0.1', isolation = true } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': CSP };
    if (isolation) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
      headers['Cross-Origin-Resource-Policy'] = 'same-origin';
    }
    const send = (code, text) => {
      res.writeHead(code, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = join(root, path);
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden\n');
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) { file = join(file, 'index.html'); st = statSync(file); }
    } catch {
      return send(404, `not found: ${path}\n`);
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': st.size,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const p = server.address().port;
      ok({ server, port: p, url: `http://localhost:${p}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const port = Number(process.env.PORT || opt('--port', 8080));
  const isolation = !args.includes('--no-isolation');
  const dir = opt('--dir', 'dist');
  // '::' takes IPv6 and IPv4 (localhost may resolve to either); SPINDLE_HOST overrides.
  const host = process.env.SPINDLE_HOST || opt('--host', '::');
  startServer({ dir, port, host, isolation })
    .catch((err) => (err.code === 'EAFNOSUPPORT' && host === '::'
      ? startServer({ dir, port, host: '0.0.0.0', isolation }) : Promise.reject(err)))
    .then(({ url }) => {
    console.log(`Spindle is being served from ${dir}/ at ${url}`
      + (isolation ? ' (cross-origin isolated: threaded build)' : ' (no COOP/COEP: non-threaded build)'));
    console.log('Press Ctrl+C to stop.');
  }, (err) => {
    console.error(`spindle: could not listen on port ${port}: ${err.message}` + (err.code === 'EADDRINUSE' ? ' (set PORT to use another port)' : ''));
    process.exit(1);
  });
}
