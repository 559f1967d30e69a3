# A child process runs threads of its own (its spawner is made on demand by
# its parent's spawner in the browser), prints from one, and starts a
# grandchild process.
import threading
from multiprocessing import Process, Queue, current_process

def grandchild(q):
    q.put(("grandchild", current_process().name))

def child(q):
    out = []
    ts = [threading.Thread(target=lambda i=i: out.append(i * i)) for i in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    print("child threads done", sorted(out), flush=True)
    t = threading.Thread(target=print, args=("printed from a thread in the child",))
    t.start(); t.join()
    g = Process(target=grandchild, args=(q,))
    g.start(); g.join()
    q.put(("child", sorted(out), g.exitcode))

q = Queue()
p = Process(target=child, args=(q,))
p.start()
print(sorted([q.get(), q.get()]))
p.join()
print("exit", p.exitcode)
