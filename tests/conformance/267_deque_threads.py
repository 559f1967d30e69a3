# deque operations are atomic under parallel threads: no item lost or
# duplicated by concurrent popleft/pop/append, extend adds its items as one block.
import threading
from collections import deque

d = deque(range(100000))
got = []
def consume():
    while True:
        try:
            got.append(d.popleft())
        except IndexError:
            return
ts = [threading.Thread(target=consume) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(got) == list(range(100000)), len(d))

d = deque()
def produce(k):
    for i in range(20000):
        if i % 2:
            d.append((k, i))
        else:
            d.appendleft((k, i))
ts = [threading.Thread(target=produce, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), len(set(d)))

both = []
lock = threading.Lock()
def take(side):
    mine = []
    while True:
        try:
            mine.append(d.pop() if side else d.popleft())
        except IndexError:
            break
    with lock:
        both.extend(mine)
ts = [threading.Thread(target=take, args=(k % 2,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(both), len(set(both)), len(d))

d = deque()
def blocks(k):
    for j in range(500):
        d.extend([(k, j, n) for n in range(10)])
ts = [threading.Thread(target=blocks, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
items = list(d)
ok = all(items[i][:2] == items[i + n][:2] and items[i + n][2] == n for i in range(0, len(items), 10) for n in range(10))
print(len(items), ok)

m = deque(maxlen=100)
def fill(k):
    for i in range(10000):
        m.append(i)
        m.appendleft(-i)
ts = [threading.Thread(target=fill, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(m), m.maxlen)

r = deque(range(1000))
def spin():
    for i in range(2000):
        r.rotate(i % 7 - 3)
ts = [threading.Thread(target=spin) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(r) == list(range(1000)))
