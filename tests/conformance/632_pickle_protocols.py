# Every protocol, 0 to 5, writes what CPython writes.
import pickle

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def helper():
    pass

data = [1, -7, 300, 70000, 2**40, -2**70, 2.5, True, False, None, 'text', 'é', '',
        b'bytes', b'', (1, 2), (), (1, 2, 3, 4, 5), {'k': [1]}, {3, 4}, frozenset({5}),
        bytearray(b'ba'), Point(1, 'y'), helper, Point, len, ValueError('bad', 2),
        range(3), 1j, [Point(2, 3)]]
for proto in range(6):
    print(proto, pickle.dumps(data, protocol=proto))
    print(proto, pickle.loads(pickle.dumps(data, protocol=proto))[:22])
for proto in range(6):
    print(proto, pickle.dumps('a\\b\nc\rd\x00e\x1a\u20ac\U0001f600', protocol=proto))
    print(proto, pickle.dumps([KeyError, ZeroDivisionError, FileNotFoundError, range, str, int, zip], protocol=proto))
    print(proto, pickle.dumps([b'x', b'x', b'xy', b''], protocol=proto))
try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print('ValueError', e)
