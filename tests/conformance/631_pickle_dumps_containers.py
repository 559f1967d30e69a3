# pickle.dumps of containers: batching, memo (shared references, cycles) and
# frames, byte for byte as CPython writes them.
import pickle

print(pickle.dumps(()))
print(pickle.dumps((1,)))
print(pickle.dumps((1, 2)))
print(pickle.dumps((1, 2, 3)))
print(pickle.dumps((1, 2, 3, 4)))
print(pickle.dumps(((), ((),), [()])))
print(pickle.dumps([]))
print(pickle.dumps([1]))
print(pickle.dumps([1, 'two', 3.0, None, True]))
print(pickle.dumps({}))
print(pickle.dumps({'a': 1}))
print(pickle.dumps({'a': 1, 'b': [1, 2], 'c': {'d': ()}}))
print(pickle.dumps({1: 'one', 2: 'two', (3, 4): 'pair'}))
print(pickle.dumps(set()))
print(pickle.dumps({1, 2, 3}))
print(pickle.dumps({5}))
print(pickle.dumps(frozenset()))
print(pickle.dumps(frozenset({1, 2})))
print(pickle.dumps([set(), frozenset(), {}, [], ()]))

# Shared references are written once and fetched from the memo.
t = [1, 2]
print(pickle.dumps([t, t, (t, t)]))
s = 'shared string!'
print(pickle.dumps([s, s]))
d = {'k': 'v'}
print(pickle.dumps({'x': d, 'y': d}))

# Cycles.
l = []
l.append(l)
print(pickle.dumps(l))
d = {}
d['self'] = d
print(pickle.dumps(d))
a = [1]
b = [a]
a.append(b)
print(pickle.dumps(a))
x = []
tup = (x,)
x.append(tup)
print(pickle.dumps(x))
print(pickle.dumps(tup))
big = [0, 1, 2, 3]
rec = (big, 1, 2, 3)
big.append(rec)
print(pickle.dumps(rec))
fl = []
fs = frozenset([(1, 2)])
print(pickle.dumps([fs, fs]))

# Dict keys and one-character strings repeat through the memo.
print(pickle.dumps([{'name': 'a', 'age': 1}, {'name': 'b', 'age': 2}]))

# Batches of 1000: APPENDS/SETITEMS/ADDITEMS boundaries.
for n in (999, 1000, 1001, 2000, 2001):
    p = pickle.dumps(list(range(n)))
    print(n, len(p), p[:20], p[-20:])
    p = pickle.dumps({i: None for i in range(n)})
    print(n, len(p), p[:20], p[-20:])
    p = pickle.dumps(set(range(n)))
    print(n, len(p), p[:20], p[-20:])

# Frames close at 64 KiB; payloads of 64 KiB or more are written outside them.
for v in (['%04d' % i + 'a' * 995 for i in range(70)], ['a' * 70000, 1], ['x', 'a' * 65530],
          ('x', 'a' * 65530), ['a' * 65530, 1, 2, 3], [b'b' * 65536, b'c'], 'z' * 65536,
          [list(range(20000)), list(range(20000))]):
    p = pickle.dumps(v)
    print(len(p), p[:24], p[-24:], pickle.loads(p) == v)
