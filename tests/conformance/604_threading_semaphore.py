# Semaphore limits concurrency; BoundedSemaphore; the API and its errors.
import threading
import time

sem = threading.Semaphore(3)
state_lock = threading.Lock()
active = [0]
max_active = [0]
done = []

full = threading.Event()   # set once three jobs hold the semaphore together

def job(i):
    with sem:
        with state_lock:
            active[0] += 1
            max_active[0] = max(max_active[0], active[0])
            if active[0] == 3:
                full.set()
        full.wait(5)
        time.sleep(0.002)
        with state_lock:
            active[0] -= 1
            done.append(i)

threads = [threading.Thread(target=job, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("max concurrent:", max_active[0], "done:", sorted(done))

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(False))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)

# A thread blocked in acquire() is woken by release().
s0 = threading.Semaphore(0)
got = []
def taker():
    got.append(s0.acquire(timeout=5))
t = threading.Thread(target=taker)
t.start()
s0.release()
t.join()
print("taker got:", got)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire(); b.acquire()
b.release(2)
try:
    b.release(1)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(b, threading.Semaphore))

# Semaphore as a resource pool of 2 connections for 6 workers.
pool = threading.BoundedSemaphore(2)
connections = ["conn-a", "conn-b"]
pool_lock = threading.Lock()
used = []
def use_connection(i):
    with pool:
        with pool_lock:
            conn = connections.pop()
        used.append((i, conn in ("conn-a", "conn-b")))
        time.sleep(0.002)
        with pool_lock:
            connections.append(conn)
workers = [threading.Thread(target=use_connection, args=(i,)) for i in range(6)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(used), sorted(connections))
