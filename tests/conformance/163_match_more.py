# match extras: as-patterns, nested or-patterns, str/bytes not sequences, non-str mapping keys, tuple vs list.
def f(x):
    match x:
        case [1, (2 | 3) as second, *rest] as whole:
            return f"second={second} rest={rest} whole={whole}"
        case (0 | 1) as bit:
            return f"bit {bit}"
        case {1: "one", **others}:
            return f"mapping int key, others={others}"
        case "abc" | b"abc":
            return f"literal {x!r}"
        case [str() as a, str() as b]:
            return f"two strings {a}+{b}"
        case (x1, y1) if x1 == y1:
            return "equal pair"
        case [*_]:
            return f"some sequence of {len(x)}"
        case _:
            return "default"
for v in [[1, 3, 5, 6], [1, 2], 0, 1, {1: "one", 2: "two"}, "abc", b"abc", ["p", "q"], (4, 4), (4, 5), [], "zz", 3.5]:
    print(repr(v), "->", f(v))
def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case code if 400 <= code < 500:
            return f"client error {code}"
        case _:
            return "other"
print([http(s) for s in [200, 204, 302, 404, 418, 500]])
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print(a + b + c + d)
point = {"x": 1, "y": 2, "z": 3}
match point:
    case {"x": 1, "y": y}:
        print("y is", y)
