// The playground page: builds the editor, controls, console, timeline,
// compare view, examples gallery and share link around one small state,
// and runs programs through window.spindle.
import { pageSpindle } from '../spindle.js';
import { createStore, initialState, defaultWorkers } from './store.js';
import { createEditor } from './editor.js';
import { createConsole } from './console.js';
import { createTimeline } from './timeline.js';
import { createCompare } from './compare.js';
import { createGallery } from './examples.js';
import { encodeShare, decodeShare } from './share.js';
import { locateErrors, CURLY, straightenQuotes } from './errors.js';
import { WORKLOADS } from './workloads.js';

const $ = (id) => document.getElementById(id);
const FILENAME = 'main.py';
const CODE_KEY = 'spindle.code';
const PREVIOUS_KEY = 'spindle.code.previous';
const OPTIONS_KEY = 'spindle.options';

const DEFAULT_CODE = `# Welcome to Spindle: this Python really runs its threads in parallel.
# Press Run (Ctrl+Enter), then look at the Timeline. Try the GIL box,
# the Examples, and Compare.
import threading
import time

def count(n):
    total = 0
    for i in range(n):
        total += i
    return total

def worker(name):
    t0 = time.perf_counter()
    count(300_000)
    print(f"{name} done in {time.perf_counter() - t0:.2f} s")

threads = [threading.Thread(target=worker, args=(f"worker-{i}",)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done")
`;

const spindle = pageSpindle();
const store = createStore(initialState());

function loadOptions() {
  try {
    const o = JSON.parse(localStorage.getItem(OPTIONS_KEY) || '{}');
    return {
      gil: !!o.gil,
      startMethod: o.startMethod === 'spawn' ? 'spawn' : 'fork',
      workers: o.workers >= 1 && o.workers <= 16 ? o.workers : defaultWorkers(),
    };
  } catch {
    return initialState().options;
  }
}

// ---- editor ----
const editor = createEditor($('editor'), {
  doc: localStorage.getItem(CODE_KEY) ?? DEFAULT_CODE,
  onChange: (text) => {
    store.set({ code: text });
    try { localStorage.setItem(CODE_KEY, text); } catch { /* storage full: keep going */ }
  },
  onRun: () => run(),
});
store.set({ code: editor.getCode(), options: loadOptions() });

// ---- typographic quotes ----
const quotes = $('quotes');
function checkQuotes(code) {
  const found = code.match(CURLY);
  quotes.hidden = !found;
  if (!found) return;
  quotes.innerHTML = '';
  const msg = document.createElement('span');
  msg.textContent = `The code contains ${found.length} typographic quote${found.length > 1 ? 's' : ''} (“ ” ‘ ’), `
    + 'probably pasted from an article. Python only accepts straight quotes (" and \') around strings, '
    + 'so it would stop with a SyntaxError.';
  const fix = document.createElement('button');
  fix.type = 'button';
  fix.textContent = 'Replace with straight quotes';
  fix.addEventListener('click', () => { editor.setCode(straightenQuotes(editor.getCode())); editor.focus(); });
  quotes.append(msg, fix);
}
let quoteTimer = 0;
store.subscribe((s, patch) => {
  if ('code' in patch) { clearTimeout(quoteTimer); quoteTimer = setTimeout(() => checkQuotes(s.code), 150); }
});
checkQuotes(editor.getCode());

// ---- controls ----
const runBtn = $('run'), stopBtn = $('stop'), gilBox = $('gil'), startSel = $('start-method'), workersIn = $('workers');
const runState = $('run-state');
function showOptions(o) {
  gilBox.checked = o.gil;
  startSel.value = o.startMethod;
  workersIn.value = o.workers;
}
showOptions(store.get().options);
function setOption(patch) {
  const options = { ...store.get().options, ...patch };
  store.set({ options });
  try { localStorage.setItem(OPTIONS_KEY, JSON.stringify(options)); } catch { /* ignore */ }
}
gilBox.addEventListener('change', () => setOption({ gil: gilBox.checked }));
startSel.addEventListener('change', () => setOption({ startMethod: startSel.value }));
workersIn.addEventListener('change', () => {
  const w = Math.max(1, Math.min(16, parseInt(workersIn.value, 10) || defaultWorkers()));
  workersIn.value = w;
  setOption({ workers: w });
});

let ticker = 0;
function renderPhase(s) {
  const busy = s.phase === 'running' || s.phase === 'comparing';
  runBtn.disabled = busy || s.phase === 'loading';
  stopBtn.disabled = s.phase !== 'running';
  clearInterval(ticker);
  const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
  runState.dataset.phase = s.phase;
  switch (s.phase) {
    case 'loading': runState.textContent = 'loading…'; break;
    case 'idle': runState.textContent = 'idle'; break;
    case 'comparing': runState.textContent = 'comparing…'; break;
    case 'running':
      runState.textContent = 'running 0.0 s';
      ticker = setInterval(() => { runState.textContent = `running ${secs(performance.now() - s.startedAt)}`; }, 100);
      break;
    case 'stopped': runState.textContent = `stopped after ${secs(s.result.wallMs)}`; break;
    case 'finished':
      runState.textContent = `finished: exit code ${s.result.exitCode}, ${s.result.wallMs < 1000
        ? `${s.result.wallMs.toFixed(0)} ms` : secs(s.result.wallMs)}`;
      break;
    case 'failed': runState.textContent = 'failed to load the interpreter'; break;
    default: runState.textContent = s.phase;
  }
}
store.subscribe((s, patch) => { if ('phase' in patch) renderPhase(s); });
renderPhase(store.get());

// ---- views: tabs, console, timeline, compare ----
const tabs = ['console', 'timeline', 'compare'];
function showView(name) {
  for (const t of tabs) {
    const tab = $(`tab-${t}`);
    tab.setAttribute('aria-selected', String(t === name));
    tab.tabIndex = t === name ? 0 : -1;
    $(`view-${t}`).hidden = t !== name;
  }
  store.set({ view: name });
  if (name === 'timeline') timeline.render();
}
for (const t of tabs) {
  $(`tab-${t}`).addEventListener('click', () => showView(t));
  $(`tab-${t}`).addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
    if (next) { e.preventDefault(); showView(next); $(`tab-${next}`).focus(); }
  });
}
const consoleView = createConsole($('view-console'));
const notice = document.createElement('p');
notice.className = 'banner info';
notice.hidden = true;
$('view-console').prepend(notice);
const timeline = createTimeline($('view-timeline'));
const compare = createCompare($('view-compare'), {
  spindle,
  getCode: () => editor.getCode(),
  getOptions: () => store.get().options,
  loadCode: (code) => { editor.setCode(code); hideExampleInfo(); },
  onBusy: (busy) => store.set({ phase: busy ? 'comparing' : 'idle' }),
  workloads: WORKLOADS,
});

// ---- running ----
let stopRequested = false;
async function run() {
  const s = store.get();
  if (s.phase === 'running' || s.phase === 'comparing' || s.phase === 'loading') return;
  const code = editor.getCode();
  consoleView.clear();
  editor.markErrors([]);
  notice.hidden = true;
  stopRequested = false;
  if (store.get().view === 'compare') showView('console');
  store.set({ phase: 'running', startedAt: performance.now(), errors: [] });
  const o = s.options;
  const res = await spindle.run(code, {
    gil: o.gil, startMethod: o.startMethod, cpuCount: o.workers, filename: FILENAME,
    onOutput: (stream, text, src, lane) => consoleView.write(stream, text, src, lane),
  });
  consoleView.flush();
  const errors = locateErrors(res.stderr, code, FILENAME);
  editor.markErrors(errors);
  const notices = [...new Set(res.trace.filter((e) => e.kind === 'notice').map((e) => e.detail))];
  notice.textContent = notices.join(' · ');
  notice.hidden = notices.length === 0;
  timeline.set(res.trace, res.wallMs);
  store.set({ phase: stopRequested ? 'stopped' : 'finished', result: res, trace: res.trace, errors });
}
function stop() {
  if (store.get().phase !== 'running') return;
  stopRequested = true;
  spindle.stop();
}
runBtn.addEventListener('click', () => run());
stopBtn.addEventListener('click', stop);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && store.get().phase === 'running') { e.preventDefault(); stop(); }
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
});

// ---- examples ----
const info = $('example-info');
function hideExampleInfo() { info.hidden = true; }
function showExampleInfo(ex) {
  info.innerHTML = '';
  const h = document.createElement('strong');
  h.textContent = ex.title;
  const p = document.createElement('p');
  p.textContent = ex.explanation || ex.summary || '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Hide the explanation');
  close.textContent = '✕';
  close.addEventListener('click', hideExampleInfo);
  info.append(close, h, p);
  info.hidden = false;
}
function replaceCode(code) {
  const old = editor.getCode();
  if (old.trim() && old !== code) {
    try { localStorage.setItem(PREVIOUS_KEY, old); } catch { /* ignore */ }
  }
  editor.setCode(code);
}
createGallery({
  dialog: $('examples'),
  list: $('examples-list'),
  opener: $('examples-btn'),
  onPick: (ex, code) => {
    replaceCode(code);
    if (ex.options) {
      setOption(ex.options);
      showOptions(store.get().options);
    }
    showExampleInfo(ex);
    editor.focus();
  },
});

// ---- share ----
const toast = $('toast');
function showToast(node, ms = 6000) {
  toast.innerHTML = '';
  toast.append(node);
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => { toast.hidden = true; }, ms);
}
$('share-btn').addEventListener('click', async () => {
  const url = new URL(location.href);
  url.hash = await encodeShare(editor.getCode(), store.get().options);
  const box = document.createElement('div');
  const label = document.createElement('span');
  const field = document.createElement('input');
  field.readOnly = true;
  field.value = url.href;
  field.setAttribute('aria-label', 'Share link');
  field.id = 'share-link';
  let copied = false;
  try { await navigator.clipboard.writeText(url.href); copied = true; } catch { /* not allowed: the field is there */ }
  label.textContent = copied ? 'Link copied. It opens this code and settings, without running them: ' : 'Share this link: ';
  box.append(label, field);
  showToast(box, 15000);
  field.select();
});
async function openShared() {
  if (!location.hash.includes('code=')) return;
  try {
    const shared = await decodeShare(location.hash);
    if (!shared) return;
    replaceCode(shared.code);
    setOption(shared.options);
    showOptions(store.get().options);
    const p = document.createElement('span');
    p.textContent = 'Loaded shared code. Read it, then press Run: shared code never runs by itself.';
    showToast(p, 8000);
  } catch (err) {
    const p = document.createElement('span');
    p.textContent = `This share link is damaged: ${err.message}`;
    showToast(p);
  }
  // The code now lives in local storage; a reload keeps later edits.
  history.replaceState(null, '', location.pathname + location.search);
}

// ---- theme ----
$('theme-btn').addEventListener('click', () => {
  const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try { localStorage.setItem('spindle.theme', next); } catch { /* ignore */ }
  timeline.render();
});

// ---- start ----
openShared();
spindle.ready.then((buildInfo) => {
  $('build-info').textContent = buildInfo.threaded
    ? `Threaded build: threads run on Web Workers that share one memory (${navigator.hardwareConcurrency || '?'} cores).`
    : 'Non-threaded build (the page is not cross-origin isolated): threads take turns on one worker.';
  store.set({ phase: 'idle' });
}, (err) => {
  $('build-info').textContent = `The interpreter failed to load: ${err.message}`;
  store.set({ phase: 'failed' });
});
