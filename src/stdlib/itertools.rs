//! The `itertools` module: lazy iterator classes (count, cycle, chain, islice,
//! product, permutations, groupby, tee, batched...) following CPython's algorithms.
//! Their bodies are embedded Python run once per import (`pymods`).

use crate::vm::value::*;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> Value {
    super::pymods::module_from_source(vm, "itertools")
}

#[cfg(not(spindle_external_stdlib))] // wasm: the source is in pkg/stdlib.bin
pub(crate) const SOURCE: &str = r####"import sys as _sys

class _It:
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._g)

class count(_It):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step
    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n
    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"

class cycle(_It):
    def __init__(self, iterable):
        self._g = self._gen(iter(iterable))
    @staticmethod
    def _gen(it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x

class repeat(_It):
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None and times < 0:
            times = 0
        self._times = times
    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj
    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times
    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._times})"

class chain(_It):
    def __init__(self, *iterables):
        self._g = self._gen(iterables)
    @staticmethod
    def _gen(iterables):
        for it in iterables:
            for x in it:
                yield x
    @classmethod
    def from_iterable(cls, iterable):
        c = cls.__new__(cls)
        c._g = cls._gen(iterable)
        return c

_ISLICE_MSG = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
class islice(_It):
    def __init__(self, iterable, *args):
        n = len(args)
        if n == 1:
            start, stop, step = None, args[0], None
        elif n == 2:
            start, stop, step = args[0], args[1], None
        elif n == 3:
            start, stop, step = args
        elif n == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        else:
            raise TypeError(f"islice expected at most 4 arguments, got {n + 1}")
        if stop is not None:
            if not isinstance(stop, int) or stop < 0:
                if n == 1:
                    raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                raise ValueError(_ISLICE_MSG)
        if start is None:
            start = 0
        elif not isinstance(start, int) or start < 0:
            raise ValueError(_ISLICE_MSG)
        if step is None:
            step = 1
        elif not isinstance(step, int) or step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._cnt = 0
        self._next = start
        self._stop = stop
        self._step = step
    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        while self._cnt < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._cnt += 1
        if stop is not None and self._cnt >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item

class product(_It):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(p) for p in iterables] * repeat
        self._g = self._gen(pools)
    @staticmethod
    def _gen(pools):
        n = len(pools)
        for p in pools:
            if not p:
                return
        idx = [0] * n
        while True:
            yield tuple([pools[i][idx[i]] for i in range(n)])
            i = n - 1
            while i >= 0:
                idx[i] += 1
                if idx[i] < len(pools[i]):
                    break
                idx[i] = 0
                i -= 1
            if i < 0:
                return

class permutations(_It):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError("r must be non-negative")
        self._g = self._gen(pool, n, r)
    @staticmethod
    def _gen(pool, n, r):
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return

class combinations(_It):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._g = self._gen(tuple(iterable), r)
    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)

class combinations_with_replacement(_It):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._g = self._gen(tuple(iterable), r)
    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)

class accumulate(_It):
    def __init__(self, iterable, func=None, *, initial=None):
        self._g = self._gen(iter(iterable), func, initial)
    @staticmethod
    def _gen(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total

class _Grouper(_It):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey
    def __next__(self):
        p = self._parent
        if p._currgrouper is not self:
            raise StopIteration
        if p._currvalue is p._marker:
            p._currvalue = next(p._it)
            p._currkey = p._currvalue if p._keyfunc is None else p._keyfunc(p._currvalue)
        if p._currkey != self._tgtkey:
            raise StopIteration
        v = p._currvalue
        p._currvalue = p._marker
        return v
_Grouper.__name__ = "_grouper"

class groupby(_It):
    _marker = object()
    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = self._marker
        self._currgrouper = None
    def __next__(self):
        self._currgrouper = None
        marker = self._marker
        while True:
            if self._currvalue is marker:
                self._currvalue = next(self._it)
                self._currkey = self._currvalue if self._keyfunc is None else self._keyfunc(self._currvalue)
            if self._tgtkey is marker or self._currkey != self._tgtkey:
                break
            self._currvalue = marker
        self._tgtkey = self._currkey
        g = _Grouper(self, self._tgtkey)
        self._currgrouper = g
        return (self._currkey, g)

class zip_longest(_It):
    def __init__(self, *iterables, fillvalue=None):
        self._g = self._gen([iter(x) for x in iterables], fillvalue)
    @staticmethod
    def _gen(iterators, fillvalue):
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            i = -1
            while i + 1 < len(iterators):
                i += 1
                it = iterators[i]
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)

class starmap(_It):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)
    def __next__(self):
        return self._f(*next(self._it))

class takewhile(_It):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._done = False
    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._p(x):
            return x
        self._done = True
        raise StopIteration

class dropwhile(_It):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._dropping = True
    def __next__(self):
        if self._dropping:
            while True:
                x = next(self._it)
                if not self._p(x):
                    self._dropping = False
                    return x
        return next(self._it)

class filterfalse(_It):
    def __init__(self, predicate, iterable):
        self._p = bool if predicate is None else predicate
        self._it = iter(iterable)
    def __next__(self):
        while True:
            x = next(self._it)
            if not self._p(x):
                return x

class compress(_It):
    def __init__(self, data, selectors):
        self._d = iter(data)
        self._s = iter(selectors)
    def __next__(self):
        while True:
            x = next(self._d)
            s = next(self._s)
            if s:
                return x

class pairwise(_It):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._last = self
    def __next__(self):
        if self._last is self:
            self._last = next(self._it)
        b = next(self._it)
        a = self._last
        self._last = b
        return (a, b)

class _tee(_It):
    def __init__(self, it, buf, idx):
        self._src = it
        self._buf = buf
        self._i = idx
    def __next__(self):
        buf = self._buf
        if self._i < buf[0] + len(buf[1]):
            v = buf[1][self._i - buf[0]]
        else:
            v = next(self._src)
            buf[1].append(v)
        self._i += 1
        return v
    def __copy__(self):
        return _tee(self._src, self._buf, self._i)
_tee.__name__ = "_tee"

def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buf = [0, []]
    return tuple(_tee(it, buf, 0) for _ in range(n))

class batched(_It):
    def __init__(self, iterable, n):
        if n < 1:
            raise ValueError("n must be at least one")
        self._it = iter(iterable)
        self._n = n
    def __next__(self):
        b = tuple(islice(self._it, self._n))
        if not b:
            raise StopIteration
        return b

del _It
"####;
