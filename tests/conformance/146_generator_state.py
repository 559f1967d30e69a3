# Generator object state: gi_frame/gi_running-free checks, generators in classes, reuse, recursion via yield from.
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), sum(t), max(t))
def gen():
    yield 1
g = gen()
print(list(g), list(g))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
def stateful():
    seen = []
    while True:
        x = yield len(seen)
        if x is None:
            return seen
        seen.append(x)
s = stateful()
next(s)
for v in "abc":
    print(s.send(v), end=" ")
print()
try:
    s.send(None)
except StopIteration as e:
    print("returned", e.value)
def gen_in_gen():
    def inner():
        yield "i1"
        yield "i2"
    for x in inner():
        yield x.upper()
print(list(gen_in_gen()))
def raise_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raise_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
