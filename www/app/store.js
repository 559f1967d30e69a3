// The page's one small state, shared by its modules (editor, controls,
// console, timeline, compare, share): get(), set(patch), subscribe(fn).
// Modules never reach into each other; they read and write the state.

export function createStore(initial) {
  let state = { ...initial };
  const subs = new Set();
  return {
    get: () => state,
    /** Merge `patch` into the state and tell every subscriber what changed. */
    set(patch) {
      state = { ...state, ...patch };
      for (const fn of subs) fn(state, patch);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/** The state a page starts with. */
export function initialState() {
  return {
    code: '',
    options: { gil: false, startMethod: 'fork', workers: defaultWorkers() },
    // idle | running | stopped | finished | failed
    phase: 'loading',
    startedAt: 0,
    result: null, // the last run's { exitCode, wallMs, stdout, stderr, trace }
    trace: [],
    errors: [], // [{ line, from, to, message }] for the editor's gutter
    view: 'console',
  };
}

export function defaultWorkers() {
  return Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
}
