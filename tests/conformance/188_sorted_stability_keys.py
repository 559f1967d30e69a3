# sort stability across multiple passes, sort by several keys, reverse keeps stability, key called once per item.
records = [("ann", "eng", 30), ("bob", "ops", 25), ("cy", "eng", 25), ("dee", "ops", 30), ("eve", "eng", 35), ("fay", "hr", 25)]
by_age = sorted(records, key=lambda r: r[2])
by_dept_then_age = sorted(by_age, key=lambda r: r[1])
print([r[0] for r in by_age])
print([r[0] for r in by_dept_then_age])
print([r[0] for r in sorted(records, key=lambda r: r[2], reverse=True)])
print([r[0] for r in sorted(records, key=lambda r: (r[1], -r[2]))])
calls = []
def key(r):
    calls.append(r[0])
    return r[2]
sorted(records, key=key)
print(len(calls), calls == [r[0] for r in records])
data = list(range(20))
print(sorted(data, key=lambda v: v % 4))
print(sorted(data, key=lambda v: v % 4, reverse=True))
words = ["b", "B", "a", "A", "c", "C"]
print(sorted(words, key=str.lower), sorted(words, key=str.lower, reverse=True), sorted(words))
lst = [3, 1, 2]
lst.sort(key=lambda v: -v)
print(lst, sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
