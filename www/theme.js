// Sets the colour theme before first paint: the saved choice, else the
// system's. (A classic script, so that the page needs no inline script.)
document.documentElement.dataset.theme = localStorage.getItem('spindle.theme')
  || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
