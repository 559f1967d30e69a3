# Augmented assignment on attributes, subscripts and slices evaluates the target once.
calls = []
def key(k):
    calls.append(k)
    return k
d = {"a": 1}
d[key("a")] += 10
print(d, calls)
lst = [1, 2, 3]
idx = iter([0, 1])
lst[next(idx)] += 100
print(lst, next(idx))
class Obj:
    def __init__(self):
        self.v = 1
o = Obj()
o.v += 5
o.v *= 2
print(o.v)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
print(grid)
bad = [[0] * 2] * 2
bad[0][0] = 9
print(bad)
s = [1, 2, 3, 4]
s[1:3] += ["x"]
print(s)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
c = {"n": []}
c["n"] += "ab"
print(c)
n = 7
n //= 2; n **= 2; n -= 0.5
print(n)
