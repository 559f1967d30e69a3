# loads(dumps(x)) gives back equal values, with shared references and cycles
# preserved, for every protocol.
import pickle

class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        return 'Node(%r, %r)' % (self.value, self.children)
    def __eq__(self, other):
        return isinstance(other, Node) and (self.value, self.children) == (other.value, other.children)

values = [
    None, True, False, 0, 1, -1, 255, 256, 65536, 2**31, -2**31 - 1, 2**100, -2**100, 1.5, -0.0,
    float('inf'), 1 + 2j, '', 'abc', 'ünïcödé ✓', b'', b'\x00\xff', bytearray(b'xyz'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {'a': {'b': {'c': 1}}},
    {1, 2, 3}, frozenset({'x'}), range(0, 100, 7), Ellipsis, NotImplemented,
    Node(1, [Node(2), Node(3, [Node(4)])]), list(range(2500)), {str(i): i for i in range(1500)},
    ValueError, len, Node,
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    ok = 0
    for v in values:
        r = pickle.loads(pickle.dumps(v, protocol=proto))
        if type(r) is not type(v) or (r != v and v == v):
            print('MISMATCH', proto, repr(v)[:50], repr(r)[:50])
        else:
            ok += 1
    print('protocol', proto, ok, 'of', len(values))

for proto in range(6):
    shared = [1, 2]
    r = pickle.loads(pickle.dumps([shared, shared, {'s': shared}], protocol=proto))
    print(proto, r, r[0] is r[1], r[2]['s'] is r[0])
    cyc = []
    cyc.append(cyc)
    r = pickle.loads(pickle.dumps(cyc, protocol=proto))
    print(proto, r, r[0] is r)
    d = {}
    d['me'] = d
    r = pickle.loads(pickle.dumps(d, protocol=proto))
    print(proto, r, r['me'] is r)
    n = Node('root')
    n.children.append(n)
    r = pickle.loads(pickle.dumps(n, protocol=proto))
    print(proto, r.value, r.children[0] is r)
    t = ([],)
    t[0].append(t)
    r = pickle.loads(pickle.dumps(t, protocol=proto))
    print(proto, r[0][0] is r)
    r = pickle.loads(pickle.dumps({1, 2, frozenset({3})}, protocol=proto))
    print(proto, sorted(r, key=repr))
print(pickle.loads(pickle.dumps(float('nan'))) != pickle.loads(pickle.dumps(float('nan'))))
print(pickle.loads(bytearray(pickle.dumps([1, 2]))))
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps([slice(1, None, -1), slice(5)], protocol=proto)))
