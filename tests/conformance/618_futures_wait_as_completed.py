# wait() with each return_when, and as_completed(), in a controlled order.
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, as_completed,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)

def gated(gate, value):
    gate.wait(5)
    if isinstance(value, Exception):
        raise value
    return value

ex = ThreadPoolExecutor(max_workers=4)

# ALL_COMPLETED (the default)
gates = [threading.Event() for _ in range(3)]
fs = [ex.submit(gated, g, i) for i, g in enumerate(gates)]
for g in gates:
    g.set()
res = wait(fs)
print(type(res).__name__, len(res.done), len(res.not_done), sorted(f.result() for f in res.done))
done, not_done = res
print(done == set(fs), not_done)

# FIRST_COMPLETED: only one call is allowed to finish.
gates = [threading.Event() for _ in range(3)]
fs = [ex.submit(gated, g, i) for i, g in enumerate(gates)]
gates[1].set()
done, not_done = wait(fs, return_when=FIRST_COMPLETED)
print([f.result() for f in done], len(not_done))
for g in gates:
    g.set()
wait(fs)

# FIRST_EXCEPTION: returns when one call raises.
gates = [threading.Event() for _ in range(3)]
fs = [ex.submit(gated, gates[0], 0), ex.submit(gated, gates[1], ValueError("bad")), ex.submit(gated, gates[2], 2)]
gates[0].set()
fs[0].result()  # finished before the exception, so it is in done too
gates[1].set()
done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
print(sorted(repr(f.exception()) for f in done), len(not_done), fs[2] in not_done)
gates[2].set()
# FIRST_EXCEPTION without any exception waits for all.
done, not_done = wait([fs[0], fs[2]], return_when=FIRST_EXCEPTION)
print(len(done), len(not_done))
# Already finished with an exception: returns at once.
done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
print(len(done), len(not_done))

# A timeout leaves the pending ones in not_done.
g = threading.Event()
slow = ex.submit(gated, g, "slow")
done, not_done = wait([slow], timeout=0.02)
print(len(done), len(not_done), slow.done())
g.set()
print(slow.result())

# wait() on an empty list, and with duplicates.
print(wait([]))
f = ex.submit(lambda: 1)
print(len(wait([f, f, f]).done))

try:
    wait([slow], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)
g2 = threading.Event()
pending = ex.submit(gated, g2, 0)
try:
    wait([pending], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)
g2.set()

# as_completed yields in completion order; here the order is forced.
gates = [threading.Event() for _ in range(4)]
fs = [ex.submit(gated, g, "call%d" % i) for i, g in enumerate(gates)]
order = []
release_order = [2, 0, 3, 1]
gates[release_order[0]].set()
for n, f in enumerate(as_completed(fs)):
    order.append(f.result())
    if n + 1 < len(release_order):
        gates[release_order[n + 1]].set()
print(order)

# Finished futures come out first; duplicates once.
a = ex.submit(lambda: "a")
a.result()
print([f.result() for f in as_completed([a, a])])

# as_completed with a timeout.
g = threading.Event()
late = ex.submit(gated, g, "late")
early = ex.submit(lambda: "early")
early.result()
got = []
try:
    for f in as_completed([late, early], timeout=0.02):
        got.append(f.result())
except TimeoutError as e:
    print("TimeoutError:", e, got)
g.set()
print(late.result())
ex.shutdown()
