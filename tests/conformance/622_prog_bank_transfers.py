# A bank with per-account locks taken in a fixed order (no deadlock), worker
# threads fed by a queue, and an audit that the total never changes.
import threading
import queue
import random

class Account:
    def __init__(self, number, balance):
        self.number = number
        self.balance = balance
        self.lock = threading.Lock()

class Bank:
    def __init__(self, n, balance):
        self.accounts = [Account(i, balance) for i in range(n)]
        self.stats_lock = threading.Lock()
        self.done = 0
        self.refused = 0

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        first, second = (a, b) if a.number < b.number else (b, a)
        with first.lock:
            with second.lock:
                if a.balance >= amount:
                    a.balance -= amount
                    b.balance += amount
                    ok = True
                else:
                    ok = False
        with self.stats_lock:
            if ok:
                self.done += 1
            else:
                self.refused += 1

    def total(self):
        locks = [acc.lock for acc in self.accounts]
        for l in locks:
            l.acquire()
        try:
            return sum(acc.balance for acc in self.accounts)
        finally:
            for l in reversed(locks):
                l.release()

bank = Bank(8, 100)
jobs = queue.Queue()
rng = random.Random(7)
transfers = []
for _ in range(2000):
    src = rng.randrange(8)
    dst = (src + 1 + rng.randrange(7)) % 8
    transfers.append((src, dst, rng.randrange(1, 40)))
for t in transfers:
    jobs.put(t)

audits = []
def teller():
    while True:
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            return
        bank.transfer(*job)
        jobs.task_done()

def auditor(stop):
    while not stop.is_set():
        audits.append(bank.total())
        stop.wait(0.002)

stop = threading.Event()
aud = threading.Thread(target=auditor, args=(stop,))
aud.start()
tellers = [threading.Thread(target=teller, name="teller-%d" % i) for i in range(4)]
for t in tellers:
    t.start()
jobs.join()
for t in tellers:
    t.join()
stop.set()
aud.join()

print("transfers:", bank.done + bank.refused)
print("total:", bank.total())
print("every audit saw 800:", all(a == 800 for a in audits), len(audits) > 0)
print("no negative balance:", all(acc.balance >= 0 for acc in bank.accounts))

# Replaying the same transfers in one thread gives the same number of transfers;
# the balances may differ (the order differs), but the total never does.
serial = Bank(8, 100)
for t in transfers:
    serial.transfer(*t)
print("serial total:", serial.total(), serial.done + serial.refused)
