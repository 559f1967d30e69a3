# A map-reduce over a thread pool, futures chained with callbacks, a broken
# pool (failing initializer), and thread-local state in pool workers.
import sys
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, Future
import concurrent.futures as cf

text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs over the hill""".split("\n") * 10

def count_words(line):
    counts = {}
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
    return counts

def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out

with ThreadPoolExecutor(4) as ex:
    partials = list(ex.map(count_words, text))
total = {}
for p in partials:
    total = merge(total, p)
print(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5])

# as_completed over submitted chunks; sum of results is order independent.
def chunk_sum(lo, hi):
    return sum(i * i for i in range(lo, hi))
with ThreadPoolExecutor(3) as ex:
    fs = {ex.submit(chunk_sum, lo, lo + 1000): lo for lo in range(0, 10000, 1000)}
    got = sorted((fs[f], f.result()) for f in as_completed(fs))
print(len(got), sum(r for _, r in got) == sum(i * i for i in range(10000)))

# Chaining: a callback submits the next stage.
results = []
done = threading.Event()
with ThreadPoolExecutor(2) as ex:
    def stage2(fut):
        nxt = ex.submit(lambda v: v + 1, fut.result())
        nxt.add_done_callback(lambda f: (results.append(f.result()), done.set()))
    first = ex.submit(lambda: 41)
    first.add_done_callback(stage2)
    done.wait(5)
print(results)

# Thread-local state inside pool workers: one counter per worker thread.
local = threading.local()
def tally(x):
    local.n = getattr(local, "n", 0) + 1
    return (threading.current_thread().name, local.n)
with ThreadPoolExecutor(1, thread_name_prefix="solo") as ex:
    print(list(ex.map(tally, range(4))))

# A failing initializer breaks the pool; its report goes to stderr (captured).
class Sink:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass
def bad_init():
    raise RuntimeError("no resources")
sink = Sink()
saved, sys.stderr = sys.stderr, sink
try:
    ex = ThreadPoolExecutor(1, initializer=bad_init)
    f = ex.submit(lambda: "never")
    try:
        f.result(timeout=5)
    except cf.BrokenExecutor as e:
        print(type(e).__name__, "-", e)
    try:
        ex.submit(lambda: 1)
    except cf.BrokenExecutor as e:
        print("submit:", type(e).__name__, "-", e)
    ex.shutdown()
finally:
    sys.stderr = saved
print(sink.text.splitlines()[0], "|", sink.text.splitlines()[-1])

# An exception in a done callback is logged, not raised (captured again).
sink = Sink()
saved, sys.stderr = sys.stderr, sink
try:
    f = Future()
    f.add_done_callback(lambda fut: 1 / 0)
    f.add_done_callback(lambda fut: print("second callback still runs"))
    f.set_result(None)
finally:
    sys.stderr = saved
lines = sink.text.splitlines()
print(lines[0].startswith("exception calling callback for <Future at"), lines[-1])

# wait() on futures from two different executors.
with ThreadPoolExecutor(1) as a, ThreadPoolExecutor(1) as b:
    fa = a.submit(pow, 2, 10)
    fb = b.submit(pow, 3, 5)
    done_set, not_done = wait([fa, fb])
    print(sorted(f.result() for f in done_set), not_done)
