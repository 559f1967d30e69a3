# int() parsing: bases, prefixes, underscores, whitespace and its ValueErrors.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("1_000"), int(" -12 "))
print(int("٣"))
print(int(b"42"), int(3.99), int(-0.5), int("0"))
for bad in ["abc", "", "1.5", "12a", " ", "1__0", "_1", "0x10", "++1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for s, b in [("12", 2), ("g", 16), ("0x1", 10), ("9", 8)]:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(int(), int("-0b11", 0), int("0_7"))
