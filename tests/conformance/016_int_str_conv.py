# int <-> str conversions: str/repr/format of ints, leading zeros, signs, digit strings of bigints.
for v in [0, -0, 7, -7, 10 ** 18, -(10 ** 18), 2 ** 63, -(2 ** 63) - 1]:
    print(str(v), repr(v), f"{v}", "%d" % v, len(str(v)))
print(int("007"), int("-000"), int("0" * 50 + "1"), str(int("1" * 40)))
print(int(str(3 ** 100)) == 3 ** 100, str(10 ** 100).count("0"))
print(int(12.0), int(-12.999), int(1e18), int(1.5e18), int(2 ** 0.5 * 1e6))
print(int("12", base=3), int("-ff", base=16), int("  +0b111  ", 0), int("Zz", 36))
print(bin(2 ** 65), oct(-(8 ** 20)), hex(16 ** 17 - 1))
print(str(True + 0), str(-True), int(False), int("1_000_000"))
print([int(c) for c in "0123456789"], sum(int(d) for d in str(2 ** 100)))
print(int.__name__, (255).__format__("x"), (-3).__abs__(), (7).__neg__(), (2).__pow__(10))
