"""ctypes, as far as multiprocessing's Value and Array use it: the simple C
types (c_int, c_double, c_char...), arrays of them (c_int * 3) and sizeof.
There is no foreign function interface.

An object either owns its value (a plain ctypes object) or is a view of a
block of memory shared by the processes of a run (_spindle_mp.seg_*), as
multiprocessing.sharedctypes makes them. Sizes are those of 64-bit Linux
(c_long is 8 bytes, c_longlong is c_long).
"""
import _spindle_mp as _mp

__all__ = ['sizeof', 'Array', 'c_bool', 'c_char', 'c_byte', 'c_ubyte', 'c_short', 'c_ushort',
           'c_int', 'c_uint', 'c_long', 'c_ulong', 'c_longlong', 'c_ulonglong',
           'c_float', 'c_double']


class _CData(object):
    """Base of every ctypes object. `_seg` is the shared block holding it
    (None: the value is kept in the object), `_off` its byte offset there."""
    _seg = None
    _off = 0

    def __reduce__(self):
        if self._seg is None:
            return self._reduce_local()
        import sys
        process = sys.modules.get('multiprocessing.process')
        if not (process is not None and process._spawning):
            self._cannot_pickle()
        return _rebuild, (type(self), self._seg, self._off)


def _rebuild(type_, seg, off):
    """A view of shared memory (unpickled in a spawned process)."""
    obj = type_.__new__(type_)
    obj._seg = seg
    obj._off = off
    return obj


def _shared(type_, seg, off=0):
    return _rebuild(type_, seg, off)


class _CDataType(type):
    """The metaclass of the simple types: c_int * 3 is an array type."""

    def __mul__(cls, length):
        return _array_type(cls, length)

    __rmul__ = __mul__


class _SimpleCData(_CData, metaclass=_CDataType):
    """A single value of the C type named by the typecode `_type_`."""
    _type_ = 'i'
    _v = 0

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
        if args:
            self.value = args[0]

    @property
    def value(self):
        if self._seg is None:
            return self._v
        return _mp.seg_load(self._seg, self._type_, self._off)

    @value.setter
    def value(self, value):
        if self._seg is None:
            self._v = _mp.ctype_convert(self._type_, value)
        else:
            _mp.seg_store(self._seg, self._type_, self._off, value)

    def __repr__(self):
        if type(self).__bases__[0] is not _SimpleCData:
            return object.__repr__(self)
        return '%s(%r)' % (type(self).__name__, self.value)

    def __bool__(self):
        return bool(self.value)

    def _reduce_local(self):
        return type(self), (self.value,)

    def _cannot_pickle(self):
        raise TypeError("cannot pickle 'mmap.mmap' object")


class c_bool(_SimpleCData):
    _type_ = '?'
    _v = False


class c_char(_SimpleCData):
    _type_ = 'c'
    _v = b'\x00'


class c_byte(_SimpleCData):
    _type_ = 'b'


class c_ubyte(_SimpleCData):
    _type_ = 'B'


class c_short(_SimpleCData):
    _type_ = 'h'


class c_ushort(_SimpleCData):
    _type_ = 'H'


class c_int(_SimpleCData):
    _type_ = 'i'


class c_uint(_SimpleCData):
    _type_ = 'I'


class c_long(_SimpleCData):
    _type_ = 'l'


class c_ulong(_SimpleCData):
    _type_ = 'L'


class c_float(_SimpleCData):
    _type_ = 'f'
    _v = 0.0


class c_double(_SimpleCData):
    _type_ = 'd'
    _v = 0.0


c_longlong = c_long
c_ulonglong = c_ulong
c_int8, c_uint8, c_int16, c_uint16 = c_byte, c_ubyte, c_short, c_ushort
c_int32, c_uint32, c_int64, c_uint64 = c_int, c_uint, c_long, c_ulong
c_size_t, c_ssize_t = c_ulong, c_long


class Array(_CData):
    """A fixed-length array of `_length_` items of the simple type `_type_`."""
    _type_ = c_int
    _length_ = 0
    _items = None

    def __init__(self, *args):
        if len(args) > self._length_:
            raise IndexError('invalid index')
        for i, v in enumerate(args):
            self[i] = v

    def _values(self):
        if self._seg is None:
            if self._items is None:
                self._items = [self._type_._v] * self._length_
            return self._items
        return None

    def __len__(self):
        return self._length_

    def _index(self, i):
        n = self._length_
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, key):
        tc = self._type_._type_
        if isinstance(key, slice):
            start, stop, step = key.indices(self._length_)
            count = len(range(start, stop, step))
            items = self._values()
            if items is not None:
                out = items[start:stop:step]
            else:
                size = _mp.ctype_size(tc)
                out = _mp.seg_load_list(self._seg, tc, self._off + start * size, count, step)
            if tc == 'c':
                return b''.join(out)
            return out
        if not hasattr(key, '__index__'):
            raise TypeError('indices must be integers')
        i = self._index(key.__index__())
        items = self._values()
        if items is not None:
            return items[i]
        return _mp.seg_load(self._seg, tc, self._off + i * _mp.ctype_size(tc))

    def __setitem__(self, key, value):
        tc = self._type_._type_
        if isinstance(key, slice):
            start, stop, step = key.indices(self._length_)
            idx = range(start, stop, step)
            if tc == 'c' and isinstance(value, (bytes, bytearray)):
                value = [value[i:i + 1] for i in range(len(value))]
            if len(value) != len(idx):
                raise ValueError('Can only assign sequence of same size')
            for i, v in zip(idx, value):
                self[i] = v
            return
        if not hasattr(key, '__index__'):
            raise TypeError('indices must be integers')
        i = self._index(key.__index__())
        items = self._values()
        if items is not None:
            items[i] = _mp.ctype_convert(tc, value)
        else:
            _mp.seg_store(self._seg, tc, self._off + i * _mp.ctype_size(tc), value)

    # c_char arrays: .value (up to the first NUL) and .raw (every byte).
    @property
    def value(self):
        if self._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        raw = self.raw
        end = raw.find(b'\x00')
        return raw if end < 0 else raw[:end]

    @value.setter
    def value(self, value):
        if self._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        if not isinstance(value, bytes):
            raise TypeError('bytes expected instead of %s instance' % type(value).__name__)
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        if len(value) < self._length_:
            value = value + b'\x00'
        self._write(value)

    @property
    def raw(self):
        if self._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        items = self._values()
        if items is not None:
            return b''.join(items)
        return _mp.seg_read(self._seg, self._off, self._length_)

    @raw.setter
    def raw(self, value):
        if self._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        value = bytes(value)
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        self._write(value)

    def _write(self, data):
        items = self._values()
        if items is not None:
            for i in range(len(data)):
                items[i] = data[i:i + 1]
        else:
            _mp.seg_write(self._seg, self._off, data)

    def _reduce_local(self):
        return type(self), tuple(self[i] for i in range(self._length_))

    def _cannot_pickle(self):
        import pickle
        raise pickle.PicklingError("Can't pickle %s: attribute lookup %s on %s failed"
                                   % (type(self), type(self).__qualname__, type(self).__module__))


_array_types = {}


def _array_type(type_, length, module='ctypes'):
    """The class of arrays of `length` items of `type_` (c_int_Array_3),
    made once; the module that names it finds it again by name (__getattr__),
    so it pickles by reference and copies into a forked process."""
    if not (isinstance(type_, type) and issubclass(type_, _SimpleCData)):
        raise TypeError('this type has no size')
    if not hasattr(length, '__index__'):
        raise TypeError("can't multiply sequence by non-int of type '%s'" % type(length).__name__)
    length = length.__index__()
    if length < 0:
        raise ValueError('Array length must be >= 0, not %d' % length)
    key = (type_, length, module)
    cls = _array_types.get(key)
    if cls is None:
        name = '%s_Array_%d' % (type_.__name__, length)
        cls = type(name, (Array,), {'_type_': type_, '_length_': length, '__module__': module,
                                    '__qualname__': name})
        _array_types[key] = cls
    return cls


def _array_type_named(name, module):
    """The array type `name` ("c_int_Array_3") of `module`, made on demand."""
    elem, sep, n = name.rpartition('_Array_')
    t = globals().get(elem)
    if sep and n.isdigit() and isinstance(t, type) and issubclass(t, _SimpleCData):
        return _array_type(t, int(n), module)
    raise AttributeError("module %r has no attribute %r" % (module, name))


def __getattr__(name):
    return _array_type_named(name, 'ctypes')


def sizeof(obj_or_type):
    """The size in bytes of a ctypes type or object."""
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    if isinstance(t, type) and issubclass(t, Array):
        return _mp.ctype_size(t._type_._type_) * t._length_
    if isinstance(t, type) and issubclass(t, _SimpleCData):
        return _mp.ctype_size(t._type_)
    raise TypeError('this type has no size')
