# multiprocessing.Value / Array / RawValue / RawArray: real shared memory
# between processes (fork, the default), their locks, reprs and errors.
import ctypes
import multiprocessing as mp
import pickle


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, i):
    arr[i] = i * i + 0.5


def fill_raw(ra, rv, i):
    ra[i] = rv.value + i


def double(v):
    v.value *= 2


shared_global = mp.Value('i', 7)


def bump_global():
    with shared_global.get_lock():
        shared_global.value += 100


def write_name(s, name):
    s.value = name


def set_slice(a):
    with a.get_lock():
        a[1:4] = [10, 20, 30]


def start_all(ps):
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return [p.exitcode for p in ps]


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print('  ', type(e).__name__ + ':', e)
    else:
        print('  ', repr(r))


if __name__ == '__main__':
    print('-- a counter under its lock, 4 processes x 1000')
    counter = mp.Value('i', 0)
    codes = start_all([mp.Process(target=add_many, args=(counter, 1000)) for _ in range(4)])
    print(counter.value, codes)

    print('-- an Array filled by children')
    arr = mp.Array('d', 5)
    start_all([mp.Process(target=fill, args=(arr, i)) for i in range(5)])
    print(arr[:], len(arr), list(arr), sum(arr))

    print('-- RawValue and RawArray')
    rv = mp.RawValue('q', 1000)
    ra = mp.RawArray('i', 4)
    start_all([mp.Process(target=fill_raw, args=(ra, rv, i)) for i in range(4)])
    print(rv, rv.value, ra[:], type(rv), type(ra).__name__)

    print('-- one child after another, without the lock')
    v = mp.Value('L', 3)
    for _ in range(5):
        start_all([mp.Process(target=double, args=(v,))])
    print(v.value)

    print('-- a global Value, inherited by the fork')
    start_all([mp.Process(target=bump_global) for _ in range(3)])
    print(shared_global.value)

    print('-- Array of chars')
    s = mp.Array('c', 10)
    start_all([mp.Process(target=write_name, args=(s, b'spindle'))])
    print(s.value, s.raw, s[:3], s[0], len(s))
    s.value = b'ab'
    print(s.value, s.raw)
    s.raw = b'0123456789'
    print(s.value, s[-1], s[2:5])
    attempt(lambda: setattr(s, 'value', b'x' * 11))
    c = mp.Array('c', b'hello')
    print(c.value, c[:], c[1:4], len(c))

    print('-- slices assigned by a child')
    a = mp.Array('i', range(6))
    start_all([mp.Process(target=set_slice, args=(a,))])
    print(a[:], a[::2], a[::-1], a[-2:], a[4], a[-1], 20 in a, list(reversed(a)))

    print('-- reprs')
    print(mp.Value('i', 5))
    print(mp.Value('d', 1.5), mp.Value('f', 0.1), mp.Value('c', b'x'))
    print(mp.Value('b', -3), mp.Value('B', 3), mp.Value('h', -2), mp.Value('H', 2))
    print(mp.Value('I', 4), mp.Value('l', -5), mp.Value('L', 5), mp.Value('q', -6), mp.Value('Q', 6))
    print(mp.RawValue('i', 5), mp.RawValue('d'), mp.RawValue('c'))
    print(mp.Value(ctypes.c_int, 3), mp.Value(ctypes.c_double, 2.5), mp.RawValue(ctypes.c_ubyte, 9))
    print(mp.Value('i', 5, lock=False))
    v = mp.Value('i', 5)
    print(v.get_lock(), v.get_obj(), type(v).__name__, type(v.get_obj()))
    print(type(mp.Array('i', 2)).__name__, type(mp.Array('c', 2)).__name__)
    print(mp.Array('i', 2).get_lock(), mp.Value('i', lock=mp.Lock()).get_lock())

    print('-- values as ctypes keeps them')
    for tc, x in [('b', 300), ('B', -1), ('h', 70000), ('H', -1), ('i', 2**40 + 3), ('I', -1),
                  ('l', 2**64 + 5), ('L', -1), ('q', -(2**63)), ('Q', -1), ('f', 0.1),
                  ('d', 3), ('i', True), ('c', 65), ('c', bytearray(b'z'))]:
        print(' ', tc, repr(mp.Value(tc, x).value), repr(mp.RawValue(tc, x).value))
    v = mp.Value('i', 1)
    v.value = 2**33 + 1
    print(v.value)
    print(mp.Array('d', [1, 2.5])[:], mp.Array('b', [127, 128, 255])[:], mp.RawArray('H', 3)[:])

    print('-- the lock')
    v = mp.Value('i', 0)
    with v.get_lock():
        with v.get_lock():
            v.value += 1
    print(v.value, v.acquire(), v.release())
    with v:
        v.value += 1
    print(v.value)
    lock = mp.Lock()
    v = mp.Value('i', 0, lock=lock)
    print(v.get_lock() is lock)

    print('-- errors')
    attempt(lambda: mp.Value('z'))
    attempt(lambda: mp.Array('z', 3))
    attempt(lambda: mp.RawValue('z'))
    attempt(lambda: mp.RawArray('z', [1]))
    attempt(lambda: mp.Value('i', 'x'))
    attempt(lambda: mp.Value('i', 1.5))
    attempt(lambda: mp.Value('i', None))
    attempt(lambda: mp.Value('d', 'x'))
    attempt(lambda: mp.Value('c', 'x'))
    attempt(lambda: mp.Value('c', b'xy'))
    attempt(lambda: mp.Value('c', 300))
    attempt(lambda: mp.Value('i', 1, 2))
    attempt(lambda: mp.Value('i', lock=5))
    attempt(lambda: mp.Array('i', 3, lock=5))
    attempt(lambda: mp.Array('i', [1, 2, 'x']))
    attempt(lambda: mp.Array('i', -1))
    attempt(lambda: mp.Array('i', 2.5))
    attempt(lambda: mp.Value())
    attempt(lambda: mp.Array('i'))
    a = mp.Array('i', [1, 2, 3, 4])
    attempt(lambda: a[4])
    attempt(lambda: a[-5])
    attempt(lambda: a['x'])
    attempt(lambda: a.__setitem__(slice(0, 2), [9, 9, 9]))
    attempt(lambda: a.__setitem__(5, 1))
    attempt(lambda: a.__setitem__(0, 'x'))
    attempt(lambda: a.value)
    attempt(lambda: mp.Value('i', 3) + 1)
    v = mp.Value('i', 5)
    attempt(lambda: setattr(v, 'value', 'x'))
    print(v.value)
    attempt(lambda: pickle.dumps(mp.Value('i')))
    attempt(lambda: pickle.dumps(mp.Array('i', 2)))
    attempt(lambda: pickle.dumps(mp.RawValue('i')))
    attempt(lambda: pickle.dumps(mp.RawArray('i', 2)))
    attempt(lambda: mp.Value('i', 3) == mp.Value('i', 3))
