# time: only deterministic facts — monotonic/perf_counter don't go backwards, sleep waits, types.
import time
t0 = time.monotonic()
p0 = time.perf_counter()
w0 = time.time()
time.sleep(0.01)
t1 = time.monotonic()
p1 = time.perf_counter()
print(t1 - t0 >= 0.005, p1 - p0 >= 0.005, p1 >= p0)
print(type(time.time()).__name__, type(time.monotonic()).__name__, type(time.perf_counter()).__name__)
print(time.time() > 1_600_000_000, time.time() >= w0)
time.sleep(0)
print(isinstance(time.monotonic_ns(), int), isinstance(time.perf_counter_ns(), int), time.time_ns() > 0)
start = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, elapsed < 60)
