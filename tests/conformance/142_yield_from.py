# yield from: delegation, return value of subgenerator, send/throw passthrough, flattening.
def sub():
    x = yield "sub1"
    print("sub got", x)
    y = yield "sub2"
    print("sub got", y)
    return "sub-result"
def outer():
    r = yield from sub()
    print("outer got result", r)
    yield "outer-final"
g = outer()
print(next(g), g.send("A"), g.send("B"))
print(list(g))
def flatten(x):
    if isinstance(x, list):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(2), (x for x in [9]))))
def catcher():
    try:
        yield 1
    except ValueError:
        yield "sub handled ValueError"
def delegating():
    yield from catcher()
d = delegating()
next(d)
print(d.throw(ValueError))
def ret_only():
    return 5
    yield
def use():
    v = yield from ret_only()
    yield v * 2
print(list(use()))
def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return i
def total():
    a = yield from counter(3)
    b = yield from counter(2)
    return a + b
t = total()
print(list(t))
try:
    next(total().__iter__()) and None
    g2 = total()
    while True:
        next(g2)
except StopIteration as s:
    print("total returns", s.value)
