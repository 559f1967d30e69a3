# Tuples: packing, single-element, immutability, methods, comparison, hashing, nesting.
t = 1, 2, 3
print(t, type(t), (1,), (), tuple(), tuple([1, 2]), tuple("ab"))
print(t.count(2), t.index(3), t + (4,), t * 2, t[::-1], len(t), 2 in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, "a") == (1, "a"))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
a, *rest = t
print(a, rest)
print(repr((1,)), repr(((),)), str((None, "s")), max((3, 1), (2, 9)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
