# Parallel scaling of processes: the CPU-bound job of threads.py split over
# 1, 2 and 4 worker processes with Pool.map, and the latency of
# Process.start() (from the call until the child's target runs, measured
# through a queue), back to back and isolated. Prints `key value` lines.
import sys
import time
from multiprocessing import Pool, Process, Queue

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
STARTS = 20


def burn(n):
    x = 1
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def timed(pool, k):
    t0 = time.perf_counter()
    pool.map(burn, [WORK // k] * k, chunksize=1)
    return time.perf_counter() - t0


def started(q):
    q.put(time.time())


def start_latency(pause=0.0):
    """Back to back (pause 0), or isolated: `pause` seconds before each start,
    the way a program starts a few processes now and then (Spindle's browser
    host uses the pause to get process workers ready in advance)."""
    lat = []
    q = Queue()
    for _ in range(STARTS):
        time.sleep(pause)
        p = Process(target=started, args=(q,))
        t0 = time.time()
        p.start()
        lat.append((q.get() - t0) * 1000)
        p.join()
    lat.sort()
    return lat[len(lat) // 2], lat[int(len(lat) * 0.95) - 1]


times = {}
for k in (1, 2, 4):
    with Pool(k) as pool:
        pool.map(burn, [1000] * k)  # the workers are up
        times[k] = min(timed(pool, k) for _ in range(3))
p50, p95 = start_latency()
iso50, iso95 = start_latency(0.2)
for k, v in times.items():
    print(f"procs{k}_s {v:.4f}")
    print(f"speedup{k} {times[1] / v:.2f}")
print(f"start_p50_ms {p50:.3f}")
print(f"start_p95_ms {p95:.3f}")
print(f"isolated_start_p50_ms {iso50:.3f}")
print(f"isolated_start_p95_ms {iso95:.3f}")
