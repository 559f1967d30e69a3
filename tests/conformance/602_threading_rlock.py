# RLock: reentrancy, ownership, and Condition over an RLock.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(False))
print(r._is_owned(), r._recursion_count())
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Another thread cannot take it while we hold it, nor release it.
r.acquire()
seen = []
def other():
    seen.append(("acquire", r.acquire(False)))
    seen.append(("timeout", r.acquire(timeout=0.01)))
    try:
        r.release()
    except RuntimeError as e:
        seen.append(("release", str(e)))
t = threading.Thread(target=other)
t.start()
t.join()
print(seen)
r.release()

# Recursive functions holding the same lock.
lock = threading.RLock()
calls = []
def fact(n):
    with lock:
        calls.append(n)
        if n <= 1:
            return 1
        return n * fact(n - 1)
print(fact(6), calls)

# Reentrant lock shared by threads: nested with-blocks.
total = 0
def add_twice():
    global total
    for _ in range(2000):
        with lock:
            with lock:
                total += 1
threads = [threading.Thread(target=add_twice) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", total)

# Condition built on an RLock held twice: wait releases it completely.
cond = threading.Condition(threading.RLock())
ready = []
def notifier():
    with cond:
        ready.append(True)
        cond.notify()
with cond:
    with cond:
        t = threading.Thread(target=notifier)
        t.start()
        print("wait returned:", cond.wait_for(lambda: ready, timeout=5))
        print("still owned:", cond._is_owned())
t.join()
print(cond._is_owned())
