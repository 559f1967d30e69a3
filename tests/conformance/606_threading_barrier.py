# Barrier: parties, action, indices, reuse, abort, reset, timeouts.
import threading

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("action"))
print(barrier.parties, barrier.n_waiting, barrier.broken)

indices = []
phase_log = []
lock = threading.Lock()
def party(name):
    for phase in range(3):
        with lock:
            phase_log.append((phase, name, "arrive"))
        i = barrier.wait()
        with lock:
            indices.append((phase, i))

threads = [threading.Thread(target=party, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(actions)
print(sorted(indices))
# Every arrival of phase p comes before any arrival of phase p+1.
phases = [p for p, _, _ in phase_log]
print(phases == sorted(phases))
print(barrier.n_waiting, barrier.broken)

# abort() breaks the barrier for current and future waiters.
b = threading.Barrier(3)
errors = []
def waiter():
    try:
        b.wait()
    except threading.BrokenBarrierError as e:
        errors.append(type(e).__name__)
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting < 1:
    threading.Event().wait(0.001)
b.abort()
t.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")
b.reset()
print("after reset:", b.broken, b.n_waiting)

# reset() while a thread waits: it gets BrokenBarrierError.
b = threading.Barrier(2)
errors = []
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting < 1:
    threading.Event().wait(0.001)
b.reset()
t.join()
print(errors, b.broken)

# A wait timeout breaks the barrier.
b = threading.Barrier(2, timeout=0.01)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("timed out; broken:", b.broken)

# An exception in the action breaks the barrier and reaches the releasing thread.
def bad_action():
    raise ValueError("action failed")
b = threading.Barrier(2, action=bad_action)
outcomes = []
def w2():
    try:
        b.wait()
        outcomes.append("ok")
    except threading.BrokenBarrierError:
        outcomes.append("broken")
    except ValueError as e:
        outcomes.append("ValueError: %s" % e)
threads = [threading.Thread(target=w2) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(outcomes))
print(issubclass(threading.BrokenBarrierError, RuntimeError))

# A barrier of one never blocks.
single = threading.Barrier(1)
print(single.wait(), single.wait())
