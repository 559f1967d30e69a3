# Condition: wait/notify, wait_for, notify(n), notify_all, timeouts and errors.
import threading

cond = threading.Condition()
items = []
log = []

def consumer(name):
    with cond:
        cond.wait_for(lambda: items)
        log.append((name, items.pop(0)))

# Consumers wait; items are added one at a time with notify().
threads = [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for t in threads:
    t.join()
print(sorted(v for _, v in log), len(log))

# Strict ping-pong between two threads with a shared turn variable.
turn = ["ping"]
trace = []
def player(me, other, rounds):
    for _ in range(rounds):
        with cond:
            while turn[0] != me:
                cond.wait()
            trace.append(me)
            turn[0] = other
            cond.notify_all()
a = threading.Thread(target=player, args=("ping", "pong", 4))
b = threading.Thread(target=player, args=("pong", "ping", 4))
a.start(); b.start(); a.join(); b.join()
print(trace)

# notify(n) wakes n waiters; notify_all the rest.
woken = []
waiting = [0]
all_waiting = threading.Event()
def sleeper(i):
    with cond:
        waiting[0] += 1
        if waiting[0] == 5:
            all_waiting.set()
        cond.wait()
        woken.append(i)
threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
all_waiting.wait()
with cond:
    # Every sleeper is inside wait() now: the last one released the lock there.
    cond.notify(2)
with cond:
    pass
# Wait until the two woken threads are done, then wake the rest.
for _ in range(100):
    with cond:
        if len(woken) == 2:
            break
    threading.Event().wait(0.005)
print("after notify(2):", len(woken))
with cond:
    cond.notify_all()
for t in threads:
    t.join()
print("after notify_all:", sorted(woken))

# Timeouts
with cond:
    print("wait timeout:", cond.wait(0.01))
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.01))
    print("wait_for value:", cond.wait_for(lambda: 42, timeout=0.01))
    print("wait(0):", cond.wait(0))

# Errors
c2 = threading.Condition(threading.Lock())
for name, call in [("wait", c2.wait), ("notify", c2.notify), ("notify_all", c2.notify_all)]:
    try:
        call()
    except RuntimeError as e:
        print(name, "->", e)

# A Condition over a plain Lock; acquire/release are the lock's.
c3 = threading.Condition(threading.Lock())
print(c3.acquire(), c3._is_owned())
c3.release()
print(c3._is_owned())
with c3 as v:
    print("enter value:", v)
