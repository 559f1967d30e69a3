# hash() consistency rules: equal numbers hash equal, hash(-1) quirk, tuples, frozensets, unhashables.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 100) == hash(float(2 ** 100)), hash(1.5) == hash(1.5), hash(complex(2, 0)) == hash(2))
print(hash(-1), hash(-2), hash(5), hash(10 ** 6), hash(0.5) == hash(0.5))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(None) == hash(None), hash("abc") == hash("abc"), hash(b"x") == hash(b"x"))
print(hash(float("inf")), hash(float("-inf")), hash(2 ** 61 - 1), hash(2 ** 61))
for bad in [[], {}, set(), ([1],)]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, {0: "a", False: "b", 0.0: "c"})
s = {1, 1.0, True}
print(len(s), 1 in {1.0}, 2 ** 64 in {2.0 ** 64})
