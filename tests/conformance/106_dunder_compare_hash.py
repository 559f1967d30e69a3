# __eq__/__lt__/__le__ etc, reflected comparisons, NotImplemented, __hash__ rules.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"V({self.v})"
a, b, c = V(1), V(2), V(1)
print(a == c, a != b, a < b, b > a, a == 1, 1 == a, a != "x")
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)]), min(V(4), V(2)))
print(len({a, b, c}), {a: "x"}[c], a in [c], V(9) in {V(9)})
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__ is None)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(p == p, p != p, hash(p) == hash(p), p == Plain())
class Rev:
    def __gt__(self, other):
        return "Rev.__gt__ called"
print(3 < Rev())
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
