# Name and attribute lookups stay right when what they found changes: globals
# rebound or deleted, builtins shadowed and unshadowed, methods replaced on the
# class or a base, instance attributes shadowing methods, class attributes
# deleted, and locals read by fused instructions (self.x, return x).
import builtins


def use_len(x):
    return len(x)


def g():
    return 1


def call_g():
    return g()


out = []
for i in range(6):
    if i == 2:
        def g():
            return 2
    if i == 4:
        len = lambda x: -1      # a global now shadows the builtin
    if i == 5:
        del len                 # and the builtin shows again
    out.append((call_g(), use_len("abc")))
print(out)

saved = builtins.abs
res = []
for i in range(4):
    if i == 2:
        builtins.abs = lambda x: "patched"
    res.append(abs(-3))
builtins.abs = saved
res.append(abs(-3))
print(res)


class Base:
    kind = "base"

    def who(self):
        return "Base.who"


class Child(Base):
    pass


c = Child()
seen = []
for i in range(8):
    if i == 2:
        Base.who = lambda self: "patched Base.who"
    if i == 3:
        Child.who = lambda self: "Child.who"
    if i == 4:
        c.who = lambda: "instance who"
    if i == 5:
        del c.who
    if i == 6:
        del Child.who
    if i == 7:
        Child.kind = "child"
    seen.append((c.who(), c.kind, Child.kind))
for s in seen:
    print(s)

del Base.kind
try:
    c.kind
except AttributeError as e:
    print("AttributeError:", e)


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def bump(self):
        self.x += 1
        return self.x


p = P(1)
vals = []
for i in range(5):
    vals.append((p.get(), p.bump()))
    if i == 2:
        P.get = lambda self: self.x * 100
print(vals)


def take(o):
    r = o
    return r


obj = [1, 2]
print(take(obj) is obj, take(obj) is obj, obj)


def unbound():
    try:
        return q.attr
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = None


unbound()


def unbound_method():
    try:
        q.m()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = None


unbound_method()


class Meta(type):
    def describe(cls):
        return "Meta.describe of " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


for i in range(3):
    if i == 1:
        Meta.describe = lambda cls: "patched " + cls.__name__
    print(WithMeta.describe())
