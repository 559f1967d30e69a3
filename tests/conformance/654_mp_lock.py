# multiprocessing.Lock across processes: each child sends its lines under the
# lock, so its lines stay together; RLock, Semaphore, BoundedSemaphore reprs and errors.
# (Through a Pipe, whose send is synchronous: CPython's Queue has a feeder
# thread that would interleave the lines after the lock is released.)
from multiprocessing import Process, Lock, RLock, Semaphore, BoundedSemaphore, Queue, Pipe

def report(lock, w, i):
    with lock:
        lines = [f"worker {i} line {k}" for k in range(3)]
        for line in lines:
            w.send(line)

lock = Lock()
r, w = Pipe(duplex=False)
ps = [Process(target=report, args=(lock, w, i)) for i in range(4)]
for p in ps:
    p.start()
for p in ps:
    p.join()
lines = [r.recv() for _ in range(12)]
q = Queue()
blocks = [lines[k:k + 3] for k in range(0, 12, 3)]
print("blocks intact:", all(len({l.split()[1] for l in b}) == 1 for b in blocks))
print(sorted(b[0] for b in blocks))

def hold(lock, q, go):
    lock.acquire()
    q.put("held")
    go.get()  # hold the lock until the parent has looked at it
    lock.release()

go = Queue()
p = Process(target=hold, args=(lock, q, go))
p.start()
print(q.get(timeout=5))
print(lock)
print("acquire while held elsewhere:", lock.acquire(timeout=0.05))
go.put("release")
print("blocking acquire:", lock.acquire(timeout=5))
print(lock)
lock.release()
p.join()
print(lock)
try:
    lock.release()
except ValueError as e:
    print("ValueError", e)

r = RLock()
print(r)
r.acquire(); r.acquire()
print(r)
r.release(); r.release()
try:
    r.release()
except AssertionError as e:
    print("AssertionError", e)

s = Semaphore(2)
print(s, s.acquire(), s.acquire(), s.acquire(block=False), s.acquire(timeout=0.01), s.get_value())
s.release(); s.release(); s.release()
print(s)
b = BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
print(b)
