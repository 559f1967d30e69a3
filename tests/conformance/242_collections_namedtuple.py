# namedtuple: fields, defaults, _replace/_asdict/_fields/_make, tuple behaviour, repr; OrderedDict basics.
from collections import namedtuple, OrderedDict
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), len(p), list(p), Point._fields)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), tuple(p), hash(p) == hash((1, 2)))
x, y = p
print(x + y, p + (3,), p * 2, isinstance(p, tuple), type(p).__name__)
Emp = namedtuple("Emp", "name dept salary", defaults=[1000])
e = Emp("ann", "eng")
print(e, Emp._field_defaults, e._replace(salary=5))
try:
    p.x = 5
except AttributeError as err:
    print("AttributeError raised")
try:
    Point(1)
except TypeError as err:
    print("TypeError:", err)
Renamed = namedtuple("Renamed", ["a", "def", "a"], rename=True)
print(Renamed._fields)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
od.move_to_end("b")
print(list(od.items()))
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
