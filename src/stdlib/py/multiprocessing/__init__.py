"""multiprocessing: processes that share nothing and talk by messages.

Spindle runs each Process in its own interpreter: natively an OS thread
with a separate heap of Python objects, in the browser a Web Worker with its
own WebAssembly instance and memory. The "fork" start method is the default
(as on Linux): the child starts from a copy of __main__ as it is at start().

Implemented so far: Process (start, join, is_alive, terminate, kill,
exitcode, pid, name, daemon, close, subclassing run), current_process,
parent_process, active_children, cpu_count, get_start_method,
set_start_method and get_context for "fork" and "spawn"; Queue, SimpleQueue,
JoinableQueue, Pipe, Lock, RLock, Semaphore, BoundedSemaphore, Event,
Condition, Barrier (over _spindle_mp's channels and counters), Pool,
Value, Array, RawValue and RawArray (shared memory, see sharedctypes), and
Manager() (a server process owning dicts, lists, queues, locks... that
proxies call into, see managers).
"""
import os as _os
import sys as _sys

from multiprocessing.process import (BaseProcess, current_process, active_children,
                                     parent_process)
import _spindle_mp


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class Process(BaseProcess):
    """A process started with the context's start method."""
    _start_method = None

    def start(self):
        # The child inherits every Pipe end open here (as fork does file
        # descriptors): count it as one more holder of each.
        import multiprocessing.connection as connection
        self._inherited_ends = connection._before_start()
        try:
            BaseProcess.start(self)
        except BaseException:
            connection._start_failed(self._inherited_ends)
            raise
        finally:
            del self._inherited_ends

    def _bootstrap(self, parent_sentinel=None):
        import multiprocessing.connection as connection
        connection._after_fork(self.__dict__.pop('_inherited_ends', ()))
        try:
            return BaseProcess._bootstrap(self, parent_sentinel)
        finally:
            connection._at_exit()
            managers = _sys.modules.get('multiprocessing.managers')
            if managers is not None:
                managers._at_exit()


# The IPC objects, as CPython's default context provides them.

def Queue(maxsize=0):
    """A queue of picklable objects shared by processes."""
    from multiprocessing.queues import Queue
    return Queue(maxsize)


def JoinableQueue(maxsize=0):
    """A Queue with task_done() and join()."""
    from multiprocessing.queues import JoinableQueue
    return JoinableQueue(maxsize)


def SimpleQueue():
    """A queue with only put, get, empty and close."""
    from multiprocessing.queues import SimpleQueue
    return SimpleQueue()


def Pipe(duplex=True):
    """Two Connection objects joined by a pipe."""
    from multiprocessing.connection import Pipe
    return Pipe(duplex)


def Lock():
    """A non-recursive lock shared by processes."""
    from multiprocessing.synchronize import Lock
    return Lock()


def RLock():
    """A recursive lock shared by processes."""
    from multiprocessing.synchronize import RLock
    return RLock()


def Condition(lock=None):
    """A condition variable shared by processes."""
    from multiprocessing.synchronize import Condition
    return Condition(lock)


def Semaphore(value=1):
    """A semaphore shared by processes."""
    from multiprocessing.synchronize import Semaphore
    return Semaphore(value)


def BoundedSemaphore(value=1):
    """A bounded semaphore shared by processes."""
    from multiprocessing.synchronize import BoundedSemaphore
    return BoundedSemaphore(value)


def Event():
    """An event shared by processes."""
    from multiprocessing.synchronize import Event
    return Event()


def Barrier(parties, action=None, timeout=None):
    """A barrier shared by processes."""
    from multiprocessing.synchronize import Barrier
    return Barrier(parties, action, timeout)


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    """A pool of worker processes."""
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def Manager():
    """A started SyncManager: its server process holds shared objects
    (m.dict(), m.list(), m.Queue()...) that proxies call into."""
    from multiprocessing.managers import SyncManager
    m = SyncManager(ctx=get_context())
    m.start()
    return m


def cpu_count():
    """The number of CPUs (navigator.hardwareConcurrency in the browser)."""
    n = _os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


class BaseContext(object):
    """The shared-memory constructors of a context (CPython's names, so
    that their errors read the same)."""

    def Value(self, typecode_or_type, *args, lock=True):
        """A ctypes object in shared memory, with a lock (an RLock)."""
        from multiprocessing.sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock, ctx=self)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        """A ctypes array in shared memory, with a lock (an RLock)."""
        from multiprocessing.sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock, ctx=self)

    def RawValue(self, typecode_or_type, *args):
        """A ctypes object in shared memory, without a lock."""
        from multiprocessing.sharedctypes import RawValue
        return RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        """A ctypes array in shared memory, without a lock."""
        from multiprocessing.sharedctypes import RawArray
        return RawArray(typecode_or_type, size_or_initializer)

    RLock = staticmethod(RLock)


_default_context = BaseContext()
Value = _default_context.Value
Array = _default_context.Array
RawValue = _default_context.RawValue
RawArray = _default_context.RawArray

_start_method = None
_METHODS = ['fork', 'spawn']


def get_all_start_methods():
    return list(_METHODS)


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = _spindle_mp.default_start_method()
        if _start_method not in _METHODS:
            _start_method = 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in _METHODS:
        if method == 'forkserver':
            raise ValueError('Spindle does not support the %r start method' % method)
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


class _ForkContext(BaseContext):
    """What get_context('fork') returns: the module's API bound to fork."""
    _name = 'fork'

    def Process(self, *args, **kwargs):
        p = Process(*args, **kwargs)
        p._start_method = self._name
        return p

    def get_start_method(self, allow_none=False):
        return self._name

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()

    def parent_process(self):
        return parent_process()

    Queue = staticmethod(Queue)
    JoinableQueue = staticmethod(JoinableQueue)
    SimpleQueue = staticmethod(SimpleQueue)
    Pipe = staticmethod(Pipe)
    Lock = staticmethod(Lock)
    RLock = staticmethod(RLock)
    Condition = staticmethod(Condition)
    Semaphore = staticmethod(Semaphore)
    BoundedSemaphore = staticmethod(BoundedSemaphore)
    Event = staticmethod(Event)
    Barrier = staticmethod(Barrier)

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        from multiprocessing.pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def Manager(self):
        """A started SyncManager whose server process uses this context."""
        from multiprocessing.managers import SyncManager
        m = SyncManager(ctx=self)
        m.start()
        return m


class _SpawnContext(_ForkContext):
    """get_context('spawn'): the child runs the main module again as
    __mp_main__ and receives the Process object by pickle."""
    _name = 'spawn'


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _METHODS:
        if method == 'forkserver':
            raise ValueError('Spindle does not support the %r start method' % method)
        raise ValueError('cannot find context for %r' % method)
    return _SpawnContext() if method == 'spawn' else _ForkContext()
