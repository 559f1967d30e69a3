# Chains of objects that are not containers, 100000 links each, freed.
f = None
for _ in range(100000):
    f = (lambda g: (lambda: g))(f)
del f
s = 1
for _ in range(100000):
    s = slice(s)
del s
e = None
for _ in range(100000):
    x = ValueError()
    x.__context__ = e
    e = x
del e, x
m = 1
for _ in range(100000):
    m = staticmethod(m)
del m
p = None
for _ in range(100000):
    p = property(p)
del p
print('freed')
