// Pyodide's side of bench/web/pyodide.html (see peer.js).
import { loadPyodide } from '/peers/pyodide/pyodide.mjs';
import { makePeer } from './peer.js';

window.peer = makePeer('pyodide', async (sink) => {
  const py = await loadPyodide();
  const dec = (stream) => { const d = new TextDecoder(); return { write(buf) { sink(stream, d.decode(buf, { stream: true })); return buf.length; } }; };
  py.setStdout(dec('stdout'));
  py.setStderr(dec('stderr'));
  const fresh = () => py.runPython("dict(__name__='__main__')");
  const exec = async (source, isAsync) => {
    const g = fresh();
    try {
      if (isAsync) await py.runPythonAsync(source, { globals: g });
      else py.runPython(source, { globals: g });
    } finally {
      g.destroy();
    }
  };
  return {
    info: { version: py.version, python: py.runPython('import sys; sys.version.split()[0]') },
    exec,
    collect: () => py.runPython('import gc; gc.collect()'),
  };
});
