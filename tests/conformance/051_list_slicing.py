# Slicing lists: negative steps, slice assignment (grow/shrink), extended slices, del.
a = list(range(10))
print(a[2:5], a[:-3], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-1:-5:-1], a[5:2], a[100:200])
print(a[slice(1, 8, 2)], a[slice(None, None, -3)], slice(1, 5, 2), slice(3))
b = a[:]
b[2:5] = ["x"]; print(b)
b[1:1] = [100, 200]; print(b)
b[:] = [1, 2, 3]; print(b)
b[len(b):] = [4, 5]; print(b)
b[::2] = ["a", "b", "c"]; print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(10))
del c[::3]; print(c)
del c[1:3]; print(c)
del c[-1]; print(c)
c[3:1] = ["ins"]; print(c)
d = list(range(6))
d[::-1] = list("abcdef"); print(d)
d[-2:] = []; print(d)
s = slice(1, 10, 3)
print(s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(4))
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-2], "abcdef"[-2::-2], range(10)[2:8:3])
m = [[1, 2], [3, 4]]
m2 = m[:]
m2[0].append(9)
print(m, m2 is m, m2[0] is m[0])
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
