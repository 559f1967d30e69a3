# Generators: lazy evaluation order, StopIteration, return value, exhaustion, gen attributes.
def gen(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")
    return "done"
g = gen(2)
print("created", type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x
print(list(evens(range(10))), sum(evens(range(100))))
def empty():
    return
    yield
print(list(empty()))
def early():
    yield 1
    return
    yield 2
print(list(early()))
g2 = (x * x for x in range(4))
print(type(g2).__name__, list(g2), list(g2))
def inner_gen():
    x = yield
    print("got", x)
ig = inner_gen()
print(next(ig))
try:
    ig.send("value")
except StopIteration:
    print("stopped after send")
print(gen.__name__, fib().__name__ if hasattr(fib(), "__name__") else "")
