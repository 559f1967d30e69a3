# min/max with key and default, multiple args, sum with start, any/all on empties, abs.
print(max([3, 1, 4]), min([3, 1, 4]), max(3, 1, 4), min("b", "a", "c"), max("hello"))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len), max([], default="empty"), min([], default=None))
print(max([(1, "b"), (1, "a")]), max([1, 3, 3], key=lambda v: -v), max([2, 5, 5, 1], key=lambda v: v // 2))
print(max({"x": 1, "y": 9}, key={"x": 1, "y": 9}.get), min(range(10), key=lambda v: (v - 4) ** 2))
for args in [(), ([],)]:
    try:
        max(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    min([1, 2], [3], default=0)
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(5), start=100), sum([]), sum([0.5, 0.25]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, None, ""]), all([1, "a", [0]]), any(iter([0, 0, 1])))
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 30))
print(sum([1, 2.5]), sum([True, True]), type(sum([1, 2.0])).__name__)
