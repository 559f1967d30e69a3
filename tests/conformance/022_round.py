# round(): banker's rounding, ndigits (incl. negative), int vs float results.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 0.125, 0.375, 1.005]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(123456, -3), round(5, 0), type(round(5, 0)), type(round(5.0)), type(round(5.0, 0)))
print(round(0.0), round(-0.0, 1), round(1e300, 2), round(123.456, 10))
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(round(2 ** 70 + 1, -5), round(True), round(7, 3))
