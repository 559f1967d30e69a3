# What cannot cross between processes: a lambda through a SimpleQueue or a Pipe
# raises CPython's PicklingError; queues and locks refuse to be pickled; a Pool
# cannot be pickled.
from multiprocessing import Process, Queue, SimpleQueue, Pipe, Lock, Pool
import pickle

def mask(text):
    # Addresses differ from run to run.
    out = []
    for word in text.split(" "):
        out.append("0x..." if word.startswith("0x") else word)
    return " ".join(out)

sq = SimpleQueue()
try:
    sq.put(lambda x: x)
except Exception as e:
    print(type(e).__module__, type(e).__name__, mask(str(e)))
a, b = Pipe()
try:
    a.send(lambda: None)
except pickle.PicklingError as e:
    print("Pipe:", mask(str(e)))
def gen():
    yield 1
try:
    a.send(gen())
except TypeError as e:
    print("TypeError", e)
sq.put("still works")
print(sq.get())
for obj in (Queue(), SimpleQueue(), Lock()):
    try:
        pickle.dumps(obj)
    except RuntimeError as e:
        print("RuntimeError", e)
pool = Pool(1)
try:
    pickle.dumps(pool)
except NotImplementedError as e:
    print("NotImplementedError", e)
pool.close()
pool.join()

def child(q):
    q.put("from child")
q = Queue()
p = Process(target=child, args=(q,))
p.start()
print(q.get(timeout=10))
p.join()
