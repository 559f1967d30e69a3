# match: class patterns with keywords and positional __match_args__ (dataclass and manual), builtins.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: float
class Manual:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c):
            return f"circle at {c}"
        case Manual(1, b):
            return f"manual b={b}"
        case int(n) | float(n):
            return f"number {n}"
        case str(s):
            return f"str {s}"
        case (a, b):
            return f"pair {a} {b}"
    return "unmatched"
for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(1, 1), 20),
          Circle(Point(0, 0), 1), Manual(1, "bee"), Manual(2, 0), 7, 2.5, "s", (1, 2)]:
    print(where(v))
print(Point.__match_args__, Circle.__match_args__)
try:
    match Manual(1, 2):
        case Manual(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
