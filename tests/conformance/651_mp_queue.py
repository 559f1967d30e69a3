# multiprocessing.Queue between processes: a producer and a consumer process,
# maxsize with Full/Empty and timeouts, SimpleQueue, close().
from multiprocessing import Process, Queue, SimpleQueue
import queue

def producer(q, n):
    for i in range(n):
        q.put((i, i * i))
    q.put(None)

def consumer(q, out):
    total = 0
    count = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item[1]
        count += 1
    out.put(("count", count, "total", total))

q = Queue()
out = Queue()
p = Process(target=producer, args=(q, 200))
c = Process(target=consumer, args=(q, out))
p.start(); c.start()
print(out.get(timeout=10))
p.join(); c.join()
print("exitcodes", p.exitcode, c.exitcode, "empty", q.empty(), q.qsize())

small = Queue(maxsize=2)
small.put("a"); small.put("b")
print("full", small.full(), "qsize", small.qsize())
for put in (lambda: small.put("c", timeout=0.05), lambda: small.put_nowait("c"),
            lambda: small.put("c", block=False)):
    try:
        put()
    except queue.Full as e:
        print("Full", repr(e))
print(small.get(), small.get_nowait())
try:
    small.get(timeout=0.05)
except queue.Empty as e:
    print("Empty", repr(e))
try:
    small.get(False)
except queue.Empty:
    print("Empty again")

def echo(sq_in, sq_out):
    while True:
        x = sq_in.get()
        if x is None:
            break
        sq_out.put([x, x.upper()])

a, b = SimpleQueue(), SimpleQueue()
e = Process(target=echo, args=(a, b))
e.start()
for w in ["x", "yz", "spindle"]:
    a.put(w)
    print(b.get())
a.put(None)
e.join()
print("simple empty", a.empty(), b.empty())
b.close()
try:
    b.get()
except OSError as err:
    print("OSError", err)

small.close()
small.join_thread()
try:
    small.put(1)
except ValueError as err:
    print("ValueError", str(err).split(" object at ")[0])
try:
    import pickle
    pickle.dumps(q)
except RuntimeError as err:
    print("RuntimeError", err)
