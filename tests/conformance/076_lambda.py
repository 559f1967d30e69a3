# lambda: defaults, closures, immediately invoked, in sort keys/map, conditional bodies, __name__.
sq = lambda x: x * x
print(sq(7), (lambda: "iife")(), (lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 3, 5, d=6, f=7))
print(sq.__name__, (lambda: 0).__name__, sorted([3, -1, 2], key=lambda v: -abs(v)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print(list(map(sign, [-2, 0, 5])))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(list(filter(lambda s: s.startswith("a"), ["apple", "bob", "avocado"])))
print((lambda *args: sum(args))(1, 2, 3), (lambda **kw: sorted(kw))(z=1, a=2))
