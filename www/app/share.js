// Share links: the code (deflate-compressed, base64url) and the run settings
// in the URL hash. Opening one loads the code but never runs it.

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/** The hash (with '#') for `code` and `options` ({ gil, startMethod, workers }). */
export async function encodeShare(code, options = {}) {
  const packed = await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw'));
  const p = new URLSearchParams();
  p.set('code', toBase64Url(packed));
  if (options.gil) p.set('gil', '1');
  if (options.startMethod && options.startMethod !== 'fork') p.set('start', options.startMethod);
  if (options.workers) p.set('workers', String(options.workers));
  return `#${p.toString()}`;
}

/** Parse a share hash: { code, options } or null if it carries no code. */
export async function decodeShare(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = p.get('code');
  if (!packed) return null;
  const bytes = await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw'));
  const options = {};
  if (p.has('gil')) options.gil = p.get('gil') === '1';
  if (p.has('start')) options.startMethod = p.get('start') === 'spawn' ? 'spawn' : 'fork';
  if (p.has('workers')) {
    const w = parseInt(p.get('workers'), 10);
    if (w >= 1 && w <= 16) options.workers = w;
  }
  return { code: new TextDecoder().decode(bytes), options };
}
