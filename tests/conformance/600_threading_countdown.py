# The classic example: a CPU-bound count-down run in two threads.
import threading

COUNT = 200000

def countdown(n, results, slot):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    results[slot] = steps

# Sequentially first.
results = [0, 0]
countdown(COUNT, results, 0)
countdown(COUNT, results, 1)
print("sequential:", results)

# Then split between two threads.
results = [0, 0]
t1 = threading.Thread(target=countdown, args=(COUNT // 2, results, 0))
t2 = threading.Thread(target=countdown, args=(COUNT // 2, results, 1))
print(t1.name, t2.name)
print(t1.is_alive(), t2.is_alive())
t1.start()
t2.start()
t1.join()
t2.join()
print("threaded:", results, sum(results))
print(t1.is_alive(), t2.is_alive())
print(threading.active_count())

# Keyword arguments and a return value passed through a shared dict.
totals = {}
def summer(name, start=0, stop=0):
    total = 0
    for i in range(start, stop):
        total += i
    totals[name] = total

threads = [threading.Thread(target=summer, args=("part%d" % k,), kwargs={"start": k * 1000, "stop": (k + 1) * 1000})
           for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(totals.items()))
print(sum(totals.values()) == sum(range(4000)))
