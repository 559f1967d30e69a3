# collections.deque (native): full API, CPython's error messages, mutation
# detection during iteration and comparison, subclassing, maxlen edge cases.
from collections import deque

d = deque([1, 2, 3])
for f in [lambda: d.remove(9), lambda: d.index(9), lambda: d.index(1, 1), lambda: d[5], lambda: d['a'],
          lambda: d[1:2], lambda: deque([1]) + [2], lambda: deque(maxlen=-1), lambda: deque(maxlen='a'),
          lambda: deque([], 2.0), lambda: deque([1, 2], maxlen=2).insert(0, 3), lambda: d.rotate('x'),
          lambda: deque(1), lambda: d.__setitem__(7, 1), lambda: d.__delitem__(7), lambda: d * 'a',
          lambda: deque().pop(), lambda: deque().popleft(), lambda: d.index(1, 1, 0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Mutator:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.append(0)
        return False

for meth in ['count', 'index', 'remove', '__contains__']:
    dd = deque([1, 2, 3])
    try:
        print(getattr(dd, meth)(Mutator(dd)))
    except Exception as e:
        print(meth, type(e).__name__, e)

def mutate(dd, how):
    if how == 'append': dd.append(1)
    elif how == 'pop': dd.pop()
    elif how == 'rotate': dd.rotate()
    elif how == 'reverse': dd.reverse()
    elif how == 'setitem': dd[0] = 5
    elif how == 'clear': dd.clear()
    elif how == 'insert': dd.insert(0, 1)
    elif how == 'remove': dd.remove(3)
    elif how == 'extend': dd.extend([])
    elif how == 'delitem': del dd[0]
    elif how == 'appendleft': dd.appendleft(0)
    elif how == 'popleft': dd.popleft()

for how in ['append', 'pop', 'rotate', 'reverse', 'setitem', 'clear', 'insert', 'remove', 'extend',
            'delitem', 'appendleft', 'popleft']:
    for rev in (False, True):
        dd = deque([1, 2, 3])
        it = reversed(dd) if rev else iter(dd)
        next(it)
        mutate(dd, how)
        try:
            print(how, rev, list(it))
        except RuntimeError as e:
            print(how, rev, 'RuntimeError', e)
        try:
            print(next(it))
        except StopIteration:
            print('stop')
        except RuntimeError as e:
            print('again', e)

try:
    q = deque([1, 2, 3])
    for x in q:
        if x == 2:
            q.append(4)
except RuntimeError as e:
    print("loop:", e)

x = deque()
x.append(x)
print(x)
y = deque([[1], 2])
y[0].append(y)
print(y)

class M(deque):
    def total(self):
        return sum(self)

m = M([1, 2], 5)
m.tag = "t"
print(m, m.copy(), type(m.copy()).__name__, m + deque([3]), type(m + deque([3])).__name__, m * 2,
      type(m * 2).__name__, M.__name__, m.total(), m.tag, isinstance(m, deque), len(m))

class Stack(deque):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label
    def push(self, v):
        self.append(v)
    def __repr__(self):
        return f"Stack<{self.label}>{list(self)}"

s = Stack([1], "s1")
s.push(2); s.push(3)
print(s, s.pop(), s, s == deque([1, 2]), bool(Stack([], "e")))

print(d.maxlen, deque([1], 3).maxlen)
try:
    d.maxlen = 4
except AttributeError as e:
    print(e)
print(d == [1, 2, 3], d != [1, 2, 3], deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2, 0]),
      deque([1]) > deque([]), deque([1, 2]) >= deque([1, 2]), deque(['a']) == deque(['a']))
e = deque([1, 2, 3], maxlen=3)
e.extendleft([7, 8]); print(e)
e.rotate(-1); print(e)
e *= 2; print(e)
f = deque([1, 2]); f += [3]; f += f; print(f)
f.extend(f); print(f)
f.extendleft(f); print(len(f), f[0], f[-1])
print(repr(deque(maxlen=0)), deque(range(3)).__copy__())
z = deque(maxlen=0); z.append(1); z.appendleft(2); z.extend([3, 4]); print(z)
g = deque([1, 2, 3]); g.__init__([9]); print(g)
g.__init__([1, 2, 3, 4], 2); print(g, g.maxlen)
print(len(deque()), bool(deque()), bool(deque([0])))
print(d.index(2, -2), d.index(3, 0, 100), d.index(1, -100))
print(deque([1, 2, 3]) * 0, 0 * deque([1]), deque([1, 2]) * -1, d[-3], deque([1, 2], maxlen=3) * 2)
h = deque(range(10)); h.rotate(13); print(h)
h.rotate(-23); print(h)
h.rotate(); print(h)
h.rotate(0); print(h)
print(deque.__name__, deque.__module__, isinstance(d, deque), issubclass(M, deque))
w = deque("abcde")
del w[2]; w[0] = "A"; w.insert(-1, "ins"); w.insert(100, "end"); w.insert(-100, "start"); print(w)
w.reverse(); print(w, list(reversed(w)), w.count("A"), "A" in w, "zz" in w)
print(deque(x * x for x in range(5)), deque({3: 1}), deque(range(10), 3))
def gen():
    yield 1
    yield 2
    raise ValueError("boom")
k = deque([0])
try:
    k.extend(gen())
except ValueError as err:
    print("extend:", err, k)
print(deque([1, 2, 3]).index(3), deque([[1]]).count([1]), deque([1.0, 1, True]).count(1))
try:
    deque([1, 2], maxlen=2).insert(1, 0)
except IndexError as err:
    print(err)
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
