# Parallel scaling of threads: one CPU-bound job (pure-Python arithmetic),
# split over 1, 2 and 4 threads, and the latency of Thread.start() (from the
# call until the thread's first line runs). Prints `key value` lines.
# Run: spindle bench/parallel/threads.py, or in Chromium: npm run bench:parallel
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
STARTS = 60


def burn(n):
    # An LCG walk: no allocation, no shared state, all interpreter.
    x = 1
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def timed(k):
    threads = [threading.Thread(target=burn, args=(WORK // k,)) for _ in range(k)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def best(k, reps=3):
    return min(timed(k) for _ in range(reps))


def start_latency():
    lat = []
    for _ in range(STARTS):
        box = []
        t = threading.Thread(target=lambda: box.append(time.perf_counter()))
        t0 = time.perf_counter()
        t.start()
        t.join()
        lat.append((box[0] - t0) * 1000)
    lat.sort()
    return lat[len(lat) // 2], lat[int(len(lat) * 0.95) - 1]


burn(100_000)  # warm up
times = {k: best(k) for k in (1, 2, 4)}
p50, p95 = start_latency()
gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print("gil", int(gil))
for k, v in times.items():
    print(f"threads{k}_s {v:.4f}")
    print(f"speedup{k} {times[1] / v:.2f}")
print(f"start_p50_ms {p50:.3f}")
print(f"start_p95_ms {p95:.3f}")
