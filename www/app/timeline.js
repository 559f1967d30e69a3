// The timeline view: one lane per thread, process and task, drawn on a canvas
// from a run's trace. States are coloured (legend below); hover shows the
// state and its reason; wheel or +/- zooms, drag pans, double-click resets.
// A summary lists CPU time per lane and the run's utilisation; "Export trace"
// saves Chrome Trace Event JSON. `drawTimeline` also serves Compare's minis.
import { buildModel, summarize, toChromeTrace, STATES } from './trace-model.js';
import { laneColor } from './lanes.js';
import { saveFile } from './save.js';

const LANE_H = 22;
const AXIS_H = 22;
const LABEL_W = 150;

/** Resolve a CSS colour (including var(--x)) against an element. */
function cssColor(elem, value) {
  const m = /^var\((--[\w-]+)\)$/.exec(value);
  return m ? getComputedStyle(elem).getPropertyValue(m[1]).trim() || '#888' : value;
}

/**
 * Draw `model` into `canvas` for the time window [t0, t1] (ms).
 * Options: labels (bool), laneH. Returns the geometry used (for hit tests).
 */
export function drawTimeline(canvas, model, { t0 = 0, t1 = model.end || 1, labels = true, laneH = LANE_H } = {}) {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = AXIS_H + Math.max(1, model.lanes.length) * laneH + 6;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  const labelW = labels ? LABEL_W : 0;
  const plotW = Math.max(10, width - labelW - 8);
  const span = Math.max(1e-6, t1 - t0);
  const x = (t) => labelW + ((t - t0) / span) * plotW;
  const fg = cssColor(canvas, 'var(--fg)');
  const muted = cssColor(canvas, 'var(--muted)');
  const grid = cssColor(canvas, 'var(--grid)');
  const colors = {};
  for (const k of Object.keys(STATES)) colors[k] = cssColor(canvas, STATES[k].color);

  // Time axis with "nice" ticks.
  g.font = '11px system-ui, sans-serif';
  g.textBaseline = 'middle';
  const step = niceStep(span / Math.max(2, plotW / 90));
  g.strokeStyle = grid;
  g.fillStyle = muted;
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const px = Math.round(x(t)) + 0.5;
    g.beginPath();
    g.moveTo(px, AXIS_H - 4);
    g.lineTo(px, height);
    g.stroke();
    g.fillText(formatMs(t, step), px + 3, AXIS_H / 2);
  }
  model.lanes.forEach((l, i) => {
    const y = AXIS_H + i * laneH;
    if (labels) {
      g.fillStyle = laneColor(l.name);
      g.fillRect(4, y + laneH / 2 - 4, 8, 8);
      g.fillStyle = fg;
      g.fillText(ellipsize(g, l.name, labelW - 22), 18, y + laneH / 2);
    }
    for (const s of l.segments) {
      if (s.to < t0 || s.from > t1) continue;
      const a = Math.max(labelW, x(s.from));
      const b = Math.min(labelW + plotW, x(s.to));
      g.fillStyle = colors[s.state];
      g.fillRect(a, y + 4, Math.max(1, b - a), laneH - 8);
    }
    for (const m of l.markers) {
      if (m.t < t0 || m.t > t1) continue;
      const px = x(m.t);
      if (m.kind === 'tick') {
        g.fillStyle = colors.awaiting;
        g.fillRect(Math.round(px), y + 5, 1, laneH - 10);
        continue;
      }
      g.fillStyle = cssColor(canvas, 'var(--err)');
      g.beginPath();
      g.moveTo(px, y + 2);
      g.lineTo(px - 5, y - 5);
      g.lineTo(px + 5, y - 5);
      g.fill();
    }
  });
  // Message arrows between lanes (processes).
  const rowOf = new Map(model.lanes.map((l, i) => [l.key, i]));
  g.strokeStyle = fg;
  g.fillStyle = fg;
  g.lineWidth = 1;
  for (const a of model.arrows) {
    const r0 = rowOf.get(a.from.lane);
    const r1 = rowOf.get(a.to.lane);
    if (r0 === undefined || r1 === undefined) continue;
    const x0 = x(a.from.t), x1 = x(a.to.t);
    if (Math.max(x0, x1) < labelW || Math.min(x0, x1) > labelW + plotW) continue;
    const y0 = AXIS_H + r0 * laneH + laneH / 2, y1 = AXIS_H + r1 * laneH + laneH / 2;
    g.beginPath();
    g.moveTo(x0, y0);
    g.lineTo(x1, y1);
    g.stroke();
    const ang = Math.atan2(y1 - y0, x1 - x0);
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x1 - 6 * Math.cos(ang - 0.4), y1 - 6 * Math.sin(ang - 0.4));
    g.lineTo(x1 - 6 * Math.cos(ang + 0.4), y1 - 6 * Math.sin(ang + 0.4));
    g.fill();
  }
  return { t0, t1, labelW, plotW, laneH, x };
}

/** The full timeline view in `parent`: toolbar, canvas, tooltip, legend, summary. */
export function createTimeline(parent, { cores = navigator.hardwareConcurrency || 2 } = {}) {
  parent.classList.add('timeline');
  parent.innerHTML = '';
  const bar = div('timeline-bar');
  const zoomIn = button('+', 'Zoom in');
  const zoomOut = button('−', 'Zoom out');
  const reset = button('Reset', 'Show the whole run');
  const exportBtn = button('Export trace', 'Save Chrome Trace Event JSON (opens in Perfetto)');
  const caption = div('timeline-caption');
  bar.append(zoomIn, zoomOut, reset, exportBtn, caption);
  const wrap = div('timeline-canvas');
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const tip = div('timeline-tip');
  tip.hidden = true;
  wrap.append(canvas, tip);
  const legend = div('timeline-legend');
  for (const [k, s] of Object.entries(STATES)) {
    const item = document.createElement('span');
    item.innerHTML = `<i style="background:${s.color}"></i>`;
    item.append(s.label);
    item.dataset.state = k;
    legend.append(item);
  }
  const stall = document.createElement('span');
  stall.innerHTML = '<i class="stall"></i>';
  stall.append('stall: a task ran too long without awaiting');
  const tick = document.createElement('span');
  tick.innerHTML = '<i class="tick"></i>';
  tick.append('event loop iteration');
  legend.append(stall, tick);
  const summary = div('timeline-summary');
  const empty = div('timeline-empty');
  empty.textContent = 'Run a program to see its threads, processes and tasks here.';
  parent.append(bar, empty, wrap, legend, summary);

  let model = null;
  let view = { t0: 0, t1: 1 };
  let geo = null;

  function render() {
    const has = model && model.lanes.length > 0;
    empty.hidden = has;
    wrap.hidden = !has;
    exportBtn.disabled = !has;
    if (!has) return;
    geo = drawTimeline(canvas, model, view);
    caption.textContent = `${model.lanes.length} lanes · ${formatMs(view.t0, 1)} – ${formatMs(view.t1, 1)}`;
    canvas.setAttribute('aria-label', `Timeline of ${model.lanes.length} lanes over ${formatMs(model.end, 1)}`);
  }

  function set(events, wallMs) {
    model = buildModel(events || [], wallMs);
    view = { t0: 0, t1: Math.max(1, model.end) };
    render();
    renderSummary();
  }

  function renderSummary() {
    summary.innerHTML = '';
    if (!model || !model.lanes.length) return;
    const s = summarize(model, cores);
    const table = document.createElement('table');
    table.innerHTML = '<caption></caption><thead><tr><th scope="col">lane</th><th scope="col">CPU</th><th scope="col">share of run</th></tr></thead>';
    table.caption.textContent = `Busy ${formatMs(s.busy, 1)} of ${formatMs(s.wall, 1)} on ${cores} cores: utilisation ${(s.utilisation * 100).toFixed(0)}%`;
    const body = document.createElement('tbody');
    for (const l of model.lanes) {
      const tr = document.createElement('tr');
      const share = model.end ? (l.cpu / model.end) * 100 : 0;
      tr.innerHTML = '<th scope="row"></th><td></td><td><span class="bar"></span></td>';
      tr.children[0].textContent = l.name + (l.kind === 'task' ? ' (task)' : l.kind === 'process' ? ` (pid ${l.procPid})` : '');
      tr.children[1].textContent = formatMs(l.cpu, 0.1);
      const barEl = tr.querySelector('.bar');
      barEl.style.width = `${Math.min(100, share)}%`;
      barEl.style.background = laneColor(l.name);
      barEl.title = `${share.toFixed(0)}%`;
      body.append(tr);
    }
    table.append(body);
    summary.append(table);
  }

  function zoom(factor, at) {
    const span = view.t1 - view.t0;
    const c = at ?? view.t0 + span / 2;
    const ns = Math.min(Math.max(0.01, span * factor), Math.max(1, model.end) * 1.05);
    const r = (c - view.t0) / span;
    view.t0 = Math.max(0, c - r * ns);
    view.t1 = view.t0 + ns;
    render();
  }
  const timeAt = (px) => geo.t0 + ((px - geo.labelW) / geo.plotW) * (geo.t1 - geo.t0);

  zoomIn.onclick = () => model && zoom(0.5);
  zoomOut.onclick = () => model && zoom(2);
  reset.onclick = () => { if (model) { view = { t0: 0, t1: Math.max(1, model.end) }; render(); } };
  canvas.addEventListener('dblclick', () => reset.onclick());
  canvas.addEventListener('wheel', (e) => {
    if (!model || !geo) return;
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, timeAt(e.clientX - r.left));
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('pointerdown', (e) => {
    if (!geo) return;
    drag = { x: e.clientX, t0: view.t0, t1: view.t1 };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointerup', () => { drag = null; });
  canvas.addEventListener('pointermove', (e) => {
    if (!model || !geo) return;
    const r = canvas.getBoundingClientRect();
    const px = e.clientX - r.left, py = e.clientY - r.top;
    if (drag) {
      const dt = ((e.clientX - drag.x) / geo.plotW) * (drag.t1 - drag.t0);
      const span = drag.t1 - drag.t0;
      view.t0 = Math.max(0, drag.t0 - dt);
      view.t1 = view.t0 + span;
      render();
      return;
    }
    const row = Math.floor((py - AXIS_H) / geo.laneH);
    const lane = model.lanes[row];
    if (!lane || px < geo.labelW) { tip.hidden = true; return; }
    const t = timeAt(px);
    const seg = lane.segments.find((s) => s.from <= t && t <= s.to);
    const near = lane.markers.filter((m) => Math.abs(geo.x(m.t) - px) < 5);
    const mark = near.find((m) => m.kind === 'stall') || near[0];
    tip.textContent = `${lane.name} · ${formatMs(t, 0.1)}\n` + (mark ? mark.detail
      : seg ? `${STATES[seg.state].label}${seg.detail ? `: ${seg.detail}` : ''} (${formatMs(seg.to - seg.from, 0.1)})` : 'not running');
    tip.hidden = false;
    tip.style.left = `${Math.min(px + 12, r.width - 220)}px`;
    tip.style.top = `${py + 12}px`;
  });
  canvas.addEventListener('pointerleave', () => { tip.hidden = true; });
  exportBtn.onclick = () => {
    if (!model) return;
    saveFile('spindle-trace.json', [JSON.stringify(toChromeTrace(model))], 'application/json');
  };
  new ResizeObserver(() => { if (!wrap.hidden) render(); }).observe(wrap);
  render();
  return { set, render, model: () => model };
}

/** A tick step of 1, 2 or 5 × 10^k ms near `raw`. */
export function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** "12 ms", "1.25 s", "0.4 ms", precision from the tick step. */
export function formatMs(ms, step = 1) {
  if (ms >= 1000 && step >= 100) return `${(ms / 1000).toFixed(step >= 1000 ? 0 : 1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(step >= 1 ? 0 : 1)} ms`;
}

function ellipsize(g, text, w) {
  if (g.measureText(text).width <= w) return text;
  let s = text;
  while (s.length > 1 && g.measureText(`${s}…`).width > w) s = s.slice(0, -1);
  return `${s}…`;
}
function div(cls) {
  const d = document.createElement('div');
  d.className = cls;
  return d;
}
function button(text, title) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.setAttribute('aria-label', title);
  return b;
}
