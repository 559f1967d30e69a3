// The page's pure modules in Node (no browser): the trace model, Compare's
// verdict and result parsing, error locations, quotes, and share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, summarize, toChromeTrace } from '../../www/app/trace-model.js';
import { verdict, parseResult, harness, MODELS } from '../../www/app/compare.js';
import { locateErrors, straightenQuotes } from '../../www/app/errors.js';
import { encodeShare, decodeShare } from '../../www/app/share.js';

const ev = (t, lane, kind, detail = '', pid) => (pid ? { t, lane, kind, detail, pid } : { t, lane, kind, detail });

test('thread lanes: running, blocked with its reason, GIL states', () => {
  const m = buildModel([
    ev(0, 'main', 'start'), ev(10, 'T1', 'start'), ev(12, 'T1', 'gil_wait'), ev(15, 'T1', 'gil_take'),
    ev(20, 'main', 'block', 'join T1'), ev(30, 'T1', 'end'), ev(31, 'main', 'wake', 'join T1'), ev(40, 'main', 'end'),
  ]);
  assert.deepEqual(m.lanes.map((l) => l.name), ['main', 'T1']);
  const [main, t1] = m.lanes;
  assert.deepEqual(main.segments.map((s) => [s.from, s.to, s.state, s.detail]),
    [[0, 20, 'running', ''], [20, 31, 'blocked', 'join T1'], [31, 40, 'running', '']]);
  assert.deepEqual(t1.segments.map((s) => [s.from, s.to, s.state]), [[10, 12, 'running'], [12, 15, 'gilwait'], [15, 30, 'gil']]);
  assert.equal(main.cpu, 29);
  assert.equal(t1.cpu, 17);
  const s = summarize(m, 2);
  assert.equal(s.busy, 46);
  assert.equal(s.utilisation, 46 / 80);
});

test('task lanes: created, running, awaiting; stalls are markers', () => {
  const m = buildModel([
    ev(0, 'main', 'start'), ev(1, 'Task-1', 'start'), ev(2, 'Task-1', 'run'), ev(3, 'Task-1', 'await', 'sleep 1'),
    ev(9, 'Task-1', 'run'), ev(9.5, 'Task-1', 'stall', '150'), ev(10, 'Task-1', 'end', 'done'), ev(11, 'main', 'end'),
  ]);
  const task = m.lanes.find((l) => l.name === 'Task-1');
  assert.equal(task.kind, 'task');
  assert.deepEqual(task.segments.map((s) => s.state), ['ready', 'running', 'awaiting', 'running']);
  assert.equal(task.segments[2].detail, 'sleep 1');
  assert.equal(task.markers[0].kind, 'stall');
});

test('a process lane merges the child main lane; its threads follow it; messages pair in either order', () => {
  const m = buildModel([
    ev(0, 'main', 'start'), ev(5, 'Process-1', 'start', 'pid 2'), ev(8, 'Process-1', 'run', '', 2),
    ev(9, 'Thread-1', 'start', '', 2), ev(10, 'Process-1', 'recv', 'ch 7', 2), ev(10.2, 'main', 'send', 'ch 7'),
    ev(12, 'Process-1', 'send', 'ch 9', 2), ev(13, 'main', 'recv', 'ch 9'),
    ev(20, 'Process-1', 'end', '0'), ev(30, 'main', 'end'),
  ]);
  assert.deepEqual(m.lanes.map((l) => l.name), ['main', 'Process-1', 'Process-1 › Thread-1']);
  assert.equal(m.lanes[1].procPid, 2);
  assert.deepEqual(m.arrows.map((a) => [a.from.lane, a.to.lane, a.from.t, a.to.t]),
    [['main', 'Process-1', 10.2, 10.2], ['Process-1', 'main', 12, 13]]);
  const trace = toChromeTrace(m);
  assert.equal(trace.traceEvents.filter((e) => e.ph === 's').length, 2);
  assert.equal(trace.traceEvents.filter((e) => e.ph === 'f').length, 2);
});

test("Compare's verdict names the lesson of CPU-bound and I/O-bound workloads", () => {
  const rows = (s) => MODELS.map((m) => ({ id: m.id, label: m.label, speedup: s[m.id] }));
  const cpu = verdict(rows({ serial: 1, threads: 1.9, 'threads-gil': 0.98, processes: 1.8, asyncio: 1.0 }), 2);
  assert.match(cpu, /^Fastest: threads, 1.90× serial's speed\. This workload is CPU-bound/);
  const io = verdict(rows({ serial: 1, threads: 2, 'threads-gil': 2, processes: 1.9, asyncio: 7.5 }), 2);
  assert.match(io, /^Fastest: asyncio, 7.50× .*I\/O-bound/);
});

test("Compare's harness and result line", () => {
  const prog = harness('def work(x):\n    return x\nINPUTS = [1]\n', MODELS[3], 4);
  assert.match(prog, /_mp\.Pool\(4\)/);
  assert.match(prog, /if __name__ == '__main__':/);
  assert.deepEqual(parseResult('hi\n@@spindle-compare 0.25 3 [1, 4, 9]\n'), { wall: 0.25, n: 3, results: '[1, 4, 9]' });
  assert.equal(parseResult('no marker\n'), null);
});

test('error locations: the innermost frame of the file, with ^ columns; SyntaxError carets', () => {
  const src = 'def f():\n    return 1 / 0\nf()\n';
  const tb = 'Traceback (most recent call last):\n  File "main.py", line 3, in <module>\n    f()\n'
    + '  File "main.py", line 2, in f\n    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero\n';
  assert.deepEqual(locateErrors(tb, src), [{ line: 2, from: 11, to: 16, message: 'ZeroDivisionError: division by zero' }]);
  const syn = '  File "main.py", line 1\n    print(x +)\n             ^\nSyntaxError: invalid syntax\n';
  assert.deepEqual(locateErrors(syn, 'print(x +)\n'), [{ line: 1, from: 9, to: 10, message: 'SyntaxError: invalid syntax' }]);
  assert.deepEqual(locateErrors('File "other.py", line 1\n', 'x\n'), []);
});

test('typographic quotes become straight ones', () => {
  assert.equal(straightenQuotes('print(\u201chi\u201d, \u2018x\u2019)'), 'print("hi", \'x\')');
});

test('share links round-trip the code and settings', async () => {
  const code = 'print("héllo, wörld")\n' + 'x = 1\n'.repeat(500);
  const hash = await encodeShare(code, { gil: true, startMethod: 'spawn', workers: 4 });
  assert.ok(hash.length < 400, `compressed: ${hash.length} chars`);
  assert.deepEqual(await decodeShare(hash), { code, options: { gil: true, startMethod: 'spawn', workers: 4 } });
  assert.equal(await decodeShare('#nothing=1'), null);
});
