# Arithmetic dunders: __add__/__radd__/__iadd__/__sub__/__mul__/__neg__/__abs__/__bool__, NotImplemented fallbacks.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", o)
        return self + o
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x
        self.y += o.y
        return self
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a + 1, 1 + a)
print(sum([a, b], Vec(0, 0)), sum([a, b]))
keep = a
a += b
print(a, keep is a)
print(bool(Vec(0, 0)), bool(a), "yes" if Vec(0, 1) else "no", not Vec(0, 0))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return Num(self.n + (o.n if isinstance(o, Num) else o))
    def __repr__(self):
        return f"Num({self.n})"
x = Num(1)
y = x
x += 5
print(x, y, x is y)
class Div:
    def __truediv__(self, o): return "truediv"
    def __floordiv__(self, o): return "floordiv"
    def __mod__(self, o): return "mod"
    def __pow__(self, o): return "pow"
    def __rpow__(self, o): return "rpow"
    def __matmul__(self, o): return "matmul"
    def __and__(self, o): return "and"
    def __lshift__(self, o): return "lshift"
    def __invert__(self): return "invert"
    def __pos__(self): return "pos"
d = Div()
print(d / 1, d // 1, d % 1, d ** 2, 2 ** d, d @ d, d & 1, d << 1, ~d, +d)
