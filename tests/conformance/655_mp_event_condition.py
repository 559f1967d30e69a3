# Event, Condition and Barrier across processes.
from multiprocessing import Process, Event, Condition, Barrier, Queue
import time

def waiter(ev, q, i):
    q.put((i, ev.wait(10)))

ev = Event()
q = Queue()
print(ev.is_set(), ev.wait(0.01))
ws = [Process(target=waiter, args=(ev, q, i)) for i in range(3)]
for w in ws:
    w.start()
time.sleep(0.1)
ev.set()
print(sorted(q.get(timeout=10) for _ in ws))
for w in ws:
    w.join()
print(ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set())

def setter(ev):
    time.sleep(0.05)
    ev.set()

p = Process(target=setter, args=(ev,))
p.start()
print("waited for the child:", ev.wait(10))
p.join()

def cond_child(c, q):
    with c:
        q.put("child waiting")
        print("notified:", c.wait(10), flush=True)

c = Condition()
p = Process(target=cond_child, args=(c, q))
p.start()
print(q.get(timeout=10), flush=True)
time.sleep(0.05)
with c:
    c.notify_all()
p.join()
with c:
    print("wait timeout:", c.wait(0.01))
    print("wait_for:", c.wait_for(lambda: 42, 1))

def party(b, q, i):
    b.wait(10)
    q.put(i)

b = Barrier(3)
ps = [Process(target=party, args=(b, q, i)) for i in range(2)]
for p in ps:
    p.start()
# Starting a process takes a while (a worker and a wasm instance in the
# browser): wait for both to reach the barrier rather than sleeping a fixed time.
deadline = time.monotonic() + 10
while b.n_waiting < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
print("n_waiting:", b.n_waiting)
b.wait(10)
print(sorted(q.get(timeout=10) for _ in ps))
for p in ps:
    p.join()
print(b.parties, b.n_waiting, b.broken)
