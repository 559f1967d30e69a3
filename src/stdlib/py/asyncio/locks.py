"""Synchronization primitives for tasks: Lock, Event, Condition, Semaphore,
BoundedSemaphore and Barrier.

They are not thread-safe: every waiter is a Future of one event loop (the
loop the primitive is first used on).
"""

import collections
import threading

from asyncio.exceptions import CancelledError, BrokenBarrierError
from asyncio.events import _get_running_loop

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore',
           'BoundedSemaphore', 'Barrier')

_bind_lock = threading.Lock()


class _LoopBound:
    # Binds the object to the loop it is first used on.
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            with _bind_lock:
                if self._loop is None:
                    self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop

    def _new_waiter(self, label):
        fut = self._get_loop().create_future()
        fut._trace_label = label
        return fut


class _AsyncWith:
    # `async with primitive:` acquires and releases.

    async def __aenter__(self):
        await self.acquire()
        # As in CPython, `async with lock as x` binds None.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _object_repr(self):
    cls = type(self)
    return '<%s.%s object at %#x' % (cls.__module__, cls.__qualname__, id(self))


class Lock(_AsyncWith, _LoopBound):
    """A mutual-exclusion lock for tasks: acquire() waits while another task
    holds it; waiters get it in the order they came."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'{_object_repr(self)} [{extra}]>'

    def locked(self):
        """True if some task holds the lock."""
        return self._locked

    async def acquire(self):
        """Wait until the lock is free, then take it; returns True."""
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._new_waiter('Lock')
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            # We were woken but give up: pass the turn on.
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        """Free the lock and wake the first waiter. RuntimeError if not held."""
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBound):
    """A flag tasks can wait for: wait() returns once set() was called."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'{_object_repr(self)} [{extra}]>'

    def is_set(self):
        """True if the flag is set."""
        return self._value

    def set(self):
        """Set the flag and wake every waiting task."""
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        """Reset the flag: wait() blocks again."""
        self._value = False

    async def wait(self):
        """Wait until the flag is set; returns True."""
        if self._value:
            return True
        fut = self._new_waiter('Event')
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_AsyncWith, _LoopBound):
    """Tasks wait() (holding the lock) until another task notify()s them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'{_object_repr(self)} [{extra}]>'

    async def wait(self):
        """Release the lock, wait for a notify, take the lock back.

        Returns True. The lock is held again even if the wait is cancelled.
        """
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._new_waiter('Condition')
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        """wait() until predicate() is true; returns its last value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiting tasks (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake every waiting task (the lock must be held)."""
        self.notify(len(self._waiters))


class Semaphore(_AsyncWith, _LoopBound):
    """A counter: acquire() decrements it, waiting while it is zero;
    release() increments it. Waiters are served first come, first served."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'{_object_repr(self)} [{extra}]>'

    def locked(self):
        """True if acquire() would have to wait."""
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        """Take one unit, waiting for a release() if there is none; True."""
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._new_waiter(type(self).__name__)
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                # We were given a unit but are leaving: give it back.
                self._value += 1
            raise
        finally:
            # Let in as many of the later waiters as the value allows.
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def release(self):
        """Give one unit back, waking the first waiter."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() refuses to go above the initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class _BarrierState:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return '<_BarrierState.%s: %r>' % (self.value.upper(), self.value)


_FILLING = _BarrierState('filling')
_DRAINING = _BarrierState('draining')
_RESETTING = _BarrierState('resetting')
_BROKEN = _BarrierState('broken')


class Barrier(_LoopBound):
    """parties tasks wait() until all of them are there, then all go on."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state.value
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'{_object_repr(self)} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait until parties tasks wait; returns this task's arrival index
        (0 to parties-1). BrokenBarrierError if reset or aborted."""
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    # The last one in lets everybody go.
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        # Wait while an earlier round drains or resets.
        await self._cond.wait_for(
            lambda: self._state is not _DRAINING and
            self._state is not _RESETTING)
        if self._state is _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _FILLING)
        if self._state is _BROKEN or self._state is _RESETTING:
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state is _RESETTING or self._state is _DRAINING:
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; current waiters get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiters, current and future, get
        BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        """How many tasks must wait to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """How many tasks wait at the barrier now."""
        if self._state is _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """True if the barrier is broken."""
        return self._state is _BROKEN
