"""multiprocessing.sharedctypes: ctypes objects in memory shared by the
processes of a run (Value, Array, RawValue, RawArray), as in CPython 3.11.

CPython allocates them in an mmap that forked children inherit. Spindle's
processes share no memory except the run's IPC block (_spindle_mp.seg_*: a
registry natively, the run's SharedArrayBuffer in the browser), so each
object is a view of a segment there, named by a plain int: it copies into a
forked child with __main__, and pickles (only while a spawned child's
Process object is pickled) as the same segment. The lock of Value and Array
is a multiprocessing RLock; each .value read or write takes it, so
`v.value += 1` is two locked steps and races, unless done under
`with v.get_lock():`.
"""
import ctypes
import _spindle_mp as _mp

from multiprocessing.synchronize import assert_spawning

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': ctypes.c_char,
    'b': ctypes.c_byte, 'B': ctypes.c_ubyte,
    'h': ctypes.c_short, 'H': ctypes.c_ushort,
    'i': ctypes.c_int, 'I': ctypes.c_uint,
    'l': ctypes.c_long, 'L': ctypes.c_ulong,
    'q': ctypes.c_longlong, 'Q': ctypes.c_ulonglong,
    'f': ctypes.c_float, 'd': ctypes.c_double,
}


def _new_value(type_):
    size = ctypes.sizeof(type_)
    return ctypes._shared(type_, _mp.seg_new(size))


def __getattr__(name):
    # The array types made here (c_int_Array_3), found again by name when a
    # forked or spawned process receives one.
    return ctypes._array_type_named(name, __name__)


def _array_of(type_, length):
    if not (isinstance(type_, type) and issubclass(type_, ctypes._SimpleCData)):
        if isinstance(type_, str):
            type_ * length      # CPython multiplies the string, then has no size for it
        raise TypeError('this type has no size')
    return ctypes._array_type(type_, length, __name__)


def RawValue(typecode_or_type, *args):
    """A ctypes object in shared memory."""
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    obj = _new_value(type_)
    obj.__init__(*args)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A ctypes array in shared memory."""
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    if isinstance(size_or_initializer, int):
        type_ = _array_of(type_, size_or_initializer)
        return _new_value(type_)
    else:
        type_ = _array_of(type_, len(size_or_initializer))
        result = _new_value(type_)
        result.__init__(*size_or_initializer)
        return result


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A synchronized shared object."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = _rlock(ctx)
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A synchronized shared array."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = _rlock(ctx)
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def _rlock(ctx):
    if ctx is not None:
        return ctx.RLock()
    from multiprocessing.synchronize import RLock
    return RLock()


def copy(obj):
    """A new shared object with the same value as `obj`."""
    new_obj = _new_value(type(obj))
    if isinstance(obj, ctypes.Array):
        new_obj[:] = obj[:]
    else:
        new_obj.value = obj.value
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    if isinstance(obj, ctypes._SimpleCData):
        return Synchronized(obj, lock, ctx)
    elif isinstance(obj, ctypes.Array):
        if obj._type_ is ctypes.c_char:
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    raise TypeError('synchronized() needs a ctypes simple object or array')


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            self._lock = _rlock(ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        self.acquire()
        try:
            return self._obj.value
        finally:
            self.release()

    @value.setter
    def value(self, value):
        self.acquire()
        try:
            self._obj.value = value
        finally:
            self.release()


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        self.acquire()
        try:
            return self._obj.value
        finally:
            self.release()

    @value.setter
    def value(self, value):
        self.acquire()
        try:
            self._obj.value = value
        finally:
            self.release()

    @property
    def raw(self):
        self.acquire()
        try:
            return self._obj.raw
        finally:
            self.release()

    @raw.setter
    def raw(self, value):
        self.acquire()
        try:
            self._obj.raw = value
        finally:
            self.release()
