# object.__getattribute__ does the generic lookup (data descriptors first, then the
# instance dict, then non-data descriptors); property.__get__/__set__/__delete__,
# function.__get__, staticmethod/classmethod.__get__ callable from Python.
class A:
    @property
    def p(self): return 5
    q = property()
print(object.__getattribute__(A(), 'p'))
class D:
    def __get__(self, obj, owner=None): return ("D.get", type(obj).__name__, owner.__name__)
    def __set__(self, obj, v): print("D.set", v)
class ND:
    def __get__(self, obj, owner=None): return "ND.get"
class B:
    d = D()
    nd = ND()
    def m(self): return "m"
    def __getattribute__(self, name):
        if name == "x": return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return "fallback " + name
b = B()
b.d = "inst"
b.nd = "inst-nd"
print(b.d, b.nd, b.x, b.m(), b.zzz, object.__getattribute__(b, "d"), object.__getattribute__(b, "nd"))
try:
    object.__getattribute__(b, "zzz")
except AttributeError as e:
    print("AttributeError", e)
pr = A.__dict__['p']
for f in [lambda: pr.__set__(A(), 1), lambda: pr.__delete__(A()), lambda: pr.__get__(None, A) is pr, lambda: pr.__get__(A()), lambda: pr.__get__(None), lambda: (lambda: 0).__get__(None)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class C:
    def __init__(self): self._v = 1
    def getv(self): return self._v
    def setv(self, v): self._v = v
    def delv(self): print("deleting"); del self._v
    v = property(getv, setv, delv)
c = C()
C.v.__set__(c, 42); print(C.v.__get__(c, C), c.v)
C.v.__delete__(c); print(hasattr(c, "_v"))
f = lambda self, k=2: (self, k)
bm = f.__get__(c)
print(type(bm).__name__, bm.__self__ is c, bm()[1], f.__get__(None, C) is f, f.__get__(c, C)(5)[1])
def g(self): return type(self).__name__
print(g.__get__(3)(), g.__get__("s", str)())
sm = staticmethod(len); cm = classmethod(lambda cls: cls.__name__)
print(sm.__get__(None, C)("abc"), cm.__get__(c)(), cm.__get__(None, C)())
