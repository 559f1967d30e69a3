# Chained comparisons: evaluation once, short-circuit, mixed operators, identity and membership.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 < x <= 4, 1 != 2 != 1, x in [5] in [[5]], None is None is not False)
print(1 < 2 == 2, "a" < "b" < "c" < "d", [] == [] is not None)
a = [1]
b = a
print(a is b, a is not [1], a == [1], (1, 2) < (1, 3) < (2,))
print((2 if 1 < 2 else 3), not 1 < 2, not (1 < 2 < 3))
print(1 < 2 and 2 < 3 or 0, 0 or 1 and 2, (0 or []) or {}, 3 and 0 and 9)
