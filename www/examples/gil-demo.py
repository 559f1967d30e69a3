# The same CPU-bound work in 1 thread, then split over 2 threads. With the GIL
# only one thread runs Python at a time; without it, both cores work at once.
import sys
import threading
import time

WORK = 3_000_000

def count(n):
    total = 0
    for i in range(n):
        total += i % 3

def timed(n_threads):
    threads = [threading.Thread(target=count, args=(WORK // n_threads,))
               for _ in range(n_threads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start

# sys._is_gil_enabled() exists since Python 3.13; older Pythons always have a GIL.
gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print(f"GIL enabled: {gil}")
count(WORK // 2)  # warm-up, untimed: a fresh interpreter starts out slower
one = timed(1)
two = timed(2)
print(f"1 thread:  {one:.2f} s")
print(f"2 threads: {two:.2f} s")
print(f"speedup:   {one / two:.1f}x")
