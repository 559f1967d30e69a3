# repr/float round-trips and str<->number conversion across many magnitudes.
vals = [0.1, 1 / 3, 2 / 7, 1e-300, 1.7976931348623157e308, 123456.789, 5e-324, 0.1 + 0.2, 1e21, 1e-7, 2.0 ** 60]
print(all(float(repr(v)) == v for v in vals), [repr(v) for v in vals])
print([str(float(x)) for x in ["1", "1.0", "1e0", "-0", "00.50", "1_000.5", ".5e1", "5.e-1"]])
print([int(float(x)) for x in ["1e3", "-2.5", "0.999"]])
for x in [1, 12, 123456789, 10 ** 15, 10 ** 16, 10 ** 17]:
    print(x, float(x), x / 1, x * 1.0, float(str(x)))
print(float("1e-320"), float("4.9e-324"), float("2.5e-324"), float("1e-400"))
print(repr(float(10 ** 22)), repr(float(10 ** 23)), str(2 ** 0.5), str(-1 / 3), repr(100.0 / 3.0))
