# __new__ (singletons, immutable subclass), __init_subclass__ registration, __class__ and type checks.
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created instance")
        return cls._inst
    def __init__(self, v):
        self.v = v
s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper("hello")
print(u, len(u), isinstance(u, str), type(u).__name__, u + "!", u.lower())
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(3) + 1).__name__)
registry = {}
class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry[name or cls.__name__] = cls
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
print(sorted(registry), registry["bee"] is B)
print(u.__class__ is Upper, A().__class__.__name__)
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml[:2]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return f"<{key}>"
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), md)
