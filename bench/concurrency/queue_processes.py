# Round trip of multiprocessing.Queue between two processes: the parent puts
# a number, an echo child gets it and puts it back on a second queue, and the
# parent takes it (ping-pong). Prints `key value` lines (microseconds).
# Run: python3 / spindle bench/concurrency/queue_processes.py; npm run bench runs it in Chromium too.
import time
from multiprocessing import Process, Queue

N = 500
WARMUP = 50


def echo(ping, pong):
    while True:
        x = ping.get()
        pong.put(x)
        if x is None:
            return


if __name__ == "__main__":
    ping, pong = Queue(), Queue()
    p = Process(target=echo, args=(ping, pong))
    p.start()
    lat = []
    for i in range(WARMUP + N):
        t0 = time.perf_counter()
        ping.put(i)
        pong.get()
        if i >= WARMUP:
            lat.append((time.perf_counter() - t0) * 1e6)
    ping.put(None)
    pong.get()
    p.join()
    lat.sort()
    print(f"rtt_p50_us {lat[len(lat) // 2]:.1f}")
    print(f"rtt_p95_us {lat[int(len(lat) * 0.95) - 1]:.1f}")
