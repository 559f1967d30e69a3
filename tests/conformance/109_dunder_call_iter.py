# __call__, __iter__/__next__ iterator classes, __getattr__ fallback, __setattr__ hooks.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, twice=False):
        return (x + self.n) * (2 if twice else 1)
add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), callable(Adder), callable(5), callable(print))
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
c = Countdown(3)
print(list(c), list(c), iter(c) is c)
print([x * 2 for x in Countdown(4)], sum(Countdown(10)), max(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Dyn:
    real = "real"
    def __getattr__(self, name):
        return f"dyn:{name}"
d = Dyn()
print(d.real, d.anything, getattr(d, "other"), hasattr(d, "whatever"))
class Logged:
    def __setattr__(self, name, value):
        print(f"set {name}={value!r}")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print(f"del {name}")
        super().__delattr__(name)
lg = Logged()
lg.a = 1
lg.a += 1
del lg.a
print(hasattr(lg, "a"))
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __iter__(self):
        yield self.a
        yield self.b
x, y = Pair(1, 2)
print(x, y, list(Pair("p", "q")), dict([Pair("k", "v")]))
