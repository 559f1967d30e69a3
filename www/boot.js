// Runs first, as a classic script in <head>: sets the colour theme before
// first paint (the saved choice, else the system's), and starts downloading
// the interpreter's wasm at once, while app.js downloads (loader.js picks the
// response up instead of fetching again).
document.documentElement.dataset.theme = localStorage.getItem('spindle.theme')
  || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
(() => {
  const build = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? 'mt' : 'st';
  const url = new URL(`pkg/${build}/spindle_bg.wasm`, document.baseURI).href;
  globalThis.__spindlePrefetch = { url, response: fetch(url) };
})();
