# sorted/list.sort: key, reverse, stability, mixed-type errors, sorting tuples and strings.
data = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: "a", 1: "b"}), sorted([]))
words = "The quick Brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
nums.sort(key=lambda n: n % 3); print(nums)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([None, None, 1])
except TypeError as e:
    print("TypeError:", e)
print(sorted([[2, 1], [1, 2], [1]]), sorted([2.5, 1, True, -0.5]))
recs = [{"n": i % 3, "i": i} for i in range(9)]
print([r["i"] for r in sorted(recs, key=lambda r: r["n"])])
print([r["i"] for r in sorted(recs, key=lambda r: r["n"], reverse=True)])
a = [4, 2, 3]
print(a.sort(), a, sorted(a) is a)
