// Limits in Chromium, in Python's words: MemoryError at the memory limit,
// RecursionError on every kind of worker, the thread cap's RuntimeError,
// and internal errors (a Rust panic) reported with a hint, keeping what was
// printed; after each, the page lives and the next run works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage } from './helpers.mjs';

const page = usePage({ isolation: true });
const run = (src, options = {}) => page().evaluate(([s, o]) => window.spindle.run(s, { filename: 'main.py', timeoutMs: 60000, ...o }), [src, options]);

async function nextRunWorks() {
  const next = await run('print("alive")\n');
  assert.equal(next.stdout, 'alive\n');
  assert.equal(next.exitCode, 0);
}

test('memory that grows without bound ends in MemoryError, which can be caught', async () => {
  const res = await run([
    'blocks = []',
    'try:',
    '    while True:',
    '        blocks.append(bytearray(10**7))',
    'except MemoryError:',
    '    n = len(blocks)',
    '    blocks = None',
    '    print("MemoryError after", n >= 40 and n <= 60, "blocks")',
    'blocks = []',
    'while True:',
    '    blocks.append([0] * 10000)',
    '',
  ].join('\n'), { memoryLimitMb: 400 });
  assert.equal(res.stdout, 'MemoryError after True blocks\n');
  assert.equal(res.exitCode, 1);
  assert.match(res.stderr, /line 11, in <module>\n(.|\n)*MemoryError\n$/);
  await nextRunWorks();
});

test('one huge allocation is refused up front', async () => {
  const res = await run('x = "x" * 10**12\n');
  assert.equal(res.exitCode, 1);
  assert.match(res.stderr, /File "main.py", line 1, in <module>\n    x = "x" \* 10\*\*12\nMemoryError\n$/);
  await nextRunWorks();
});

test('RecursionError in the main thread, a thread, a process, a generator and a coroutine', async () => {
  const res = await run([
    'import threading, asyncio, multiprocessing as mp',
    'def f(n): return f(n + 1)',
    'def g(n): yield from g(n + 1)',
    'async def c(n): return await c(n + 1)',
    'def check(name, fn):',
    '    try: fn()',
    '    except RecursionError as e: print(name, e)',
    'check("main", lambda: f(0))',
    't = threading.Thread(target=check, args=("thread", lambda: f(0))); t.start(); t.join()',
    'check("generator", lambda: list(g(0)))',
    'check("coroutine", lambda: asyncio.run(c(0)))',
    'def in_child(): check("process", lambda: f(0))',
    'p = mp.Process(target=in_child); p.start(); p.join()',
    '',
  ].join('\n'));
  assert.equal(res.exitCode, 0, res.stderr);
  for (const where of ['main', 'thread', 'generator', 'coroutine', 'process']) {
    assert.match(res.stdout, new RegExp(`^${where} maximum recursion depth exceeded$`, 'm'));
  }
});

test('the thread cap raises CPython\'s error', async () => {
  const res = await run([
    'import threading',
    'ev = threading.Event()',
    'ts = []',
    'try:',
    '    while True:',
    '        t = threading.Thread(target=ev.wait); t.start(); ts.append(t)',
    'except RuntimeError as e:',
    '    print(len(ts), e)',
    'ev.set()',
    '',
  ].join('\n'), { maxThreads: 8 });
  assert.equal(res.stdout, "8 can't start new thread\n");
  await nextRunWorks();
});

test('\\N{...} names load on first use (the wasm carries no name tables)', async () => {
  const res = await run('print("\\N{SNOWMAN}", "\\N{greek small letter alpha}", "\\N{HANGUL SYLLABLE GAG}", "\\N{CJK UNIFIED IDEOGRAPH-4E00}")\n');
  assert.equal(res.stdout, '\u2603 \u03b1 \uac01 \u4e00\n', res.stderr);
  const bad = await run('x = "\\N{NOT A NAME}"\n');
  assert.match(bad.stderr, /SyntaxError: \(unicode error\) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name\n$/);
});

for (const where of ['the main thread', 'a thread']) {
  test(`a Rust panic in ${where} is an internal error with a hint; output printed before it is kept`, async () => {
    const call = '_spindle._internal_error_for_tests("deliberate")';
    const res = await run(where === 'a thread'
      ? `import _spindle, threading\nprint("before")\nt = threading.Thread(target=lambda: ${call}); t.start(); t.join()\nprint("never")\n`
      : `import _spindle\nprint("before")\n${call}\nprint("never")\n`);
    assert.equal(res.stdout, 'before\n');
    assert.equal(res.exitCode, 70);
    assert.match(res.stderr, /spindle internal error: panicked at .*\ndeliberate\nThis is a bug in Spindle, not in your program\. Please report it, with the program that caused it\.\n$/);
    await nextRunWorks();
  });
}
