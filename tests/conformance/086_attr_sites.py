# One attribute load or store site meeting instances whose dicts differ:
# other insertion orders, deleted and re-added attributes, names built at run
# time, an emptied dict, and a class that gains __setattr__ or a property.

class P:
    pass


def make(order):
    p = P()
    for name in order:
        setattr(p, name, name.upper())
    return p


def read(p):
    return (p.a, p.b, p.c)


def write(p, v):
    p.b = v
    p.c = v * 2


objs = [make("abc"), make("cba"), make("bca"), make("acb")]
for o in objs:
    print(read(o))
for i, o in enumerate(objs):
    write(o, i)
    print(read(o), list(vars(o)))

# Deleting an entry leaves a hole where a site found its name.
o = objs[0]
del o.b
try:
    read(o)
except AttributeError as e:
    print("AttributeError:", e)
write(o, 10)
print(read(o), list(vars(o)))

# Names built at run time are equal but not the same object.
name = "".join(["b"])
setattr(o, name, "runtime")
print(read(o), o.__dict__)
q = P()
for k, v in zip("abc", (1, 2, 3)):
    setattr(q, "".join([k]), v)
print(read(q))
write(q, 7)
print(read(q), q.__dict__)

# An emptied dict, then refilled in another order.
for k in list(vars(q)):
    delattr(q, k)
try:
    read(q)
except AttributeError as e:
    print("AttributeError:", e)
q.c, q.b, q.a = 1, 2, 3
print(read(q), vars(q))


# The class gains __setattr__ after the sites have run.
def loud_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


P.__setattr__ = loud_setattr
write(objs[1], 5)
print(read(objs[1]))
del P.__setattr__
write(objs[1], 6)
print(read(objs[1]))

# ...and a property (a data descriptor) named like an instance attribute.
P.b = property(lambda self: "from property", lambda self, v: print("setter", v))
print(read(objs[2]))
write(objs[2], 8)
print(read(objs[2]), objs[2].__dict__["b"])
del P.b
print(read(objs[2]))


# Many instances through one loop: the common case.
class Node:
    def __init__(self, v, nxt):
        self.value = v
        self.next = nxt


head = None
for i in range(50):
    head = Node(i, head)
total = 0
n = head
while n is not None:
    total += n.value
    n.value = -n.value
    n = n.next
print(total, head.value, head.next.next.value)
