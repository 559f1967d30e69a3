# Float arithmetic: floor div/mod with negatives, comparisons with ints, nan rules, overflow.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.3)]:
    print(a, b, a // b, a % b, divmod(a, b))
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 400, -inf < -10 ** 400)
print(inf + 1, inf - inf, inf * 0, 0.0 * -1, -0.0 == 0.0)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 0.5 < 1, 3 > 2.9999)
print(1 / 3 * 3, 7 / 2, -7 / 2, 1e300 * 1e10)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 3
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
print(abs(-2.5), -2.5 .__abs__(), (3.7).__trunc__(), int(-3.7))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), sorted([3, 1.5, 2, -0.5]))
print(float("nan") in [float("nan")], nan in [nan])
print(round(2.675, 2), round(1e-10, 3), 0.1 + 0.7)
print((-1.0) ** 0.5 == complex(0, 1), type((-1.0) ** 0.5))
