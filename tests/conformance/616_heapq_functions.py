# heapq against known results.
import heapq
import random

data = [5, 1, 8, 3, 9, 2, 7, 4, 6, 0]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(data))])

h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heappushpop(h, -1), h)
print(heapq.heappushpop(h, 4), h)
print(heapq.heapreplace(h, 10), h)
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print("IndexError:", e)
print(heapq.heappushpop([], 3))

rng = random.Random(12345)
big = [rng.randrange(1000) for _ in range(200)]
h = list(big)
heapq.heapify(h)
print(h[:15])
print(all(h[k] <= h[c] for k in range(len(h)) for c in (2 * k + 1, 2 * k + 2) if c < len(h)))
print([heapq.heappop(h) for _ in range(200)] == sorted(big))

print(heapq.nlargest(3, big), heapq.nsmallest(3, big))
print(heapq.nlargest(0, big), heapq.nsmallest(1, big), heapq.nlargest(1, big))
print(heapq.nsmallest(5, [3, 1, 2]), heapq.nlargest(5, iter([3, 1, 2])))
print(heapq.nsmallest(2, []), heapq.nlargest(2, iter([])), heapq.nlargest(1, []))

words = ["pear", "fig", "banana", "kiwi", "apple", "plum", "date", "cherry"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nsmallest(4, words, key=lambda w: w[-1]), heapq.nlargest(4, iter(words), key=lambda w: w[-1]))
pairs = [(rng.randrange(5), i) for i in range(30)]
print(heapq.nsmallest(6, pairs, key=lambda p: p[0]))
print(heapq.nlargest(6, pairs, key=lambda p: p[0]))

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3, 5], [], [2, 2, 6], [0])))
print(list(heapq.merge()))
print(list(heapq.merge([9, 5, 1], [8, 6, 2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([(1, "x"), (3, "x")], [(1, "y"), (2, "y")], key=lambda t: t[0])))
print(list(heapq.merge(["dddd", "a"], ["ccc", "bb"], key=len, reverse=True)))

# Tuples as priorities; a heap-based scheduler.
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "coffee"))
print([heapq.heappop(tasks)[1] for _ in range(4)])

# Heap sort.
def heapsort(xs):
    h = []
    for x in xs:
        heapq.heappush(h, x)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([3.5, -1, 2, 2, 10, 0.5]))
print(sorted(heapq.__all__))
