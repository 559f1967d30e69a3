# Queue: producer/consumer with task_done/join; blocking, timeouts, errors.
import threading
import queue

q = queue.Queue()
results = []
lock = threading.Lock()

def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            results.append(item * item)
        q.task_done()

workers = [threading.Thread(target=consumer) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print("all tasks done:", sorted(results) == [i * i for i in range(20)], len(results))
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print(q.qsize(), q.empty(), q.unfinished_tasks)

# FIFO order with a single consumer.
q = queue.Queue()
for x in "abcde":
    q.put(x)
print([q.get() for _ in range(5)])

# Bounded queue: put blocks until a consumer makes room.
q = queue.Queue(maxsize=2)
print(q.maxsize, q.full(), q.empty())
q.put(1)
q.put(2)
print(q.full(), q.qsize())
try:
    q.put_nowait(3)
except queue.Full:
    print("Full (nowait)")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full (timeout)")
try:
    q.put(3, block=False)
except queue.Full:
    print("Full (block=False)")

order = []
def slow_producer():
    q.put(3)          # blocks until main takes an item
    order.append("put 3 done")
p = threading.Thread(target=slow_producer)
p.start()
order.append("main got %d" % q.get())
p.join()
# Which append comes first is a race (the producer wakes as main's get returns).
print(sorted(order), list(q.queue))
print(q.get(), q.get())

try:
    q.get_nowait()
except queue.Empty:
    print("Empty (nowait)")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty (timeout)")
try:
    q.get(False)
except queue.Empty:
    print("Empty (block=False)")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.put(1, timeout=-1)
except ValueError as e:
    print("ValueError (unbounded put ignores timeout): no")
else:
    print("unbounded-or-not-full put ignores the timeout:", q.get())
qb = queue.Queue(1)
qb.put(0)
try:
    qb.put(1, timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# task_done too many times.
q = queue.Queue()
q.put("x")
q.get()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# A blocked get() is woken by put() from another thread.
q = queue.Queue()
got = []
t = threading.Thread(target=lambda: got.append(q.get(timeout=5)))
t.start()
q.put("hello")
t.join()
print(got)

# Pipeline of two stages connected by queues.
stage1, stage2 = queue.Queue(), queue.Queue()
def doubler():
    while (x := stage1.get()) is not None:
        stage2.put(x * 2)
    stage2.put(None)
t = threading.Thread(target=doubler)
t.start()
for x in range(5):
    stage1.put(x)
stage1.put(None)
out = []
while (y := stage2.get()) is not None:
    out.append(y)
t.join()
print(out)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
