# iter()/next(): sentinel form, default, iterating builtins, iterator exhaustion, reversed.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
data = [5, 4, 0, 3]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))
calls = []
def produce():
    calls.append(1)
    return len(calls)
print(list(iter(produce, 4)))
for obj in ["ab", (1, 2), {"k": 1}, {3}, range(2), b"x", enumerate("z"), zip("a", "b")]:
    i = iter(obj)
    print(type(obj).__name__, next(i), iter(i) is i)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
r = reversed([1, 2, 3])
print(next(r), list(r), list(reversed("abc")), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
m = map(str, [1, 2])
print(list(m), list(m))
e = enumerate(["a", "b"])
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z))
class It:
    def __iter__(self):
        return iter([7, 8])
a, b = It()
print(a, b, [*It()], list(It()))
