# ThreadPoolExecutor: submit, map, thread names, initializer, context manager.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, Executor, Future
import concurrent.futures

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(square, i) for i in range(10)]
    print([f.result() for f in futures])
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    print(list(ex.map(square, range(5), chunksize=2)))
    print(list(ex.map(square, [], timeout=1)))
    print(list(ex.map(lambda s, n: s * n, "abc", range(1, 10))))
    print(isinstance(ex, Executor), isinstance(futures[0], Future))

# Keyword arguments through submit.
def describe(name, *, greeting="hello", punct="!"):
    return "%s, %s%s" % (greeting, name, punct)
with ThreadPoolExecutor(2) as ex:
    print(ex.submit(describe, "pool", greeting="hi").result())
    print(ex.submit(describe, name="kw").result())

# Thread names: prefix_N, numbered per executor. The n calls wait for each
# other at a barrier, so they run on n different threads at once.
def names_of(executor, n):
    barrier = threading.Barrier(n + 1, timeout=5)
    def who():
        barrier.wait()
        return threading.current_thread().name
    fs = [executor.submit(who) for _ in range(n)]
    barrier.wait()
    return sorted(f.result() for f in fs)

def any_names(executor, n):
    return {f.result() for f in [executor.submit(lambda: threading.current_thread().name) for _ in range(n)]}

with ThreadPoolExecutor(max_workers=3, thread_name_prefix="worker") as ex:
    print(names_of(ex, 3))
with ThreadPoolExecutor(max_workers=2) as ex:
    names = names_of(ex, 2)
    print([n.split("-")[0] for n in names], [n.split("_")[1] for n in names])
    print(len({n.split("_")[0] for n in names}))
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="small") as ex:
    print(names_of(ex, 2))
    # More calls than workers: no new threads are made.
    print(any_names(ex, 5) <= {"small_0", "small_1"})

# Default max_workers.
import os
ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))
ex.shutdown()

# initializer runs once in each worker thread.
inits = []
lock = threading.Lock()
def init(tag):
    with lock:
        inits.append((tag, threading.current_thread().name))
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="init", initializer=init, initargs=("ready",)) as ex:
    print(names_of(ex, 2))
print(sorted(inits))

# Results come back in order even when later calls finish first.
def delayed(x):
    time.sleep(0.002 * (5 - x))
    return x
with ThreadPoolExecutor(5) as ex:
    print(list(ex.map(delayed, range(5))))

# Work done in parallel by a shared counter under a lock.
count = [0]
def add(n):
    for _ in range(n):
        with lock:
            count[0] += 1
    return n
with ThreadPoolExecutor(4) as ex:
    print(sum(ex.map(add, [1000] * 8)), count[0])

# The with-block waits for pending work before it ends.
done = []
with ThreadPoolExecutor(1) as ex:
    for i in range(3):
        ex.submit(lambda i=i: (time.sleep(0.002), done.append(i)))
print(done)

# Errors in the constructor.
for kwargs in ({"max_workers": 0}, {"max_workers": -1}, {"initializer": 5}):
    try:
        ThreadPoolExecutor(**kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(concurrent.futures.ALL_COMPLETED, concurrent.futures.FIRST_COMPLETED, concurrent.futures.FIRST_EXCEPTION)
