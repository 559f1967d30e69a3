# List/dict/set comprehensions: conditions, nesting, scoping (loop var doesn't leak), class scope.
print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sorted({c.upper() for c in "hello"}), {x % 3 for x in range(9)} == {0, 1, 2})
print([x if x > 2 else -x for x in range(5)])
x = "outer"
print([x for x in range(3)], x)
print([y for y in range(3) for y in "ab"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [n for row in matrix for n in row if n % 2])
print({i: [j for j in range(i)] for i in range(3)})
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 10
    try:
        scaled = [v * n for v in vals]
    except NameError as e:
        scaled = str(e)
print(C.doubled, C.scaled)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([(a, b) for a, b in [(1, 2), (3, 4)]], [a for a, *_ in [(1, 2, 3), (4, 5)]])
words = ["apple", "bob", "kayak", "level", "xyz"]
print([w for w in words if w == w[::-1]], {w[0]: w for w in words})
print([i for i in range(20) if i % 2 if i % 3])
