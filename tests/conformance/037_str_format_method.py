# str.format: auto/explicit indexes, keywords, attributes, items, conversions, specs.
print("{} {} {}".format(1, "a", None))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
class Pt:
    x = 3
    y = 4
print("{0.x},{0.y}".format(Pt()), "{p.x}".format(p=Pt()))
print("{!r} {!s} {!a}".format("s", "s", "é"))
print("{:>8}|{:<8}|{:^8}|{:08.2f}|{:,}|{:x}".format("r", "l", "c", 3.14159, 10 ** 7, 255))
print("{:{}}|{:{w}.{p}f}".format("n", 5, 2.71828, w=10, p=3))
print("{{}} {{{}}}".format(7), "{:%}".format(0.5), "{0:{1}}".format(12, "06"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(3.5, "d")
except ValueError as e:
    print("ValueError:", e)
print(format(12, ""), format("abc", "5"), format(255, "#X"), format(-5, "05"), format(5, "=+5"))
