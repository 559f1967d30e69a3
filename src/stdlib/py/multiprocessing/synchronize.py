"""multiprocessing.synchronize: locks, semaphores, conditions, events and
barriers shared by processes, as in CPython 3.11.

CPython builds them all on a POSIX semaphore (_multiprocessing.SemLock).
Spindle's processes share no memory, so the semaphore here is a channel of
_spindle_mp (runtime/ipc.rs) holding one empty message per unit of value:
acquire takes a message (blocking while there is none), release puts one
back. The channel id is a plain int, so the object copies into a child at
start() and both copies name the same semaphore. What CPython keeps per
process (the owner thread and the recursion count) is kept in the object,
and reset when a copy first runs in another process.
"""
import os
import sys
import threading
import time

import _spindle_mp as _mp
import multiprocessing.process as process

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

RECURSIVE_MUTEX, SEMAPHORE = list(range(2))
SEM_VALUE_MAX = 2147483647

_TOKEN = b''


def _timeout(block, timeout):
    """The channel wait for acquire(block, timeout): None forever, 0 poll."""
    if not block:
        return 0
    if timeout is None:
        return None
    return max(0.0, timeout)


def assert_spawning(obj):
    """Pickling is only for a spawned child's start (process._spawning set
    by the start method while it pickles the Process object)."""
    if getattr(process, '_spawning', False):
        return
    raise RuntimeError('%s objects should only be shared between processes'
                       ' through inheritance' % type(obj).__name__)


class _SemLock(object):
    """What _multiprocessing.SemLock is in CPython, made of a channel of tokens."""

    def __init__(self, kind, value, maxvalue):
        if kind not in (RECURSIVE_MUTEX, SEMAPHORE):
            raise ValueError("unrecognized kind")
        if value < 0 or value > maxvalue:
            raise ValueError("invalid value")
        self.kind = kind
        self.maxvalue = maxvalue
        # A token costs 4 bytes of a channel in the browser: a lock's channel
        # needs a few bytes, not the default MiB of the run's IPC memory.
        if maxvalue <= 4096:
            self.handle = _mp.channel_new(4 * maxvalue)
        else:
            self.handle = _mp.channel_new()
        for _ in range(value):
            _mp.channel_put(self.handle, _TOKEN)
        self.name = None
        self._pid = os.getpid()
        self._cnt = 0
        self._last_tid = 0

    def _here(self):
        # A copy that arrived in another process starts unowned there.
        pid = os.getpid()
        if self._pid != pid:
            self._pid = pid
            self._cnt = 0
            self._last_tid = 0

    def _is_mine(self):
        self._here()
        return self._cnt > 0 and self._last_tid == threading.get_ident()

    def _count(self):
        self._here()
        return self._cnt

    def _get_value(self):
        return _mp.channel_len(self.handle)

    def _is_zero(self):
        return _mp.channel_len(self.handle) == 0

    def _after_fork(self):
        self._cnt = 0

    def acquire(self, block=True, timeout=None):
        self._here()
        if self.kind == RECURSIVE_MUTEX and self._is_mine():
            self._cnt += 1
            return True
        if _mp.channel_get(self.handle, _timeout(block, timeout)) is None:
            return False
        self._cnt += 1
        self._last_tid = threading.get_ident()
        return True

    def release(self):
        self._here()
        if self.kind == RECURSIVE_MUTEX:
            if not self._is_mine():
                raise AssertionError("attempt to release recursive lock not owned by thread")
            if self._cnt > 1:
                self._cnt -= 1
                return
        elif _mp.channel_len(self.handle) >= self.maxvalue:
            raise ValueError("semaphore or lock released too many times")
        _mp.channel_put(self.handle, _TOKEN)
        self._cnt -= 1

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()


class SemLock(object):
    """Base class of the semaphores and locks."""

    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._semlock = _SemLock(kind, value, maxvalue)

    def acquire(self, block=True, timeout=None):
        return self._semlock.acquire(block, timeout)

    def release(self):
        return self._semlock.release()

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        assert_spawning(self)
        return self.__dict__.copy()


class Semaphore(SemLock):

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % \
               (self.__class__.__name__, value, self._semlock.maxvalue)


def _owner_name():
    name = process.current_process().name
    if threading.current_thread().name != 'MainThread':
        name += '|' + threading.current_thread().name
    return name


class Lock(SemLock):
    """A non-recursive lock: any thread of any process may release it."""

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = _owner_name()
            elif self._semlock._get_value() == 1:
                name = 'None'
            elif self._semlock._count() > 0:
                name = 'SomeOtherThread'
            else:
                name = 'SomeOtherProcess'
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):
    """A recursive lock, owned by one thread of one process."""

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = _owner_name()
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = 'None', 0
            elif self._semlock._count() > 0:
                name, count = 'SomeOtherThread', 'nonzero'
            else:
                name, count = 'SomeOtherProcess', 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Condition(object):
    """A condition variable; waiters in any process (CPython's algorithm)."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def __getstate__(self):
        assert_spawning(self)
        return self.__dict__.copy()

    def acquire(self, block=True, timeout=None):
        return self._lock.acquire(block, timeout)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() -
                           self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), \
               'must acquire() condition before using wait()'
        # This thread is going to sleep.
        self._sleeping_count.release()
        count = self._lock._semlock._count()
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            # This thread has woken; take the lock back.
            self._woken_count.release()
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(
            False), ('notify: Should not have been able to acquire '
                     + '_wait_semaphore')
        # Account for the waiters that timed out since the last notify.
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, ('notify: Bug in sleeping_count.acquire'
                         + '- res should not be False')
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()        # wake up one sleeper
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()       # wait for a sleeper to wake
            # In case some timeouts just happened.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        return wait_for(self.wait, predicate, timeout)


def wait_for(wait, predicate, timeout=None):
    """Condition.wait_for over a `wait(timeout)`: call it until predicate()
    is true or `timeout` seconds have passed (also for managers' proxies)."""
    result = predicate()
    if result:
        return result
    endtime = None if timeout is None else time.monotonic() + timeout
    waittime = None
    while not result:
        if endtime is not None:
            waittime = endtime - time.monotonic()
            if waittime <= 0:
                break
        wait(waittime)
        result = predicate()
    return result


class Event(object):
    """A flag that processes can set, clear and wait for."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self) -> str:
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Barrier(threading.Barrier):
    """threading.Barrier with its state and count in shared counters."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._cond = Condition()
        self._counters = (_mp.counter_new(0), _mp.counter_new(0))

    def __getstate__(self):
        assert_spawning(self)
        return self.__dict__.copy()

    def _set(self, i, value):
        c = self._counters[i]
        _mp.counter_add(c, value - _mp.counter_get(c))

    @property
    def _state(self):
        return _mp.counter_get(self._counters[0])

    @_state.setter
    def _state(self, value):
        self._set(0, value)

    @property
    def _count(self):
        return _mp.counter_get(self._counters[1])

    @_count.setter
    def _count(self, value):
        self._set(1, value)
