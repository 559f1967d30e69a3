# format() builtin and __format__ for ints, floats, strs, with every alignment/sign/width option.
for v in [0, 7, -7, 1234567, 2 ** 40]:
    print(format(v), format(v, "d"), format(v, ">8"), format(v, "<8") + "|", format(v, "^9"), format(v, "+"),
          format(v, " "), format(v, "08"), format(v, ","), format(v, "_"), format(v, "x"), format(v, "#o"), format(v, "e"))
for s in ["", "a", "hello world"]:
    print(repr(format(s, "")), repr(format(s, "5")), repr(format(s, ">5")), repr(format(s, "^7.3")), repr(format(s, "-<4")))
print(format(3.0), format(3.0, "n"), format(1234.5, "_.2f"), format(0.000012345, ".3"), format(123456789.0, ".3"))
print(format(1.0, ".0%"), format(-1.5, "=+10.2f"), format(1e-10, "f"), format(1e21, "f"))
print(format(True), format(None), format([1, 2]), format((1,), ""))
try:
    format([1], "x")
except TypeError as e:
    print("TypeError:", e)
try:
    format("s", "+")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, ".2d")
except ValueError as e:
    print("ValueError:", e)
