# Calling classes: builtin classes, their subclasses with and without
# __init__, __new__ returning another object, and the errors on the way.
print(str(42), str(), str(b"ab", "ascii"), int("ff", 16), int("10", base=2), float("1.5"))
print(list(range(3)), tuple("ab"), dict(a=1), set([1, 1]), list(enumerate("xy", start=5)))

class S(str):
    pass

class T(str):
    def __init__(self, *args):
        self.seen = args

class L(list):
    def __init__(self, n):
        super().__init__(range(n))

s, t, l = S("hi"), T("yo"), L(3)
print(type(s).__name__, s, type(t).__name__, t, t.seen, l, type(l).__name__)

class Odd:
    def __new__(cls, x):
        if x:
            return 7
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)

print(Odd(1), type(Odd(0)).__name__)

class Base:
    def __new__(cls, *a):
        return super().__new__(Sub) if a else super().__new__(cls)
    def __init__(self, *a):
        print("Base init", a)

class Sub(Base):
    def __init__(self, *a):
        print("Sub init", a)

print(type(Base()).__name__, type(Base(1, 2)).__name__)

for bad in (lambda: str(1, 2, 3, 4), lambda: int("x"), lambda: float("nan?"), lambda: range(), lambda: list(1, 2), lambda: dict(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class Meta(type):
    def __call__(cls, *a):
        print("Meta call", a)
        return super().__call__(*a)

class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v

print(M(5).v)
print(S("a") + S("b"), isinstance(S("q"), str), str(S("z")) == "z")
