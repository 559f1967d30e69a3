// The common side of the peer benchmark pages (pyodide.html, micropython.html):
// window.peer = makePeer(name, boot), where boot(sink) loads the interpreter and
// resolves with { info, exec(source, isAsync), collect(), reset()? }.
//   peer.ready            -> info ({ version, python })
//   peer.run(source)      -> { stdout, stderr, error, ms, firstOutputMs }
//   peer.runAsync(source) -> the same, through the interpreter's async entry
// ms is performance.now() around the run call; error is the exception's last line.
export function makePeer(name, boot) {
  let out = null;
  const sink = (stream, text) => {
    if (!out || !text) return;
    if (out.firstOutputMs == null) out.firstOutputMs = performance.now();
    out[stream] += text;
  };
  let rt = null;
  const ready = boot(sink).then((r) => { rt = r; return r.info; });
  async function go(source, isAsync) {
    await ready;
    out = { stdout: '', stderr: '', error: null, ms: 0, firstOutputMs: null };
    const t0 = performance.now();
    try {
      await rt.exec(source, isAsync);
    } catch (e) {
      const msg = String((e && e.message) || e).trimEnd();
      out.error = msg.split('\n').at(-1);
      out.traceback = msg;
    }
    out.ms = performance.now() - t0;
    const res = out;
    out = null;
    try { rt.collect(); } catch { /* not fatal */ }
    return res;
  }
  return {
    name,
    ready,
    run: (source) => go(source, false),
    runAsync: (source) => go(source, true),
    reset: async () => { await ready; if (rt.reset) await rt.reset(); },
  };
}
