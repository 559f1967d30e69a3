# Generator expressions: laziness, first iterable evaluated eagerly, single-pass, in calls.
def src(n):
    print("src created")
    for i in range(n):
        print("produce", i)
        yield i
ge = (x * 10 for x in src(3))
print("genexpr built")
print(next(ge))
print(list(ge))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError eager:", e)
lazy_err = (1 / x for x in [1, 0])
print(next(lazy_err))
try:
    next(lazy_err)
except ZeroDivisionError as e:
    print("ZeroDivisionError lazily:", e)
print(sum(x for x in range(5)), max(len(w) for w in ["a", "abc", "ab"]), sorted(c for c in "bca"))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))
def checked(v):
    print("check", v)
    return v > 1
print(any(checked(v) for v in [0, 2, 5]))
print(all(checked(v) for v in [5, 0, 9]))
nested = ((i, j) for i in range(2) for j in "ab")
print(list(nested))
g = (i for i in range(3))
print(list(zip(g, g)))
print(tuple(x for x in "hi"), dict((k, len(k)) for k in ["a", "bb"]), set(x % 2 for x in range(6)) == {0, 1})
