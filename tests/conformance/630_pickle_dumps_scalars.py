# pickle.dumps of scalars and simple builtins: byte-identical to CPython's
# (protocol 4, frames included).
import pickle

values = [
    None, True, False,
    0, 1, 255, 256, 65535, 65536, -1, -255, -256, -65536,
    2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
    2**64, 10**30, -10**30, 2**2100, -(2**2100),
    0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float('inf'), float('-inf'), 3.141592653589793,
    1 + 2j, -0.5j, complex(3, 0),
    '', 'a', 'abc', 'hello world', 'é', '漢字', 'emoji \U0001f600', 'a' * 255, 'b' * 256, 'x\ny\x00z\\',
    b'', b'\x00', b'ab', bytes(range(256)), b'z' * 300,
    bytearray(), bytearray(b'abc'),
    range(10), range(1, 10, 2), range(-5, 5, 3),
    slice(3), slice(1, 2, 3), slice(None, -1, None),
    Ellipsis, NotImplemented,
]
for v in values:
    print(pickle.dumps(v))

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.dumps(bytearray(b'abc'), protocol=5))
print(pickle.dumps(bytearray(), protocol=5))
print(pickle.dumps(1, protocol=-1))
print(pickle.dumps(1, protocol=None))
print(pickle.dumps(1, 2))
print(type(pickle.dumps(None)).__name__)
