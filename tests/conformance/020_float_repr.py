# Float repr/str: shortest round-trip repr, exponent thresholds, inf/nan, -0.0.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e300, 5e-324, 1.7976931348623157e308, -0.0, 2.5, 1e22, 1e23]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("  1.5  "), float("1e5"), float("-.5"), float("Infinity"), float("-NaN"), float("1_0.5"))
print(float(10), float(True), float("0x10" if False else "16"))
print(0.1 * 3, 0.1 * 3 == 0.3, 1.1 + 2.2)
print(1e308 * 10, -1e308 * 10)
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).hex())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
for bad in ["abc", "", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
