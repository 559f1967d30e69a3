# Event: set/clear/is_set/wait, several waiters, timeouts.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())

# Many threads wait for one start signal.
start = threading.Event()
results = []
lock = threading.Lock()
def runner(i):
    ok = start.wait(5)
    with lock:
        results.append((i, ok))
threads = [threading.Thread(target=runner, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
print("before set:", results)
start.set()
for t in threads:
    t.join()
print("after set:", sorted(results))

# Handshake: worker signals it is ready, main signals go, worker signals done.
ready = threading.Event()
go = threading.Event()
finished = threading.Event()
steps = []
def worker():
    steps.append("worker ready")
    ready.set()
    go.wait()
    steps.append("worker running")
    finished.set()
t = threading.Thread(target=worker)
t.start()
ready.wait()
steps.append("main says go")
go.set()
print(finished.wait(5))
t.join()
print(steps)

# A waiter that times out sees False.
timed = threading.Event()
out = []
t = threading.Thread(target=lambda: out.append(timed.wait(0.01)))
t.start()
t.join()
print("timed out:", out)

# A stop flag for a loop in another thread.
stop = threading.Event()
loops = [0]
def loop():
    while not stop.is_set():
        loops[0] += 1
        stop.wait(0.001)
t = threading.Thread(target=loop)
t.start()
stop.wait(0.02)
stop.set()
t.join()
print("loop stopped:", loops[0] > 0, t.is_alive())
