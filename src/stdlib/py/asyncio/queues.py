"""Queues for tasks: Queue (FIFO), PriorityQueue and LifoQueue.

Not thread-safe: producers and consumers are tasks of one event loop.
"""

import collections
import heapq

from asyncio.locks import Event, _LoopBound

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """get_nowait() found the queue empty."""


class QueueFull(Exception):
    """put_nowait() found the queue full."""


class Queue(_LoopBound):
    """A first-in, first-out queue of at most maxsize items (0: no limit).

    put() waits while the queue is full, get() while it is empty; join()
    waits until task_done() was called once for every item put.
    """

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()   # futures of waiting get()s
        self._putters = collections.deque()   # futures of waiting put()s
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    # Subclasses change the order by overriding these three.

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake the first waiter that is still waiting.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    @classmethod
    def __class_getitem__(cls, item):
        return cls

    def _format(self):
        text = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            text += f' _queue={list(self._queue)!r}'
        if self._getters:
            text += f' _getters[{len(self._getters)}]'
        if self._putters:
            text += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            text += f' tasks={self._unfinished_tasks}'
        return text

    def qsize(self):
        """How many items are in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """The most items the queue holds (0: no limit)."""
        return self._maxsize

    def empty(self):
        """True if the queue has no items."""
        return not self._queue

    def full(self):
        """True if the queue holds maxsize items (never, for maxsize 0)."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put item in the queue, waiting for a free slot if it is full."""
        while self.full():
            putter = self._new_waiter(type(self).__name__ + '.put')
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass   # a get_nowait() took it off already
                if not self.full() and not putter.cancelled():
                    # A slot was offered to us: offer it to the next one.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put item in the queue at once; QueueFull if there is no room."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        """Take an item out of the queue, waiting for one if it is empty."""
        while self.empty():
            getter = self._new_waiter(type(self).__name__ + '.get')
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass   # a put_nowait() took it off already
                if not self.empty() and not getter.cancelled():
                    # An item was offered to us: offer it to the next one.
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Take an item out at once; QueueEmpty if there is none."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Tell the queue that an item taken with get() has been processed.

        When every item put has been processed, join() returns.
        ValueError if called more often than items were put.
        """
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put has been processed (see task_done)."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue that hands out the smallest item first (a heap).

    Items are typically (priority, data) tuples.
    """

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """A Queue that hands out the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
