// Turns a run's trace events ({t, lane, kind, detail, pid?}) into lanes of
// coloured state segments, markers (stalls), message arrows and a CPU summary;
// and exports them as Chrome Trace Event JSON (opens in Perfetto).
// Pure functions: no DOM.

/** State of a lane between two events, and how it is drawn and named. */
export const STATES = {
  running: { label: 'running', color: 'var(--st-run)', cpu: true },
  gil: { label: 'running, holding the GIL', color: 'var(--st-gil)', cpu: true },
  gilwait: { label: 'waiting for the GIL', color: 'var(--st-gilwait)', cpu: false },
  blocked: { label: 'blocked', color: 'var(--st-block)', cpu: false },
  awaiting: { label: 'awaiting', color: 'var(--st-await)', cpu: false },
  ready: { label: 'created, not started', color: 'var(--st-ready)', cpu: false },
};

/**
 * Build the model. Returns { lanes: [{ key, name, pid, kind, segments:
 * [{from, to, state, detail}], markers: [{t, kind, detail}], cpu }], end,
 * arrows: [{from: {lane, t}, to: {lane, t}, detail}], notices }.
 */
export function buildModel(events, endMs) {
  const lanes = new Map();
  const procLane = new Map(); // pid -> parent-side lane key of that process
  const notices = [];
  let end = endMs || 0;
  for (const e of events) if (e.t > end) end = e.t;

  const laneOf = (e) => {
    let key = e.pid ? `${e.pid}/${e.lane}` : e.lane;
    let name = e.lane;
    if (e.pid && procLane.has(e.pid)) {
      const parent = procLane.get(e.pid);
      // The child's main lane is the process's own lane in the parent.
      if (lanes.get(parent).name === e.lane) key = parent;
      else name = `${lanes.get(parent).name} › ${e.lane}`;
    }
    let l = lanes.get(key);
    if (!l) {
      l = { key, name, pid: e.pid || 0, kind: 'thread', segments: [], markers: [], cur: null, order: lanes.size };
      if (key === 'main') l.order = -2;
      else if (key === 'event loop') l.order = -1;
      lanes.set(key, l);
    }
    return l;
  };
  const open = (l, t, state, detail = '') => {
    close(l, t);
    l.cur = { from: t, to: t, state, detail };
  };
  const close = (l, t) => {
    if (l.cur) {
      l.cur.to = Math.max(t, l.cur.from);
      if (l.cur.to > l.cur.from || l.cur.state !== 'running') l.segments.push(l.cur);
      l.cur = null;
    }
  };

  const sends = new Map(); // channel -> { send: [...], recv: [...] } not yet paired
  const arrows = [];
  const sorted = [...events].sort((a, b) => a.t - b.t);
  for (const e of sorted) {
    if (e.kind === 'notice') { notices.push(e.detail); continue; }
    const l = laneOf(e);
    switch (e.kind) {
      case 'start': {
        const m = /^pid (\d+)$/.exec(e.detail || '');
        if (m) { l.kind = 'process'; l.procPid = Number(m[1]); procLane.set(l.procPid, l.key); }
        open(l, e.t, 'running');
        break;
      }
      case 'run':
        if (!l.cur && l.kind !== 'task' && !l.segments.length) { open(l, e.t, 'running'); break; }
        if (l.kind !== 'process') {
          if (l.kind !== 'task') {
            // The first 'run' makes it an asyncio task: until then it waited to start.
            l.kind = 'task';
            if (l.cur) l.cur.state = 'ready';
          }
          open(l, e.t, 'running');
        }
        break;
      case 'await': open(l, e.t, 'awaiting', e.detail); break;
      case 'block': open(l, e.t, 'blocked', e.detail); break;
      case 'wake': open(l, e.t, 'running'); break;
      case 'gil_wait': open(l, e.t, 'gilwait'); break;
      case 'gil_take': open(l, e.t, 'gil'); break;
      case 'gil_drop': open(l, e.t, 'running'); break;
      case 'stall': l.markers.push({ t: e.t, kind: 'stall', detail: `ran ${e.detail} ms without awaiting` }); break;
      case 'tick': l.kind = 'loop'; l.markers.push({ t: e.t, kind: 'tick', detail: `event loop iteration: ${e.detail}` }); break;
      case 'send': case 'recv': {
        // Pair each channel's sends and receives in order. A receive can be
        // traced a moment before its send (the message is visible before the
        // sender records it), so either side may wait for the other.
        const ch = e.detail;
        if (!sends.has(ch)) sends.set(ch, { send: [], recv: [] });
        const q = sends.get(ch);
        const here = { lane: l.key, t: e.t };
        const other = e.kind === 'send' ? q.recv : q.send;
        if (other.length) {
          const o = other.shift();
          const [from, to] = e.kind === 'send' ? [here, o] : [o, here];
          arrows.push({ from, to: { lane: to.lane, t: Math.max(to.t, from.t) }, detail: ch });
        } else {
          (e.kind === 'send' ? q.send : q.recv).push(here);
        }
        break;
      }
      case 'end':
        close(l, e.t);
        l.ended = e.t;
        l.exit = e.detail;
        break;
      default: break;
    }
  }
  for (const l of lanes.values()) close(l, end);
  const list = [...lanes.values()].sort((a, b) => a.order - b.order);
  // Group a process's threads right after it.
  const ordered = [];
  for (const l of list) {
    if (l.pid && procLane.has(l.pid) && l.key !== procLane.get(l.pid)) continue;
    ordered.push(l);
    if (l.kind === 'process') for (const c of list) if (c.pid && procLane.get(c.pid) === l.key && c !== l) ordered.push(c);
  }
  for (const l of list) if (!ordered.includes(l)) ordered.push(l);
  for (const l of ordered) {
    l.cpu = 0;
    for (const s of l.segments) if (STATES[s.state].cpu) l.cpu += s.to - s.from;
  }
  return { lanes: ordered, end, arrows, notices };
}

/**
 * CPU summary: per-lane busy ms, total busy ms, and utilisation of `cores`
 * over the wall time. A task's "running" time is on its thread's CPU, so
 * tasks are left out of the total (their thread already counts it).
 */
export function summarize(model, cores) {
  let busy = 0;
  for (const l of model.lanes) if (l.kind === 'thread') busy += l.cpu;
  // A process lane stands for its main thread (whose events merge into it).
  for (const l of model.lanes) if (l.kind === 'process') busy += l.cpu;
  const wall = model.end || 1;
  return { busy, wall, utilisation: Math.min(1, busy / (wall * Math.max(1, cores))) };
}

/** Chrome Trace Event JSON for the model (complete events, flows, names). */
export function toChromeTrace(model) {
  const traceEvents = [];
  const tid = new Map();
  model.lanes.forEach((l, i) => {
    tid.set(l.key, i + 1);
    traceEvents.push({ ph: 'M', name: 'thread_name', pid: 1, tid: i + 1, args: { name: l.name } });
    traceEvents.push({ ph: 'M', name: 'thread_sort_index', pid: 1, tid: i + 1, args: { sort_index: i } });
    for (const s of l.segments) {
      traceEvents.push({
        ph: 'X', name: STATES[s.state].label + (s.detail ? `: ${s.detail}` : ''), cat: s.state,
        pid: 1, tid: i + 1, ts: Math.round(s.from * 1000), dur: Math.max(1, Math.round((s.to - s.from) * 1000)),
      });
    }
    for (const m of l.markers) {
      traceEvents.push({ ph: 'i', s: 't', name: m.detail, cat: m.kind, pid: 1, tid: i + 1, ts: Math.round(m.t * 1000) });
    }
  });
  model.arrows.forEach((a, n) => {
    traceEvents.push({ ph: 's', id: n + 1, name: `message ${a.detail}`, cat: 'ipc', pid: 1, tid: tid.get(a.from.lane), ts: Math.round(a.from.t * 1000) });
    traceEvents.push({ ph: 'f', bp: 'e', id: n + 1, name: `message ${a.detail}`, cat: 'ipc', pid: 1, tid: tid.get(a.to.lane), ts: Math.round(a.to.t * 1000) });
  });
  traceEvents.push({ ph: 'M', name: 'process_name', pid: 1, args: { name: 'Spindle run' } });
  return { traceEvents, displayTimeUnit: 'ms' };
}
