// Picks and loads the wasm core: the threaded build (shared memory, workers as
// threads) when the page is cross-origin isolated, else the non-threaded one.
// Used by the page (to compile the module once) and by the runner worker.

/** 'mt' (threaded) when SharedArrayBuffer can be shared, else 'st'. */
export function pickBuild() {
  return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? 'mt' : 'st';
}

/** URL of a build's file, relative to this loader (so dist/ can live anywhere). */
export function buildUrl(build, file) {
  return new URL(`./pkg/${build}/${file}`, import.meta.url).href;
}

/** Compile the chosen build's module (off the main thread, via streaming). */
export async function compileCore(build = pickBuild()) {
  const url = buildUrl(build, 'spindle_bg.wasm');
  // The page's boot.js may have started this download already.
  const pre = globalThis.__spindlePrefetch;
  let res;
  if (pre && pre.url === url) {
    globalThis.__spindlePrefetch = null;
    res = await pre.response.catch(() => fetch(url));
  } else {
    res = await fetch(url);
  }
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status}`);
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(res)
    : await WebAssembly.compile(await res.arrayBuffer());
  return { build, module };
}

/** Instantiate a compiled build in this worker; returns the glue's exports
 * and the instance's `memory`. */
export async function instantiateCore(build, module) {
  const pkg = await import(buildUrl(build, 'spindle.js'));
  const wasm = await pkg.default({ module_or_path: module });
  return { ...pkg, memory: wasm.memory };
}
