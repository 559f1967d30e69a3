# A Lock protecting a counter shared by 4 threads; the Lock API.
import threading

counter = 0
lock = threading.Lock()

def work():
    global counter
    for _ in range(10000):
        with lock:
            counter += 1

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)

# acquire/release by hand
counter = 0
def work2():
    global counter
    for _ in range(5000):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()

threads = [threading.Thread(target=work2) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)

l = threading.Lock()
print(l.locked())
print(l.acquire())
print(l.locked())
print(l.acquire(False))
print(l.acquire(blocking=False))
print(l.acquire(timeout=0.01))
print(l.acquire(True, 0.01))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# A lock may be released by a thread other than the one that acquired it.
l.acquire()
t = threading.Thread(target=l.release)
t.start()
t.join()
print("released by other thread:", not l.locked())

try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)

with l as value:
    print("in with:", value, l.locked())
print("after with:", l.locked())

# A thread blocked on a lock proceeds once it is released.
order = []
gate = threading.Lock()
gate.acquire()
def waiter():
    with gate:
        order.append("waiter got the lock")
t = threading.Thread(target=waiter)
t.start()
order.append("main releases")
gate.release()
t.join()
print(order)
print(isinstance(threading.ThreadError(), RuntimeError), threading.ThreadError is RuntimeError)
