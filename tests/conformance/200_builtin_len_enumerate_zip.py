# len, enumerate(start), zip (incl. unequal lengths, strict=False default), map and filter.
print(len("abc"), len([1, 2]), len({"a": 1}), len(range(3, 10, 2)), len(b"xy"), len((1,)), len(set()))
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)), list(enumerate("x", -2)))
print(list(zip("abc", [1, 2, 3])), list(zip("abcd", [1, 2])), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
print(list(zip([1, 2], "xy", strict=False)))
try:
    list(zip([1, 2, 3], "xy", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
pairs = list(zip(*[(1, "a"), (2, "b")]))
print(pairs)
for i, (a, b) in enumerate(zip("xy", "XY"), 1):
    print(i, a, b)
try:
    len(iter([]))
except TypeError as e:
    print("TypeError:", e)
