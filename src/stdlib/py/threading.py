"""Threads and synchronisation primitives, built on the low-level _thread module.

Spindle runs every Thread on its own OS thread (a Web Worker in the browser).
All waiting goes through _thread lock acquires, which release the GIL, honour
stop requests and show up in the run's timeline; nothing here busy-waits.
"""

import os as _os
import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

# Names taken straight from _thread.
_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
try:
    get_native_id = _thread.get_native_id
    _HAVE_THREAD_NATIVE_ID = True
except AttributeError:
    _HAVE_THREAD_NATIVE_ID = False
ThreadError = _thread.error
try:
    _CRLock = _thread.RLock
except AttributeError:
    _CRLock = None
TIMEOUT_MAX = _thread.TIMEOUT_MAX
try:
    _daemon_threads_allowed = _thread.daemon_threads_allowed
except AttributeError:
    def _daemon_threads_allowed():
        return True
try:
    stack_size = _thread.stack_size
except AttributeError:
    def stack_size(size=0):
        return 0


# ---------------------------------------------------------------- tracing
# Spindle has no tracing hooks; the functions keep the values so that code
# which installs and reads them back works.

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Remember a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The profiler function set with setprofile(), or None."""
    return _profile_hook


def settrace(func):
    """Remember a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The trace function set with settrace(), or None."""
    return _trace_hook


# ---------------------------------------------------------------- locks

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again.

    Each acquire() must be balanced by a release() from the owning thread.
    """
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """Reentrant lock written in Python (used when _thread has no RLock)."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__,
            self.__class__.__qualname__,
            owner,
            self._count,
            hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        if self._owner == get_ident():
            return self._count
        return 0


_PyRLock = _RLock


# ---------------------------------------------------------------- Condition

class Condition:
    """A condition variable: threads wait() until another thread notify()s.

    It wraps a lock (a new RLock unless one is given); the lock must be held
    to wait or notify. Waiting releases it and takes it back before returning.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Use the lock's own save/restore/ownership test when it has them
        # (RLock does: waiting must release every level of recursion).
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        # The waiters' locks, oldest first (only touched with the lock held).
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock cannot tell who holds it; held by anyone counts.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, block until notified or timed out, re-acquire.

        Returns True unless the given timeout expired.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        # Each waiter blocks on its own lock, which notify() releases.
        waiter = _thread._labelled_lock('notify() of Condition %#x' % id(self))
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true (or the timeout runs out).

        Returns the last value of predicate().
        """
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n threads waiting on this condition."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # Already released by a waiter that timed out meanwhile.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        self.notify_all()


# ---------------------------------------------------------------- semaphores

class Semaphore:
    """A counter that acquire() decrements (blocking at zero) and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Decrement the counter, waiting while it is zero.

        Returns False if not blocking (or the timeout expired) and the
        counter stayed at zero, True otherwise.
        """
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Increment the counter by n, waking up to n waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose counter may never exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        """Increment the counter; ValueError if it would pass the initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


# ---------------------------------------------------------------- Event

class Event:
    """A flag that threads can wait for: set() wakes every waiter."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        """True once set() has been called (and not clear()ed since)."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        return self._flag

    def set(self):
        """Set the flag and wake up every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set or the timeout runs out; return the flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---------------------------------------------------------------- Barrier
# States: 0 filling (threads arriving), 1 draining (released threads leaving),
# -1 resetting (waiters leave with BrokenBarrierError), -2 broken.

class Barrier:
    """Makes a fixed number of threads wait for each other.

    wait() blocks until `parties` threads are waiting, then releases them all
    (after one of them has run `action`, if given) and returns each a distinct
    index in range(parties). The barrier can then be used again.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait until all parties have arrived; return this thread's index."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait for the previous round to drain (or a reset to finish).
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        # The last arrival runs the action and lets everyone go.
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            # Timed out: nobody else may pass either.
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        # The last thread out ends the draining or resetting phase.
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Return the barrier to its initial state; current waiters get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future waiters get BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of threads needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting in the barrier now."""
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """True if the barrier is broken."""
        return self._state == -2


class BrokenBarrierError(RuntimeError):
    pass


# ---------------------------------------------------------------- registry

def _make_counter(start):
    # A thread-safe counter: the next() of itertools.count is not atomic
    # when threads really run in parallel.
    lock = _allocate_lock()
    box = [start]

    def counter():
        with lock:
            n = box[0]
            box[0] = n + 1
        return n
    return counter


_counter = _make_counter(1)


def _newname(name_template):
    return name_template % _counter()


# Threads being started (_limbo) and running (_active, by ident).
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# The tstate locks of running non-daemon threads, which _shutdown() joins
# (keyed by id(lock)).
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = {}


def _maintain_shutdown_locks():
    # Forget the locks of threads that have already finished.
    for key in [k for k, lock in _shutdown_locks.items() if not lock.locked()]:
        del _shutdown_locks[key]


# ---------------------------------------------------------------- Thread

class Thread:
    """A thread of control.

    Pass a callable as `target` (called with `args` and `kwargs`), or
    subclass and override run(). start() runs it in a new thread.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass

        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _daemon_threads_allowed():
                raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._tlocals = []
        self._initialized = True
        # Where the excepthook writes if sys.stderr is gone by then.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a thread that has ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start running the thread (at most once per Thread object)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            # Spindle's start_new_thread takes the thread's name as a 4th
            # argument: it names the thread's lane in the run's timeline.
            _start_new_thread(self._bootstrap, (), None, self._name)
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """What the thread does: call target(*args, **kwargs). Override freely."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Don't keep the target and its arguments alive after the run.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()

    def _set_ident(self):
        self._ident = get_ident()

    if _HAVE_THREAD_NATIVE_ID:
        def _set_native_id(self):
            self._native_id = get_native_id()

    def _set_tstate_lock(self):
        # The sentinel lock is held while this thread lives and released by
        # _thread when it ends: join() waits by acquiring it.
        lock = _set_sentinel()
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks[id(lock)] = lock

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            if _HAVE_THREAD_NATIVE_ID:
                self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]

            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        lock = self._tstate_lock
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon and lock is not None:
            with _shutdown_locks_lock:
                _shutdown_locks.pop(id(lock), None)

    def _delete(self):
        # Drop this thread's thread-local values, then unregister it.
        for loc in self._tlocals:
            try:
                object.__getattribute__(loc, '_local__dicts').pop(id(self), None)
            except Exception:
                pass
        self._tlocals = []
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread ends, or until `timeout` seconds have passed.

        Check is_alive() afterwards to know which happened.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """The thread's name (not necessarily unique)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread identifier (an int), or None before the thread starts."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    if _HAVE_THREAD_NATIVE_ID:
        @property
        def native_id(self):
            """The operating system's id for the thread, or None before it starts."""
            assert self._initialized, "Thread.__init__() not called"
            return self._native_id

    def is_alive(self):
        """True from just before run() starts until just after it ends."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Whether this is a daemon thread, which the program does not wait for at exit."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if daemonic and not _daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated: use the daemon attribute."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated: set the daemon attribute."""
        self.daemon = daemonic

    def getName(self):
        """Deprecated: use the name attribute."""
        return self.name

    def setName(self, name):
        """Deprecated: set the name attribute."""
        self.name = name


# ---------------------------------------------------------------- excepthook

class _ExceptHookArgs(tuple):
    """The argument of threading.excepthook: (exc_type, exc_value, exc_traceback, thread)."""

    __module__ = '_thread'

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)"
                            % len(args))
        return tuple.__new__(cls, args)

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % tuple(self))


ExceptHookArgs = _ExceptHookArgs


def _exception_line(exc_type, exc_value):
    # The last line of a traceback: "Type: message" (module-qualified
    # outside __main__ and builtins).
    name = getattr(exc_type, '__qualname__', None) or exc_type.__name__
    module = getattr(exc_type, '__module__', None)
    if module not in (None, '__main__', 'builtins'):
        name = module + '.' + name
    if exc_value is None:
        return name
    try:
        msg = str(exc_value)
    except Exception:
        msg = '<exception str() failed>'
    return "%s: %s" % (name, msg) if msg else name


_initial_stderr = _sys.stderr


def _print_exception(exc_type, exc_value, exc_tb, file):
    # Print a traceback the way an uncaught exception is reported.
    # Spindle's sys.__excepthook__ writes to the current sys.stderr, so it
    # serves whenever that is the file; for any other file (sys.stderr gone,
    # the thread's saved one used) only the last line is written.
    hook = getattr(_sys, '__excepthook__', None) or getattr(_sys, 'excepthook', None)
    if hook is not None and file is getattr(_sys, 'stderr', None):
        hook(exc_type, exc_value, exc_tb)
        return
    file.write(_exception_line(exc_type, exc_value) + "\n")


def excepthook(args, /):
    """Report an exception that escaped Thread.run(): 'Exception in thread NAME:'
    and the traceback, on sys.stderr. SystemExit is ignored silently."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.write(f"Exception in thread {name}:\n")
    stderr.flush()
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback, stderr)
    stderr.flush()


__excepthook__ = excepthook


def _exc_info():
    t, v, tb = _sys.exc_info()
    if tb is None and v is not None:
        tb = getattr(v, '__traceback__', None)
    return (t, v, tb)


def _make_invoke_excepthook():
    # Everything the hook needs is captured now, while the thread is created.
    old_excepthook = excepthook
    old_sys_excepthook = getattr(_sys, 'excepthook', None)
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    local_sys = _sys

    def invoke_excepthook(thread):
        args = None
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            stderr.write("Exception in threading.excepthook:\n")
            stderr.flush()
            sys_hook = getattr(local_sys, 'excepthook', None) or old_sys_excepthook
            if sys_hook is not None:
                sys_hook(*_exc_info())
        finally:
            args = None

    return invoke_excepthook


# ---------------------------------------------------------------- Timer

class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval` seconds,
    unless cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---------------------------------------------------------------- special threads

class _MainThread(Thread):
    """The thread the program started in."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        # Held until _shutdown(), so joining the main thread waits for the end.
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread not started by this module (e.g. _thread.start_new_thread).

    It is always alive and daemonic, and cannot be joined.
    """

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"),
                        daemon=_daemon_threads_allowed())
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---------------------------------------------------------------- module functions

def current_thread():
    """The Thread object of the calling thread (a dummy one for foreign threads)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    return current_thread()


def active_count():
    """The number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """A list of all Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) in _shutdown(), before the threads are joined
    (last registered, first called)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


_main_thread = _MainThread()


def main_thread():
    """The Thread object of the main thread."""
    return _main_thread


def _shutdown():
    """Called after the main module ends: wait for every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True

    for atexit_call in reversed(_threading_atexits):
        atexit_call()

    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        if tlock is not None and tlock.locked():
            tlock.release()
        _main_thread._stop()

    # Join the non-daemon threads, including any they start meanwhile.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks.values())
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


# ---------------------------------------------------------------- thread-local data

_MISSING = object()


def _class_attr(cls, name):
    for klass in cls.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return _MISSING


def _is_data_descriptor(attr):
    if isinstance(attr, property):
        return True
    t = type(attr)
    return _class_attr(t, '__set__') is not _MISSING or _class_attr(t, '__delete__') is not _MISSING


def _descriptor_get(self, name, attr):
    # Call a data descriptor's getter (object.__getattribute__ would do it,
    # but Spindle's does not call __get__ yet).
    if isinstance(attr, property):
        if attr.fget is None:
            raise AttributeError(
                f"property {name!r} of {type(self).__name__!r} object has no getter")
        return attr.fget(self)
    get = _class_attr(type(attr), '__get__')
    if get is _MISSING:
        return attr
    return get(attr, self, type(self))


def _local_dict(self):
    # This thread's attribute dict of local object `self`, made on first use
    # (running the subclass's __init__ with the constructor's arguments).
    dicts = object.__getattribute__(self, '_local__dicts')
    thread = current_thread()
    entry = dicts.get(id(thread))
    if entry is not None:
        return entry[1]
    d = {}
    dicts[id(thread)] = (thread, d)
    thread._tlocals.append(self)
    cls = type(self)
    if cls.__init__ is not object.__init__:
        args, kw = object.__getattribute__(self, '_local__args')
        cls.__init__(self, *args, **kw)
    return d


def _no_attribute(self, name):
    cls = type(self)
    tname = '_thread._local' if cls is _local else cls.__name__
    return AttributeError(f"'{tname}' object has no attribute '{name}'")


class _local:
    """Thread-local data: each thread sees its own set of attributes.

    A subclass's __init__ runs once in each thread that uses the object,
    with the arguments given to the constructor.
    """

    __module__ = '_thread'

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        object.__setattr__(self, '_local__dicts', {})
        # The creating thread gets its dict now; the normal constructor
        # call runs __init__ for it.
        thread = current_thread()
        object.__getattribute__(self, '_local__dicts')[id(thread)] = (thread, {})
        thread._tlocals.append(self)
        return self

    def __getattribute__(self, name):
        if name.startswith('_local__'):
            return object.__getattribute__(self, name)
        d = _local_dict(self)
        if name == '__dict__':
            return d
        attr = _class_attr(type(self), name)
        if attr is not _MISSING and _is_data_descriptor(attr):
            return _descriptor_get(self, name, attr)
        try:
            return d[name]
        except KeyError:
            pass
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if type(self) is _local:
                raise _no_attribute(self, name) from None
            raise

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "'%s' object attribute '__dict__' is read-only" % type(self).__name__)
        attr = _class_attr(type(self), name)
        if attr is not _MISSING and _is_data_descriptor(attr):
            return object.__setattr__(self, name, value)
        _local_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "'%s' object attribute '__dict__' is read-only" % type(self).__name__)
        attr = _class_attr(type(self), name)
        if attr is not _MISSING and _is_data_descriptor(attr):
            return object.__delattr__(self, name)
        d = _local_dict(self)
        if name not in d:
            raise _no_attribute(self, name)
        del d[name]


local = _local
