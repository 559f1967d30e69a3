# __index__, __int__, __float__, __complex__, __bool__ via len, __round__/__abs__/__hash__ conversions.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(3)
print([10, 20, 30, 40][i], "abcdef"[Idx(1):Idx(4)], list(range(Idx(4))), hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print(operator_free := "x" * Idx(3), int(Idx(7)) if hasattr(Idx, "__int__") else "no __int__")
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
    def __round__(self, n=None):
        return f"rounded {n}"
    def __abs__(self):
        return "abs!"
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), abs(n))
try:
    [1, 2][Num()]
except TypeError as e:
    print("TypeError:", e)
class L:
    def __len__(self):
        return 2
print(bool(L()), len(L()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
print(f"{3.7:.0f}", int(3.7), round(3.7), float(7), complex(2))
