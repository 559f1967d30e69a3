# match: sequence patterns (fixed, star, nested), mapping patterns (**rest), str not a sequence.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a},{b}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3, 4], "ab", range(3), {"a": 1}, 5]:
    print(repr(v), "->", seq(v))
def nested(p):
    match p:
        case [(x, y), [z, *_]]:
            return f"x={x} y={y} z={z}"
        case [0, *_] | [*_, 0]:
            return "has zero at an end"
    return "nomatch"
print(nested([(1, 2), [3, 4, 5]]), nested([0, 9, 9]), nested([9, 0]), nested([1]))
def cmd(c):
    match c:
        case {"action": "move", "x": int(x), "y": int(y)}:
            return f"move to {x},{y}"
        case {"action": "say", "text": str(t), **rest}:
            return f"say {t!r} extra={rest}"
        case {"action": a}:
            return f"unknown action {a}"
        case {}:
            return "empty-ish mapping"
    return "no mapping"
for c in [{"action": "move", "x": 1, "y": 2}, {"action": "say", "text": "hi", "vol": 3},
          {"action": "jump"}, {"other": 1}, {"action": "move", "x": "1", "y": 2}, [1]]:
    print(cmd(c))
match (1, [2, 3]):
    case (a, [b, c]) if a + b + c == 6:
        print("sum guard ok", a, b, c)
match {"k": [1, 2]}:
    case {"k": [_, second]}:
        print("second", second)
