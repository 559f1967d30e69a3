# Star-unpacking in assignment, for-targets, calls, and list/tuple/set/dict literals.
a, *b = [1, 2, 3, 4]
*c, d = "xyz"
e, *f, g = range(6)
h, *i = [1]
print(a, b, c, d, e, f, g, h, i)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
print([*range(3), *"ab", 9], (*[1, 2],), sorted({*[1, 1, 2]}), {**{"a": 1}, **{"b": 2}})
print(*[1, 2], *(3,), sep=",")
def f(*args, **kw):
    return args, kw
print(f(*[1], 2, *range(2), **{"x": 1}, y=2))
try:
    x, y = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    x, y, z = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    x, *y, z = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    x, y = 5
except TypeError as err:
    print("TypeError:", err)
m, n = "hi"
print(m, n)
(s), t = 1, 2
print(s, t)
[u, [v, w]] = [1, (2, 3)]
print(u, v, w)
k, = [42]
print(k)
d1 = {"a": 1}
print({**d1, "a": 2}, [*d1], [*d1.items()])
