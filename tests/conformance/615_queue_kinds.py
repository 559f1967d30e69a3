# PriorityQueue, LifoQueue and SimpleQueue.
import threading
import queue

pq = queue.PriorityQueue()
for item in [(3, "three"), (1, "one"), (4, "four"), (1, "uno"), (5, "five"), (2, "two")]:
    pq.put(item)
print(pq.qsize(), [pq.get() for _ in range(6)])

pq = queue.PriorityQueue()
for x in [5, 3, 9, 1, 7]:
    pq.put_nowait(x)
print(pq.get(), pq.get_nowait(), pq.get())

# Priorities with items that are not comparable themselves.
class Job:
    def __init__(self, name):
        self.name = name
pq = queue.PriorityQueue()
for i, (prio, name) in enumerate([(2, "b"), (1, "a"), (2, "c"), (0, "z")]):
    pq.put((prio, i, Job(name)))
print([pq.get()[2].name for _ in range(4)])

lq = queue.LifoQueue()
for x in range(5):
    lq.put(x)
print([lq.get() for _ in range(5)], lq.empty())

lq = queue.LifoQueue(maxsize=1)
lq.put("only")
try:
    lq.put_nowait("more")
except queue.Full:
    print("LifoQueue full")

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for x in "xyz":
    sq.put(x)
sq.put_nowait("w")
print(sq.qsize(), [sq.get() for _ in range(3)], sq.get_nowait(), sq.empty())
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue empty")
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue empty after timeout")
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# SimpleQueue between threads.
sq = queue.SimpleQueue()
def produce():
    for i in range(50):
        sq.put(i)
    sq.put(None)
t = threading.Thread(target=produce)
t.start()
total = 0
while (v := sq.get()) is not None:
    total += v
t.join()
print("total:", total)

# Priority queue fed by several producers: consumer sees global order once all are in.
pq = queue.PriorityQueue()
def feed(base):
    for k in range(5):
        pq.put(base + k * 10)
producers = [threading.Thread(target=feed, args=(b,)) for b in range(3)]
for p in producers:
    p.start()
for p in producers:
    p.join()
print([pq.get() for _ in range(pq.qsize())])

# task_done/join work on every Queue subclass.
lq = queue.LifoQueue()
for x in range(3):
    lq.put(x)
def drain():
    while True:
        try:
            lq.get_nowait()
        except queue.Empty:
            return
        lq.task_done()
t = threading.Thread(target=drain)
t.start()
lq.join()
t.join()
print("lifo joined", lq.unfinished_tasks)
print(queue.Empty.__name__, queue.Full.__name__)
