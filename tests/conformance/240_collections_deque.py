# collections.deque: append/appendleft/pop/popleft, maxlen dropping, rotate, extendleft, indexing, repr.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(99); print(m)
m.extend([100, 101]); print(m)
print(deque("abc"), deque(), deque(range(5), maxlen=2), list(reversed(deque([1, 2, 3]))))
q = deque([1, 2, 3, 2])
print(q.count(2), q.index(3), 2 in q)
q.remove(2); print(q)
q.insert(1, "ins"); print(q)
q.reverse(); print(q)
q.clear(); print(q, bool(q))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
dq = deque([1, 2, 3])
dq[1] = "mid"
del dq[0]
print(dq, dq == deque(["mid", 3]), deque([1]) + deque([2]), deque([1]) * 2, dq.copy())
