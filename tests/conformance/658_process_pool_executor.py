# concurrent.futures.ProcessPoolExecutor: submit, map (chunksize, several iterables),
# as_completed, wait, exceptions from workers, unpicklable calls, shutdown.
from concurrent.futures import ProcessPoolExecutor, as_completed, wait, FIRST_COMPLETED
import concurrent.futures
import os

def sum_squares(n):
    return sum(i * i for i in range(n))

def add(a, b):
    return a + b

def boom(x):
    raise KeyError(x)

with ProcessPoolExecutor(max_workers=2) as ex:
    f = ex.submit(sum_squares, 10000)
    print(f.result(timeout=10), f.done(), f.exception())
    print(list(ex.map(sum_squares, range(8))))
    print(list(ex.map(add, range(6), range(10, 16), chunksize=4)))
    print(list(ex.map(sum_squares, [], timeout=5)))
    fs = {ex.submit(sum_squares, n): n for n in (100, 200, 300, 400)}
    print(sorted((fs[f], f.result()) for f in as_completed(fs, timeout=10)))
    done, not_done = wait([ex.submit(add, 1, 2), ex.submit(add, 3, 4)])
    print(sorted(f.result() for f in done), len(not_done))
    done, _ = wait([ex.submit(add, 5, 6)], return_when=FIRST_COMPLETED)
    print(len(done))
    bad = ex.submit(boom, "missing")
    try:
        bad.result()
    except KeyError as e:
        print("KeyError", e, type(e.__cause__).__name__)
    print(repr(bad.exception()))
    unpicklable = ex.submit(lambda: 1)
    try:
        unpicklable.result()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
try:
    ex.submit(add, 1, 1)
except RuntimeError as e:
    print("RuntimeError", e)
ex.shutdown()

ex2 = ProcessPoolExecutor()
print(ex2._max_workers == os.cpu_count())
print(sum(ex2.map(sum_squares, range(20), chunksize=5)))
ex2.shutdown(wait=True)
print(concurrent.futures.ProcessPoolExecutor.__module__)
for bad in (lambda: ProcessPoolExecutor(0), lambda: ProcessPoolExecutor(1, initializer=5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
