# json.dumps / json.dump / JSONEncoder: output text must match CPython exactly.
import json


class Buffer:
    # minimal file-like object for dump()/load()
    def __init__(self, text=''):
        self.parts = [text]
    def write(self, chunk):
        self.parts.append(chunk)
    def read(self):
        return ''.join(self.parts)

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(10 ** 30))
print(json.dumps(1.5), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e100), json.dumps(1e-7))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(float('-inf')))
print(json.dumps("plain"), json.dumps(""))
print(json.dumps('quote " backslash \\ slash / nl \n cr \r tab \t bs \b ff \f'))
print(json.dumps('\x00\x01\x1f\x7f'))
print(json.dumps('caf\xe9 \u20ac \U0001f600'))
print(json.dumps('caf\xe9 \u20ac \U0001f600 \x01 \x7f', ensure_ascii=False))
print(json.dumps([1, "a", None, [2, [3, []]], {}]))
print(json.dumps((1, 2, (3,))))
print(json.dumps({"b": 1, "a": [1, 2], "c": {"x": None}}))
print(json.dumps({"b": 1, "a": 2, "c": 3}, sort_keys=True))

# non-string keys
print(json.dumps({1: 'int', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps({False: 0, float('inf'): 1, -3: 2}))

# indent and separators
data = {"name": "x", "items": [1, 2, {"k": []}], "empty": {}, "e2": []}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps([1, [2, 3]], indent=-1))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent=1, separators=(' ,', ' = ')))
print(json.dumps([]), json.dumps({}), json.dumps([], indent=4), json.dumps({}, indent=4))

# errors
def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(json.dumps, {1, 2})
err(json.dumps, [1, object])
err(json.dumps, b'bytes')
err(json.dumps, {(1, 2): 3})
print(json.dumps({(1, 2): 3, 'ok': 4}, skipkeys=True))
err(json.dumps, float('nan'), allow_nan=False)
err(json.dumps, [float('-inf')], allow_nan=False)
a = [1]
a.append(a)
err(json.dumps, a)
d = {}
d['self'] = d
err(json.dumps, d)
err(json.dumps, {3: 1, 'a': 2}, sort_keys=True)
shared = [1, 2]
print(json.dumps([shared, shared, {"s": shared}]))

# default hook and subclassing
print(json.dumps({1, 2, 3}, default=sorted))
print(json.dumps({"when": complex(1, 2)}, default=lambda o: [o.real, o.imag]))

class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)

print(json.dumps({"s": {3, 1, 2}, "f": frozenset([5])}, cls=SetEncoder, sort_keys=True))
print(SetEncoder(indent=2).encode([{4, 5}]))
err(json.dumps, object(), cls=SetEncoder)

class Loop:
    pass
err(json.dumps, Loop(), default=lambda o: o)

print(json.JSONEncoder().encode({"a": [1.0, 2]}))
print(''.join(json.JSONEncoder(sort_keys=True).iterencode({"z": 1, "y": [True]})))
print(json.JSONEncoder.item_separator == ', ', json.JSONEncoder.key_separator == ': ')

# subclasses of builtin types
class MyInt(int):
    def __repr__(self):
        return 'MyInt!'
class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'
class MyStr(str):
    pass
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s')]))
print(json.dumps({MyInt(7): 1}))

# dump to a file object
buf = Buffer()
json.dump({"a": [1, 2, 3], "b": "\u00fc"}, buf, indent=2, ensure_ascii=False)
print(buf.read())
