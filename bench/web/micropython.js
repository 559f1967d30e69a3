// MicroPython's side of bench/web/micropython.html (see peer.js).
import { loadMicroPython } from '/peers/micropython/micropython.mjs';
import { makePeer } from './peer.js';

// The GC heap is fixed at load (the package's default is 1 MiB); 64 MiB lets
// the benchmarks run without collecting far more often than CPython would.
const HEAP = 64 * 1024 * 1024;
// The Python stack (in words; the default is 2048): asyncio_tasks gathers 20,000 awaitables in one call.
const PYSTACK = 1024 * 1024;

window.peer = makePeer('micropython', async (sink) => {
  const dec = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const writer = (stream) => (bytes) => sink(stream, dec[stream].decode(bytes, { stream: true }));
  const load = () => loadMicroPython({ pystack: PYSTACK, heapsize: HEAP, linebuffer: false, stdout: writer('stdout'), stderr: writer('stderr') });
  let mp = await load();
  return {
    info: (() => {
      mp.runPython("import sys\n_v = '%d.%d.%d' % sys.implementation.version[:3]\n_p = sys.version");
      const info = { version: mp.globals.get('_v'), python: mp.globals.get('_p') };
      mp.runPython('del _v, _p');
      return info;
    })(),
    async exec(source, isAsync) {
      if (isAsync) await mp.runPythonAsync(source);
      else mp.runPython(source);
    },
    collect: () => mp.runPython('import gc; gc.collect()'),
    async reset() { mp = await load(); },
  };
});
