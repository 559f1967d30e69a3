# Producer/consumer: a producer thread puts jobs on a queue.Queue and two consumer
# threads take them off; one None sentinel per consumer tells it to stop.
import queue
import threading
import time

jobs = queue.Queue(maxsize=3)   # bounded: when it is full, put() waits
CONSUMERS = 2
done = []

def producer(count):
    for job in range(1, count + 1):
        jobs.put(job)           # blocks while the queue is full
        print(f"producer: queued job {job}")
    for _ in range(CONSUMERS):
        jobs.put(None)          # the sentinel: "no more work"

def consumer(name):
    while True:
        job = jobs.get()        # blocks while the queue is empty
        if job is None:
            jobs.task_done()
            break
        time.sleep(0.1)         # the work itself: slower than producing
        done.append(job)
        print(f"{name}: finished job {job}")
        jobs.task_done()        # one task_done() for every get()

workers = [threading.Thread(target=consumer, args=(f"consumer-{i}",))
           for i in range(1, CONSUMERS + 1)]
for w in workers:
    w.start()
p = threading.Thread(target=producer, args=(8,))
p.start()
p.join()                        # everything, sentinels included, is queued
jobs.join()                     # returns when every item had its task_done()
print(f"all jobs done: {sorted(done)}")
for w in workers:
    w.join()
