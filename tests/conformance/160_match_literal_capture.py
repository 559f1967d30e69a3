# match: literal, capture, wildcard, or-patterns, guards, value patterns (dotted names), None/True.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | complex():
            return f"non-int number {x}"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case other:
            return f"other {other!r}"
for v in [0, 2, "hello", None, True, -5, 2.5, 1j, "lengthy", "abc", 100, [1]]:
    print(v, "->", describe(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case _:
            return "unknown"
print(color("red"), color("green"), color("blue"))
match 5:
    case x:
        print("captured", x)
print(x)
match 1.0:
    case 1:
        print("1.0 matches literal 1")
match False:
    case 0:
        print("False matched literal 0 (compares with ==)")
    case False:
        print("False matched False")
