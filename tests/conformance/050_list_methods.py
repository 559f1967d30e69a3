# list methods: append/extend/insert/remove/pop/index/count/reverse/sort/copy/clear.
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(-1, "pen"); a.insert(100, "last"); a.insert(-100, "zero"); print(a)
a.remove(1); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(5), a.index(1), a.count(1), a.count(42))
b = [5, 2, 8, 1]
b.reverse(); print(b)
b.sort(); print(b)
b.sort(reverse=True); print(b)
c = b.copy(); c.append(0); print(b, c)
c.clear(); print(c, len(c))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
print(list(), list(range(3)), list((1, 2)), list({"a": 1}), list("hi"))
x = [1, 2, 3]
x[1] = "two"; print(x, x[-1], len(x))
try:
    x[5]
except IndexError as e:
    print("IndexError:", e)
try:
    x[5] = 0
except IndexError as e:
    print("IndexError:", e)
print(x.index(3, 1), [1, 2, 1, 2].index(2, 2))
