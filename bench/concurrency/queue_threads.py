# Round trip of queue.Queue between two threads: the main thread puts a
# number, an echo thread gets it and puts it back on a second queue, and the
# main thread takes it (ping-pong). Prints `key value` lines (microseconds).
# Run: python3 / spindle bench/concurrency/queue_threads.py; npm run bench runs it in Chromium too.
import queue
import threading
import time

N = 2000
WARMUP = 100

ping, pong = queue.Queue(), queue.Queue()


def echo():
    while True:
        x = ping.get()
        pong.put(x)
        if x is None:
            return


t = threading.Thread(target=echo)
t.start()
lat = []
for i in range(WARMUP + N):
    t0 = time.perf_counter()
    ping.put(i)
    pong.get()
    if i >= WARMUP:
        lat.append((time.perf_counter() - t0) * 1e6)
ping.put(None)
pong.get()
t.join()
lat.sort()
print(f"rtt_p50_us {lat[len(lat) // 2]:.1f}")
print(f"rtt_p95_us {lat[int(len(lat) * 0.95) - 1]:.1f}")
