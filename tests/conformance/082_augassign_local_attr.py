# `local.attr op= value`: the order of the attribute get, the value, the
# in-place op and the set; the same object even when the value rebinds the
# local with a walrus; errors at each step.
log = []

class Traced:
    def __init__(self, name, x):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "x", x)
    def __getattribute__(self, attr):
        if attr == "x":
            log.append(("get", object.__getattribute__(self, "name")))
        return object.__getattribute__(self, attr)
    def __setattr__(self, attr, value):
        log.append(("set", self.name, value))
        object.__setattr__(self, attr, value)

class Num:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        log.append(("iadd", self.v, other))
        return Num(self.v + other)
    def __repr__(self):
        return f"Num({self.v})"

def value(v):
    log.append(("value", v))
    return v

def basic():
    t = Traced("t", 1)
    t.x += value(2)
    t.x *= value(3)
    t.x -= 1
    t.x //= 2
    t.x **= 2
    t.x <<= 1
    t.x |= 1
    return t.x

print(basic(), log)
log.clear()

def walrus():
    a = Traced("a", 10)
    keep = a
    a.x += (a := Traced("b", 100)).x
    return keep.x, a.x

print(walrus(), log)
log.clear()

def walrus_in_comprehension():
    a = Traced("a", 1)
    keep = a
    a.x += [(a := Traced("c", 5)) for _ in range(1)][0].x
    return keep.x, a.x

print(walrus_in_comprehension(), log)
log.clear()

def inplace_object():
    t = Traced("t", Num(1))
    t.x += 5
    return t.x

print(inplace_object(), log)
log.clear()

def value_raises():
    t = Traced("t", 1)
    try:
        t.x += 1 // 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    return t.x

print(value_raises(), log)
log.clear()

def op_raises():
    t = Traced("t", "s")
    try:
        t.x += 1
    except TypeError as e:
        print("TypeError", e)
    return t.x

print(op_raises(), log)
log.clear()

def missing_attr():
    class P:
        pass
    p = P()
    try:
        p.y += 1
    except AttributeError as e:
        print("AttributeError", e)
    p.y = 1
    p.y += 1
    return p.y

print(missing_attr())

def unbound():
    try:
        q.x += 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    q = Traced("q", 0)
    q.x += 1
    return q.x

print(unbound(), log)
log.clear()

class Prop:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        log.append("get v")
        return self._v
    @v.setter
    def v(self, x):
        log.append(("set v", x))
        self._v = x

def prop():
    p = Prop()
    p.v += 41
    return p.v

print(prop(), log)
log.clear()

def counter_loop(n):
    class Box:
        pass
    b = Box()
    b.count = 0
    b.total = 0.0
    for i in range(n):
        b.count += 1
        b.total += i / 2
    return b.count, b.total

print(counter_loop(1000))

def nested(self):
    def inner():
        self.x += 1
    inner()
    self.x += 1
    return self.x

print(nested(Traced("n", 0)), log)
