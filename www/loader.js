// Picks and loads the wasm core: the threaded build (shared memory, workers as
// threads) when the page is cross-origin isolated, else the non-threaded one.
// Used by the page (to compile the module and fetch the standard library
// once) and by the runner worker.

/** 'mt' (threaded) when SharedArrayBuffer can be shared, else 'st'. */
export function pickBuild() {
  return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? 'mt' : 'st';
}

/** URL of a build's file, relative to this loader (so dist/ can live anywhere). */
export function buildUrl(build, file) {
  return new URL(`./pkg/${build}/${file}`, import.meta.url).href;
}

/** URL of the standard library blob (its Python modules' source and
 * bytecode), the same for both builds: the wasm carries none of it. */
export function stdlibUrl() {
  return new URL('./pkg/stdlib.bin', import.meta.url).href;
}

// A response boot.js started downloading already, else a new fetch.
async function fetchOnce(url) {
  const pre = globalThis.__spindlePrefetch;
  const early = pre && pre.get(url);
  if (early) {
    pre.delete(url);
    const res = await early.catch(() => null);
    if (res) return res;
  }
  return fetch(url);
}

async function fetchOk(url) {
  const res = await fetchOnce(url);
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status}`);
  return res;
}

/** Compile the chosen build's module (off the main thread, via streaming),
 * while the standard library downloads. */
export async function compileCore(build = pickBuild()) {
  const compile = fetchOk(buildUrl(build, 'spindle_bg.wasm')).then(async (res) =>
    WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(res)
      : WebAssembly.compile(await res.arrayBuffer()));
  const stdlib = fetchOk(stdlibUrl()).then((res) => res.arrayBuffer());
  const [module, bytes] = await Promise.all([compile, stdlib]);
  return { build, module, stdlib: bytes };
}

/** Instantiate a compiled build in this worker and install the standard
 * library in it; returns the glue's exports and the instance's `memory`.
 * Workers this one starts pass `globalThis.__spindleStdlib` on to the
 * processes they start (src/host/web/workers.js). */
export async function instantiateCore(build, module, stdlib) {
  const pkg = await import(buildUrl(build, 'spindle.js'));
  const wasm = await pkg.default({ module_or_path: module });
  pkg.installStdlib(new Uint8Array(stdlib));
  globalThis.__spindleStdlib = stdlib;
  return { ...pkg, memory: wasm.memory };
}
