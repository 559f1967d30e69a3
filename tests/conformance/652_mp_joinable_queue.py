# JoinableQueue: workers call task_done(); join() returns once every item is done;
# task_done() once too often raises ValueError.
from multiprocessing import Process, JoinableQueue, Queue

def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put((item, sum(i * i for i in range(item))))
        jq.task_done()

jq = JoinableQueue()
results = Queue()
workers = [Process(target=worker, args=(jq, results)) for _ in range(2)]
for w in workers:
    w.start()
for n in range(10, 20):
    jq.put(n)
for _ in workers:
    jq.put(None)
jq.join()
print("all done; results waiting:", results.qsize())
print(sorted(results.get() for _ in range(10)))
for w in workers:
    w.join()
print([w.exitcode for w in workers])
try:
    jq.task_done()
except ValueError as e:
    print("ValueError:", e)
jq2 = JoinableQueue(maxsize=1)
jq2.put("only")
print(jq2.full(), jq2.get())
jq2.task_done()
jq2.join()
print("joined empty queue")
