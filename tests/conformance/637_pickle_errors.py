# CPython's errors, type and message (addresses cut off).
import _thread
import pickle
import sys

def outer():
    def inner():
        pass
    return inner

def gen():
    yield 1

class BadReduce1:
    def __reduce__(self):
        return 5
class BadReduce2:
    def __reduce__(self):
        return (1, ())
class BadReduce3:
    def __reduce__(self):
        return (BadReduce3, 1)
class BadReduce4:
    def __reduce__(self):
        return (BadReduce3,)
class BadReduce5:
    def __reduce__(self):
        return (BadReduce3, (), None, None, None, None, None)
class NotSame:
    def __reduce__(self):
        return 'NotSame'
class Missing:
    def __reduce__(self):
        return 'nowhere'
class Raises:
    def __reduce__(self):
        raise RuntimeError('cannot reduce me')

def describe(e):
    return '%s.%s: %s' % (type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0])

square = lambda x: x * x
for obj in [lambda: 0, square, outer(), gen(), (x for x in []), _thread.allocate_lock(), sys,
            BadReduce1(), BadReduce2(), BadReduce3(), BadReduce4(), BadReduce5(), NotSame(),
            Missing(), Raises(), [1, 2, lambda: 0], {'k': outer()}]:
    try:
        pickle.dumps(obj)
        print('no error')
    except Exception as e:
        print(describe(e))

try:
    pickle.dumps(lambda: 1)
except pickle.PicklingError as e:
    print('caught as pickle.PicklingError', isinstance(e, pickle.PickleError), isinstance(e, Exception))

print(pickle.PickleError.__module__, pickle.PickleError.__bases__)
print(pickle.PicklingError.__bases__, pickle.UnpicklingError.__bases__)
print(pickle.PicklingError.__name__, pickle.PicklingError.__qualname__)

for bad in [b'', b'\x80\x04', b'\x80\x06N.', b'x', b'\xff', b'\x80\x04K', b'\x80\x04\x8c\x05ab',
            b'\x80\x04h\x05.', b'\x80\x04e.', b'\x80\x04(.', b'N', b'\x80\x04N', b'\x80\x04NN.',
            b'\x80\x04a.', b'\x80\x04s.', b'\x80\x040.', b'\x80\x04t.', b'\x80\x04(N\x85.', b'\x80\x04.',
            b'\x80\x04\x8c\x08builtins\x94\x8c\x03foo\x94\x93\x94.',
            b'\x80\x04\x8c\x0bno_such_mod\x94\x8c\x03foo\x94\x93\x94.',
            b'\x80\x04K\x01K\x02\x81.', b'P0\n.', b'\x80\x04Q.', b'\x80\x04\x82\x01.']:
    try:
        print(repr(pickle.loads(bad)))
    except Exception as e:
        print(describe(e))

try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError:', e)
try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print('ValueError:', e)
try:
    pickle.dumps()
except TypeError as e:
    print('TypeError:', e)
