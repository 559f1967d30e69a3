# Program: graph algorithms — BFS shortest paths, DFS order, topological sort, Dijkstra with a sorted list.
from collections import deque
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    dist = {start: 0}
    q = deque([start])
    while q:
        n = q.popleft()
        for m in graph[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                q.append(m)
    return dist
def dfs(n, seen=None, order=None):
    if seen is None:
        seen, order = set(), []
    seen.add(n)
    order.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen, order)
    return order
def topo():
    indeg = {n: 0 for n in graph}
    for ns in graph.values():
        for m in ns:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
print(bfs("a"), dfs("a"), topo())
weighted = {"A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
            "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}}
def dijkstra(src):
    dist = {src: 0}
    frontier = [(0, src)]
    done = set()
    while frontier:
        frontier.sort()
        d, n = frontier.pop(0)
        if n in done:
            continue
        done.add(n)
        for m, w in weighted[n].items():
            if d + w < dist.get(m, float("inf")):
                dist[m] = d + w
                frontier.append((d + w, m))
    return dict(sorted(dist.items()))
print(dijkstra("A"))
