# Float details: repr of computed values, int/float conversions, sums (exact cases only), truncation.
vals = [1 / 7, 22 / 7, 1e-323, 2 ** -1074, 0.1 * 0.1, 1 - 0.9, 100 * 1.1, 3 * 1.1, 1e15 + 0.3]
print(vals)
print(float(2 ** 53 + 1), float(-(2 ** 60)), float("1e400"), float("-1e-400"))
print(9.99e22, 1.0e-9, 12345678.9, 0.000001, 0.0000001, 1e50 / 3)
print(sum([0.5, 0.25, 0.125]), sum([1.0] * 10), sum([1e100, 1.0, -1e100]) if False else "skip")
print(2.5 // 1, 2.5 % 1, -2.5 // 1, -2.5 % 1, 7.0 // 2, 7 // 2.0, 1e300 // 1e-10 == float("inf"))
print(int(1e16), int(-1e-16), int(123.999999), float(int(1e16)) == 1e16)
print(3.0 * 2, 3.0 + 2, 6.0 / 3, type(6 / 3).__name__, 2 ** 0.0, 0.0 ** 0)
x = 0.0
for _ in range(10):
    x += 0.1
print(x, x == 1.0, round(x, 10) == 1.0)
print(f"{0.1:.17f}", f"{1/3:.20f}", "%.15g" % 0.1, "%.17g" % 0.1, repr(1.0000000000000002))
