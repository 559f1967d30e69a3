// The console: a run's stdout and stderr, live. Each line is tagged and
// coloured by the thread, process or task that printed it. Only the last
// MAX_LINES lines stay on screen (a flood of a million lines stays
// responsive); everything is kept and can be downloaded.
import { laneColor } from './lanes.js';
import { saveFile } from './save.js';

export const MAX_LINES = 2000;

/**
 * Build a console in `parent`. Returns { clear(), write(stream, text, src, lane),
 * note(text), text(), lines() }.
 */
export function createConsole(parent, { compact = false } = {}) {
  parent.classList.add('console');
  const bar = el('div', 'console-bar');
  const info = el('span', 'console-info');
  const download = el('button', 'console-download');
  download.type = 'button';
  download.textContent = 'Download output';
  download.disabled = true;
  bar.append(info, download);
  const out = el('div', 'console-out');
  out.setAttribute('role', 'log');
  out.setAttribute('aria-label', 'Program output');
  out.tabIndex = 0;
  if (!compact) parent.append(bar);
  parent.append(out);

  let chunks = []; // everything written: [stream, text, tag]
  let pending = []; // written, not yet drawn
  let total = 0; // lines completed so far
  let shown = 0; // line elements on screen
  let hidden = 0; // lines dropped from the screen
  let open = null; // the last line element, if its line has not ended
  let frame = 0;
  let lanesSeen = new Set();
  const hiddenNote = el('div', 'console-hidden');

  function tagOf(src, lane) {
    if (src && lane) return `P${src} ${lane}`;
    if (src) return `P${src}`;
    return lane || '';
  }

  function write(stream, text, src = 0, lane = '') {
    if (!text) return;
    const tag = tagOf(src, lane);
    chunks.push([stream, text, tag]);
    pending.push([stream, text, tag]);
    if (!frame) frame = requestAnimationFrame(draw);
  }

  // Draw what is pending, but never more than MAX_LINES new lines per frame:
  // earlier ones are only counted.
  function draw() {
    frame = 0;
    const items = pending;
    pending = [];
    // Split into line pieces: [stream, text, tag, ends].
    const pieces = [];
    for (const [stream, text, tag] of items) {
      if (tag) lanesSeen.add(tag);
      const parts = text.split('\n');
      for (let i = 0; i < parts.length; i++) {
        const ends = i < parts.length - 1;
        if (parts[i] === '' && !ends) continue;
        pieces.push([stream, parts[i], tag, ends]);
      }
    }
    let newLines = 0;
    for (const p of pieces) if (p[3]) newLines++;
    total += newLines;
    // Skip pieces that would scroll off anyway.
    let skip = Math.max(0, newLines - MAX_LINES);
    let start = 0;
    if (skip > 0) {
      open = null;
      while (skip > 0 && start < pieces.length) {
        if (pieces[start][3]) { skip--; hidden++; }
        start++;
      }
    }
    const frag = document.createDocumentFragment();
    const tagged = lanesSeen.size > 1;
    for (let i = start; i < pieces.length; i++) {
      const [stream, text, tag, ends] = pieces[i];
      let line = open;
      if (!line || line.dataset.stream !== stream || line.dataset.tag !== tag) {
        line = el('div', stream === 'stderr' ? 'line stderr' : 'line');
        line.dataset.stream = stream;
        line.dataset.tag = tag;
        if (tag) {
          const t = el('span', 'tag');
          t.textContent = tag;
          t.style.setProperty('--lane', laneColor(tag));
          if (!tagged) t.hidden = true;
          line.append(t);
          line.style.setProperty('--lane', laneColor(tag));
        }
        line.append(document.createTextNode(''));
        frag.append(line);
        shown++;
      }
      line.lastChild.data += text;
      open = ends ? null : line;
    }
    out.append(frag);
    if (tagged) out.classList.add('tagged');
    // Trim from the top.
    while (shown > MAX_LINES && out.firstChild) {
      const first = out.firstChild;
      if (first === hiddenNote) { out.removeChild(first); continue; }
      out.removeChild(first);
      shown--;
      hidden++;
    }
    if (hidden > 0) {
      hiddenNote.textContent = `… ${hidden.toLocaleString()} earlier lines are not shown. Download the output to see everything.`;
      out.prepend(hiddenNote);
    }
    info.textContent = `${total.toLocaleString()} lines`;
    download.disabled = chunks.length === 0;
    out.scrollTop = out.scrollHeight;
  }

  function clear() {
    chunks = [];
    pending = [];
    total = shown = hidden = 0;
    open = null;
    lanesSeen = new Set();
    out.textContent = '';
    out.classList.remove('tagged');
    info.textContent = '';
    download.disabled = true;
  }

  /** A line from the page itself (not the program), e.g. "stopped". */
  function note(text) {
    const n = el('div', 'line note');
    n.textContent = text;
    out.append(n);
    out.scrollTop = out.scrollHeight;
  }

  const fullText = () => chunks.map((c) => c[1]).join('');
  download.addEventListener('click', () => {
    saveFile('spindle-output.txt', [fullText()], 'text/plain');
  });

  return { clear, write, note, text: fullText, element: out, flush: () => { if (frame) { cancelAnimationFrame(frame); draw(); } } };
}

function el(tag, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}
