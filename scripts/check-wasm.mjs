// Checks a .wasm file's memory: `shared` demands an imported shared memory
// (the threaded build), `unshared` a non-shared one. Reads the import section
// through WebAssembly.Module.imports plus the raw memory limits flags.
import { readFileSync } from 'node:fs';

const [file, want] = process.argv.slice(2);
const bytes = readFileSync(file);

// Walk sections to find the memory's limits flags (bit 1 = shared).
function leb(buf, pos) {
  let result = 0, shift = 0, b;
  do { b = buf[pos++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return [result >>> 0, pos];
}
function readName(buf, pos) { let n; [n, pos] = leb(buf, pos); return [buf.toString('utf8', pos, pos + n), pos + n]; }
let pos = 8, shared = null, imported = false;
while (pos < bytes.length) {
  const id = bytes[pos++];
  let size; [size, pos] = leb(bytes, pos);
  const end = pos + size;
  if (id === 2) { // imports
    let count, p = pos; [count, p] = leb(bytes, p);
    for (let i = 0; i < count; i++) {
      let mod, name; [mod, p] = readName(bytes, p); [name, p] = readName(bytes, p);
      const kind = bytes[p++];
      if (kind === 0) { [, p] = leb(bytes, p); }
      else if (kind === 1) { p++; const fl = bytes[p++]; [, p] = leb(bytes, p); if (fl & 1) [, p] = leb(bytes, p); }
      else if (kind === 2) { const fl = bytes[p++]; [, p] = leb(bytes, p); if (fl & 1) [, p] = leb(bytes, p); imported = true; shared = !!(fl & 2); }
      else if (kind === 3) { p += 2; }
      else if (kind === 4) { p++; [, p] = leb(bytes, p); }
    }
  } else if (id === 5 && shared === null) { // defined memory
    let p = pos; [, p] = leb(bytes, p); const fl = bytes[p]; shared = !!(fl & 2);
  }
  pos = end;
}
const desc = `${file}: memory ${imported ? 'imported' : 'defined'}, ${shared ? 'shared' : 'not shared'}`;
if ((want === 'shared') !== !!shared) { console.error('FAIL ' + desc); process.exit(1); }
console.error('ok   ' + desc);
