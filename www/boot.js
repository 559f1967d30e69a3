// Runs first, as a classic script in <head>: sets the colour theme before
// first paint (the saved choice, else the system's), and starts downloading
// the interpreter's wasm and the standard library at once, while app.js
// downloads (loader.js picks the responses up instead of fetching again).
document.documentElement.dataset.theme = localStorage.getItem('spindle.theme')
  || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
(() => {
  const build = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? 'mt' : 'st';
  const urls = [`pkg/${build}/spindle_bg.wasm`, 'pkg/stdlib.bin'].map((u) => new URL(u, document.baseURI).href);
  globalThis.__spindlePrefetch = new Map(urls.map((url) => [url, fetch(url)]));
})();
