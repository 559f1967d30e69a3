# and/or return operands, short-circuit evaluation order, side effects, not on custom objects.
def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(""))
print(t(3) or t(4))
print(t(None) or t(0) or t([]) or t("last"))
print(t(1) and t(0) or t("fallback"))
x = [] or {} or ()
print(repr(x), 0 or 0.0, "" and 1, [0] and "nonempty-list")
class Noisy:
    def __bool__(self):
        print("bool called")
        return False
print(not Noisy(), Noisy() or "alt", type(Noisy() and "never").__name__)
print(all(t(v) for v in [1, 0, 2]), any(t(v) for v in [0, 3, 4]))
a = None
b = a or "default"
c = a and a.missing
print(b, c)
