# Program: deterministic bank-queue simulation using deque and a seeded random generator.
import random
from collections import deque
random.seed(2024)
queue = deque()
served = []
waits = []
clock = 0
for minute in range(60):
    for _ in range(random.randint(0, 2)):
        queue.append((minute, random.choice("ABCD")))
    if queue and random.random() < 0.8:
        arrived, kind = queue.popleft()
        served.append(kind)
        waits.append(minute - arrived)
print("served", len(served), "left", len(queue))
print("max wait", max(waits), "avg wait", round(sum(waits) / len(waits), 3))
counts = {k: served.count(k) for k in "ABCD"}
print(counts)
print("".join(served[:30]))
print(list(queue)[:5])
