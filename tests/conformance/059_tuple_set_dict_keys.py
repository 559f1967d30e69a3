# Using tuples and frozensets as dict keys/set members, membership by value, nested structures.
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], (2, 2) in grid, (3, 3) in grid, len(grid))
visited = set()
visited.add((0, 0)); visited.add((0, 0)); visited.add((1, 0))
print(len(visited), (1, 0) in visited, sorted(visited))
fk = {frozenset("ab"): "ab", frozenset(): "empty"}
print(fk[frozenset("ba")], fk[frozenset()])
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
edges = {("a", "b"): 1, ("b", "c"): 2}
print({v: k for k, v in edges.items()}, sum(edges.values()), sorted(k[0] for k in edges))
memo = {}
def paths(r, c):
    if (r, c) in memo:
        return memo[(r, c)]
    if r == 0 or c == 0:
        return 1
    memo[(r, c)] = paths(r - 1, c) + paths(r, c - 1)
    return memo[(r, c)]
print(paths(10, 10), len(memo))
print(hash((1, (2, 3))) == hash((1, (2, 3))), {(1, 2): 0} == {(1.0, 2.0): 0})
