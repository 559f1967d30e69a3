# Container protocol: __len__, __getitem__ (ints and slices), __setitem__, __delitem__, __contains__, __iter__.
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __setitem__(self, i, v):
        self.data[i] = v
    def __delitem__(self, i):
        del self.data[i]
    def __repr__(self):
        return f"Seq({self.data})"
s = Seq("abcde")
print(len(s), s[0], s[-1], s[1:3], s[::-1], bool(s), bool(Seq([])))
s[0] = "A"; del s[1]
print(s, list(s), "c" in s, "z" in s, list(reversed(s)))
for x in s:
    print(x, end=" ")
print()
class Contains:
    def __contains__(self, x):
        print("checking", x)
        return x == 3
print(3 in Contains(), 4 not in Contains())
class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldIter()), 20 in OldIter(), sum(OldIter()))
class Grid:
    def __getitem__(self, key):
        return f"key={key!r}"
g = Grid()
print(g[1, 2], g[1:2], g[::2, ...], g["x"])
try:
    len(Contains())
except TypeError as e:
    print("TypeError:", e)
try:
    Contains()[0]
except TypeError as e:
    print("TypeError:", e)
