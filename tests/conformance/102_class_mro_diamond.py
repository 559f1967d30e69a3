# Multiple inheritance: diamond MRO (C3), cooperative super(), bad MRO TypeError.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self, **kw):
        self.inits = ["Base"]
class Left(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.inits.append("Left")
class Right(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.inits.append("Right")
class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.inits.append("Bottom")
print(Bottom().inits)
class M1:
    tag = "m1"
class M2:
    tag = "m2"
    extra = "e2"
class Both(M1, M2):
    pass
print(Both.tag, Both.extra, [c.__name__ for c in Both.__mro__])
