# set/frozenset: operators, methods, subset tests, errors (printed sorted for determinism).
a = {"apple", "banana", "cherry"}
b = {"cherry", "date"}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, ["fig"])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({"cherry"} <= a, {"cherry"} < a, a <= a, a < a, a >= {"apple"}, a.isdisjoint({"x"}), a.issubset(a | b))
s = set()
s.add("x"); s.add("x"); s.update(["y", "z"], "w")
print(sorted(s), len(s))
s.discard("nope"); s.remove("x")
print(sorted(s))
try:
    s.remove("nope")
except KeyError as e:
    print("KeyError:", e)
p = s.pop()
print(p in {"y", "z", "w"}, len(s))
fs = frozenset(["a", "b"])
print(sorted(fs), type(fs).__name__, "a" in fs, hash(fs) == hash(frozenset(["b", "a"])))
try:
    fs.add("c")
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(set(), frozenset(), {1} == frozenset([1]), len({1, 1.0, True}), sorted({"b", "a"} | frozenset("c")))
t = {"k1", "k2"}
t -= {"k1"}; t |= {"k3"}; t &= {"k3", "k2"}; t ^= {"k9"}
print(sorted(t))
print(sorted({x % 3 for x in range(10)}), sorted(set("hello")))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
