# An instance's __dict__ is the live dict of its attributes: update() in
# __init__, writes and deletes through it, vars(), assignment of a new dict,
# functions', exceptions' and dict subclasses' __dict__, and non-str keys.
class P:
    def __init__(self, **kw):
        self.__dict__.update(kw)

p = P(a=1, b=2)
print(p.a, p.b, vars(p), p.__dict__ is vars(p))
d = p.__dict__
d["c"] = 3
print(p.c)
del d["a"]
print(hasattr(p, "a"), sorted(vars(p)))
p.z = 9
print(d)
p.__dict__ = {"q": 5}
print(p.q, vars(p), hasattr(p, "b"))
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
def f(): pass
f.__dict__["x"] = 3
f.y = 4
print(f.x, f.__dict__)
class R(dict):
    pass
r = R()
r.__dict__["k"] = 1
print(r.k, r.__dict__, type(r.__dict__).__name__)
# dict keys other than str in __dict__
p.__dict__[1] = "one"
print(p.__dict__[1], getattr(p, "q"))
e = ValueError("x")
e.__dict__["note"] = 1
print(e.note)
