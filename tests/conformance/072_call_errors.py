# TypeError messages for bad calls, in CPython's exact words.
def f(a, b, c=3):
    pass
def k(*, x):
    pass
def p(a, /, b):
    pass
class C:
    def m(self, x):
        pass
five, text, nothing = 5, "abc", None
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: k(1),
    lambda: k(),
    lambda: p(a=1, b=2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: (lambda x: x)(),
    lambda: f(1, 2, **{"b": 5}),
    lambda: five(),
    lambda: text(),
    lambda: nothing(),
    lambda: abs("x"),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
