# @dataclass: generated __init__/__repr__/__eq__, defaults, field order, default_factory, asdict.
from dataclasses import dataclass, field, asdict, astuple, fields, replace
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
q = Point(1, 0)
print(p, p == q, p != Point(2), p.tags is not q.tags)
p.tags.append("a")
print(p, q, asdict(p), astuple(q))
print([f.name for f in fields(Point)], replace(p, y=9))
@dataclass
class Inventory:
    name: str
    price: float
    qty: int = 1
    def total(self):
        return self.price * self.qty
items = [Inventory("widget", 2.5, 4), Inventory("gadget", 10.0)]
print(items, [i.total() for i in items])
try:
    Inventory()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2), Child(1, 2, [3], 4))
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3)])))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1))
