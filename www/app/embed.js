// dist/embed.js: the <spindle-playground> element for documentation pages.
// Its text content is the code; attributes choose the options:
//   gil, start-method="spawn", workers="4", compact, readonly, theme="dark".
// Each element has its own Spindle instance (its own runner worker), so
// several on one page run independently. Python runs in workers and cannot
// reach the host page. embed.html#code=… is the iframe form.
import { createSpindle } from '../spindle.js';
import { createEditor } from './editor.js';
import { createConsole } from './console.js';
import { locateErrors } from './errors.js';
import { decodeShare } from './share.js';

const STYLE = `
:host { display: block; margin: 1rem 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); }
:host, .root[data-theme=light] {
  --bg: #fbfaf7; --panel: #fff; --fg: #1d1d1f; --muted: #6b6b70; --line: #dcdad3; --accent: #2f6f4f; --accent-fg: #fff;
  --err: #b3261e; --code-bg: #fff; --code-gutter: #f4f2ec; --code-active: #f3f6f1; --code-sel: #cfe3d6;
  --console-bg: #16181c; --console-fg: #e8e8e8; --console-err: #ff8a80;
  --hl-keyword: #8a2c8a; --hl-string: #a3521c; --hl-number: #1f6d8a; --hl-comment: #7a7a72; --hl-def: #1d4f91; --hl-call: #2a5b3f;
  --mono: ui-monospace, Menlo, Consolas, monospace; --info-bg: #e6f0fa; --info-fg: #17324d;
}
.root[data-theme=dark] {
  --bg: #15171a; --panel: #1d2024; --fg: #e6e6e3; --muted: #9a9a98; --line: #34373c; --accent: #4fa57a; --accent-fg: #0c1a12;
  --err: #ff7b72; --code-bg: #1b1e22; --code-gutter: #202328; --code-active: #23272c; --code-sel: #2f4a3b;
  --console-bg: #0f1114; --hl-keyword: #d196e6; --hl-string: #e7a46b; --hl-number: #79c0d9; --hl-comment: #858580;
  --hl-def: #8fb8ff; --hl-call: #9fd3a8; --info-bg: #1d2e40; --info-fg: #cfe3f7;
}
.root { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: var(--bg); color: var(--fg); }
.editor { max-height: 28rem; overflow: auto; background: var(--code-bg); }
.bar { display: flex; gap: .5rem; align-items: center; padding: .35rem .5rem; border-top: 1px solid var(--line); flex-wrap: wrap; font-size: .85rem; }
button { font: inherit; padding: .2rem .7rem; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; }
button:disabled { opacity: .5; cursor: default; }
label { display: inline-flex; gap: .25rem; align-items: center; }
.state { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.notice { padding: .3rem .5rem; background: var(--info-bg); color: var(--info-fg); font-size: .8rem; }
.notice[hidden], .out[hidden] { display: none; }
.console-out { max-height: 16rem; min-height: 2.5rem; overflow: auto; margin: 0; padding: .4rem .6rem; background: var(--console-bg);
  color: var(--console-fg); font: 13px/1.45 var(--mono); white-space: pre-wrap; word-break: break-word; }
.console-out .stderr { color: var(--console-err); }
.console-out.tagged .line { border-left: 3px solid var(--lane, transparent); padding-left: .4rem; }
.console-out .tag { display: inline-block; min-width: 6em; margin-right: .5em; color: var(--lane); font-size: .8em; }
.console-out .note, .console-out .console-hidden { color: var(--muted); font-style: italic; }
:host([compact]) .editor { max-height: 16rem; }
`;

/** Remove the common indentation of an element's text (as written in HTML). */
export function dedent(text) {
  const lines = text.replace(/^\n+/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(cut)).join('\n')}\n`;
}

export class SpindlePlayground extends HTMLElement {
  connectedCallback() {
    if (this._ready) return;
    this._ready = true;
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.className = 'root';
    box.dataset.theme = this.getAttribute('theme')
      || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    root.append(style, box);
    const code = this._code ?? dedent(this.textContent || '');
    const readOnly = this.hasAttribute('readonly');
    const compact = this.hasAttribute('compact');

    const editorEl = document.createElement('div');
    editorEl.className = 'editor';
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'toolbar');
    const run = button('▶ Run', 'primary');
    const stop = button('■ Stop');
    run.disabled = true;
    stop.disabled = true;
    const gil = document.createElement('input');
    gil.type = 'checkbox';
    gil.checked = this.hasAttribute('gil');
    const gilLabel = document.createElement('label');
    gilLabel.append(gil, 'GIL');
    gilLabel.title = 'Run threads under a simulated global interpreter lock';
    const state = document.createElement('span');
    state.className = 'state';
    state.setAttribute('role', 'status');
    state.textContent = 'loading…';
    bar.append(run, stop);
    if (!compact) bar.append(gilLabel);
    bar.append(state);
    const notice = document.createElement('div');
    notice.className = 'notice';
    notice.hidden = true;
    const outEl = document.createElement('div');
    outEl.className = 'out';
    outEl.hidden = true;
    box.append(editorEl, bar, notice, outEl);

    const editor = createEditor(editorEl, { doc: code, readOnly, onRun: () => go(), label: 'Python example' });
    const out = createConsole(outEl, { compact: true });
    const spindle = createSpindle();
    this.spindle = spindle;
    spindle.ready.then((info) => {
      run.disabled = false;
      state.textContent = info.threaded ? 'ready' : 'ready (threads take turns)';
      if (!info.threaded) {
        notice.textContent = 'This page is not cross-origin isolated, so threads take turns on one worker instead of running in parallel.';
        notice.hidden = false;
      }
    }, (err) => { state.textContent = `failed to load: ${err.message}`; });

    let running = false;
    let ticker = 0;
    const go = async () => {
      if (running || run.disabled) return;
      running = true;
      run.disabled = true;
      stop.disabled = false;
      out.clear();
      outEl.hidden = false;
      editor.markErrors([]);
      const t0 = performance.now();
      ticker = setInterval(() => { state.textContent = `running ${((performance.now() - t0) / 1000).toFixed(1)} s`; }, 100);
      const src = editor.getCode();
      const res = await spindle.run(src, {
        gil: gil.checked,
        startMethod: this.getAttribute('start-method') === 'spawn' ? 'spawn' : 'fork',
        cpuCount: Number(this.getAttribute('workers')) || undefined,
        filename: 'main.py',
        onOutput: (stream, text, pid, lane) => out.write(stream, text, pid, lane),
      });
      clearInterval(ticker);
      out.flush();
      editor.markErrors(locateErrors(res.stderr, src, 'main.py'));
      state.textContent = `exit code ${res.exitCode}, ${res.wallMs < 1000 ? `${res.wallMs.toFixed(0)} ms` : `${(res.wallMs / 1000).toFixed(1)} s`}`;
      running = false;
      run.disabled = false;
      stop.disabled = true;
    };
    run.addEventListener('click', go);
    stop.addEventListener('click', () => spindle.stop());
    this.addEventListener('keydown', (e) => { if (e.key === 'Escape' && running) spindle.stop(); });
    this.run = go;
  }
}

function button(text, cls) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (cls) b.className = cls;
  return b;
}

if (!customElements.get('spindle-playground')) customElements.define('spindle-playground', SpindlePlayground);

// The iframe form: embed.html#code=…&gil=1 holds one playground, made from the link.
const frameHost = document.querySelector('[data-spindle-frame]');
if (frameHost) {
  decodeShare(location.hash).catch(() => null).then((shared) => {
    const el = document.createElement('spindle-playground');
    el._code = shared ? shared.code : '# This embed link carries no code.\n';
    const o = (shared && shared.options) || {};
    if (o.gil) el.setAttribute('gil', '');
    if (o.startMethod) el.setAttribute('start-method', o.startMethod);
    if (o.workers) el.setAttribute('workers', String(o.workers));
    for (const a of ['compact', 'readonly']) if (new URLSearchParams(location.hash.slice(1)).has(a)) el.setAttribute(a, '');
    frameHost.append(el);
  });
}
