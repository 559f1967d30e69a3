# Bound vs unbound: functions stored on instances are not bound, methods bound on access, staticmethods.
class C:
    def m(self, x):
        return ("m", x)
def free(*args):
    return ("free", len(args))
c = C()
c.f = free
C.g = free
print(c.f(1), c.g(1), C.g(1))
bm = c.m
print(bm(5), C.m(c, 5), bm.__self__ is c, bm.__func__ is C.m)
methods = [c.m, C().m]
print([mm(0) for mm in methods])
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
ctr = Counter()
inc = ctr.inc
inc(); inc()
print(ctr.n, list(map(lambda _: ctr.inc(), range(3))), ctr.n)
print(getattr(c, "m")(9), getattr(C, "m")(c, 8))
class WithCall:
    def __call__(self, v):
        return v * 2
C.h = WithCall()
print(c.h(4))
print(type(c.m).__name__, type(C.m).__name__, type(c.f).__name__)
