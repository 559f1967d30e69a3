# Messages of common built-in errors (caught), in CPython's words.
import math
nothing, five = None, 5
probes = [
    lambda: [1, 2][5], lambda: (1,)[3], lambda: "ab"[9], lambda: {"a": 1}["b"], lambda: {1: 2}[3],
    lambda: nothing[0], lambda: five[0], lambda: len(None), lambda: iter(None), lambda: [] + (),
    lambda: 1 + "a", lambda: "a" - "b", lambda: [] * [], lambda: -"x", lambda: ~1.5,
    lambda: 1 < "a", lambda: [1] < "a", lambda: {} < {}, lambda: int("1.0"), lambda: float("x1"),
    lambda: [].remove(1), lambda: "a".index("b"), lambda: (1, 2).index(3), lambda: {}.pop("k"),
    lambda: chr(1114112), lambda: math.sqrt(-2), lambda: "x" * -1 + 1, lambda: list(1),
    lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: "abc".split(1), lambda: sum(["a"]),
    lambda: {}.fromkeys(1), lambda: range(1, 2, 3, 4), lambda: object().nope,
    lambda: tuple(5), lambda: set([[1]]), lambda: sorted(5), lambda: "{}".format,
]
for p in probes:
    try:
        r = p()
        print("no error:", type(r).__name__)
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
