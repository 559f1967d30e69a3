"""Synchronised queues for passing items between threads.

Queue (FIFO), LifoQueue (stack), PriorityQueue (smallest first) and
SimpleQueue (unbounded FIFO without task tracking). Blocking get/put wait on
threading conditions, so they never busy-wait.
"""

import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    __module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded.

    Subclasses change the order by overriding _init, _qsize, _put and _get.
    """

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One lock guards the queue; three conditions share it.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Tell the queue that an item taken with get() has been processed.

        join() returns once every item put has been marked done.
        """
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Block until every item put in the queue has been gotten and processed."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """The approximate number of items in the queue."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """True if the queue is empty (at this moment)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """True if the queue is full (at this moment)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put item into the queue.

        If the queue is full: wait (up to timeout seconds if given) when block
        is true, then raise Full; raise Full at once when block is false.
        """
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item.

        If the queue is empty: wait (up to timeout seconds if given) when
        block is true, then raise Empty; raise Empty at once when block is false.
        """
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(block=False)

    # The storage; override these four to change the order.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    """A queue that hands out the smallest item first (e.g. (priority, data) tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A queue that hands out the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking (put never blocks)."""

    __module__ = '_queue'

    def __init__(self):
        self._queue = deque()
        # Guards _queue (deque operations are not atomic on their own here).
        self._mutex = threading.Lock()
        # Counts the items available; get() waits on it.
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        """Put item into the queue; never blocks (block and timeout are ignored)."""
        with self._mutex:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting as Queue.get does."""
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        with self._mutex:
            return self._queue.popleft()

    def put_nowait(self, item):
        """put(item, block=False)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(False)

    def empty(self):
        """True if the queue is empty (at this moment)."""
        with self._mutex:
            return len(self._queue) == 0

    def qsize(self):
        """The approximate number of items in the queue."""
        with self._mutex:
            return len(self._queue)
