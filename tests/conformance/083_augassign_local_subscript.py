# `local[key] op= value` with a number or a local as the key: the order of
# __getitem__, the value, the in-place op and __setitem__; the same container
# and key even when the value rebinds them with a walrus; errors.
log = []

class Seq:
    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
    def __getitem__(self, k):
        log.append(("get", self.name, k))
        return self.items[k]
    def __setitem__(self, k, v):
        log.append(("set", self.name, k, v))
        self.items[k] = v

def value(v):
    log.append(("value", v))
    return v

def basic():
    s = Seq("s", [1, 2, 3])
    s[0] += value(10)
    s[-1] *= 3
    i = 1
    s[i] -= value(5)
    s[i] **= 2
    return s.items

print(basic(), log)
log.clear()

def walrus_container():
    s = Seq("s", [1])
    keep = s
    s[0] += (s := Seq("t", [100]))[0]
    return keep.items, s.items

print(walrus_container(), log)
log.clear()

def walrus_key():
    s = Seq("s", [1, 2])
    i = 0
    s[i] += (i := 1)
    return s.items, i

print(walrus_key(), log)
log.clear()

def plain_containers():
    l = [1.5, 2.5]
    d = {"a": 1, 2: 10}
    t = [[0] * 3 for _ in range(2)]
    for k in range(3):
        l[0] += k
        l[-1] -= k / 2
        d[2] //= 2
    row = t[1]
    row[2] += 7
    k = "a"
    d[k] += 41
    return l, d, t

print(plain_containers())

def errors():
    l = [1]
    try:
        l[5] += 1
    except IndexError as e:
        print("IndexError", e)
    d = {}
    try:
        d[0] += 1
    except KeyError as e:
        print("KeyError", e)
    t = (1, 2)
    try:
        t[0] += 1
    except TypeError as e:
        print("TypeError", e)
    s = "ab"
    try:
        s[0] += "c"
    except TypeError as e:
        print("TypeError", e)
    l = [[1]]
    l[0] += [2]
    return l, t

print(errors())

def velocities(n):
    v = [0.0, 0.0, 0.0]
    for i in range(n):
        v[0] += 0.5
        v[1] -= i * 0.25
        v[2] *= 1.0001
    return v

print(velocities(1000))
