// Lane identity shared by the console and the timeline: a stable colour per
// lane name, and the order lanes are listed in.

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** A stable colour for a lane (the main thread is always the first colour). */
export function laneColor(name) {
  if (name === 'main' || name === 'MainThread' || name === '') return PALETTE[0];
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  // Names that differ in a trailing number (Thread-1, Thread-2) get neighbouring colours.
  const m = /(\d+)\D*$/.exec(name);
  if (m) h = (hashPrefix(name.slice(0, m.index)) + Number(m[1])) >>> 0;
  return PALETTE[1 + (h % (PALETTE.length - 1))];
}

function hashPrefix(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
