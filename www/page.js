// Wires the minimal page to window.spindle: Run/Stop buttons, the GIL toggle,
// live output (appended per batch, never per line), the runtime's notices, and
// the build/status line.
import { spindle } from './spindle.js';

const $ = (id) => document.getElementById(id);
const out = $('output'), status = $('status'), runBtn = $('run'), stopBtn = $('stop');

function append(stream, text) {
  const last = out.lastChild;
  if (last && last.dataset && last.dataset.stream === stream) last.textContent += text;
  else {
    const span = document.createElement('span');
    span.dataset.stream = stream;
    if (stream === 'stderr') span.className = 'stderr';
    span.textContent = text;
    out.appendChild(span);
  }
  out.scrollTop = out.scrollHeight;
}

spindle.ready.then((info) => {
  status.textContent = info.threaded
    ? 'threaded build: threads run on Web Workers sharing memory'
    : 'non-threaded build (page not cross-origin isolated)';
  runBtn.disabled = false;
}, (err) => {
  status.textContent = `failed to load: ${err.message}`;
});

runBtn.addEventListener('click', async () => {
  out.textContent = '';
  $('timing').textContent = '';
  $('notice').hidden = true;
  runBtn.disabled = true;
  stopBtn.disabled = false;
  const res = await spindle.run($('source').value, { gil: $('gil').checked, onOutput: append });
  $('timing').textContent = `exit ${res.exitCode} · ${res.wallMs.toFixed(1)} ms`;
  // Notices from the runtime (e.g. threads sharing one worker without SharedArrayBuffer).
  const notices = [...new Set(res.trace.filter((e) => e.kind === 'notice').map((e) => e.detail))];
  $('notice').textContent = notices.join(' · ');
  $('notice').hidden = notices.length === 0;
  runBtn.disabled = false;
  stopBtn.disabled = true;
});
stopBtn.addEventListener('click', () => spindle.stop());
$('source').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); if (!runBtn.disabled) runBtn.click(); }
  if (e.key === 'Tab') { e.preventDefault(); document.execCommand('insertText', false, '    '); }
});
