# Benchmark: a compact task-scheduler simulation in the spirit of Richards (classes, dispatch, queues).
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

class Task:
    def __init__(self, sched, ident, prio, work):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = []
        self.work = work
        self.count = 0
    def run(self, pkt):
        self.count += 1
        return self.work(self, pkt)

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.holds = 0
        self.qpkts = 0
    def add(self, task):
        self.tasks.append(task)
        self.tasks.sort(key=lambda t: -t.prio)
    def send(self, pkt, dest):
        self.qpkts += 1
        self.tasks[dest % len(self.tasks)].queue.append(pkt)
    def schedule(self, rounds):
        for r in range(rounds):
            for t in self.tasks:
                if t.queue:
                    pkt = t.queue.pop(0)
                    nxt = t.run(pkt)
                    if nxt is not None:
                        self.send(nxt, t.ident + 1 + (pkt.datum & 3))
                else:
                    self.holds += 1
                    t.run(None)

def worker(task, pkt):
    if pkt is None:
        return None
    pkt.datum = (pkt.datum * 31 + task.ident) % 1009
    for i in range(4):
        pkt.data[i] = (pkt.data[i] + pkt.datum + i) & 0xFF
    return pkt

def idler(task, pkt):
    if pkt is None:
        task.sched.send(Packet(None, task.ident, 0), task.count)
        return None
    return pkt

s = Scheduler()
for i in range(10):
    s.add(Task(s, i, i % 4, idler if i == 0 else worker))
for i in range(20):
    s.send(Packet(None, i, 1), i)
s.schedule(180000)
print("richards checksum", s.holds, s.qpkts, sum(t.count for t in s.tasks),
      sum(sum(p.data) for t in s.tasks for p in t.queue))
