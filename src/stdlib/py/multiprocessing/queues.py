"""multiprocessing.queues: Queue, SimpleQueue and JoinableQueue, as in CPython 3.11.

An item travels pickled, as one message of a _spindle_mp channel (a FIFO of
bytes that every process of the run can use; its id is a plain int, so the
queue object copies into a child at start()). CPython's Queue hands items to
a feeder thread that writes them to a pipe; here put() pickles and sends at
once, which the channel allows because it does not block on a small
buffer. A pickling error in Queue.put is reported on stderr and the item
dropped, as CPython's feeder thread does; SimpleQueue.put raises it.
maxsize is a BoundedSemaphore of free slots, as in CPython.
"""
import sys
import time
import pickle

from queue import Empty, Full

import _spindle_mp as _mp
import multiprocessing.synchronize as synchronize

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


_assert_spawning = synchronize.assert_spawning


class Queue(object):

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = synchronize.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._chan = _mp.channel_new()
        # Free slots; none needed when the queue is unbounded.
        if maxsize < synchronize.SEM_VALUE_MAX:
            self._sem = synchronize.BoundedSemaphore(maxsize)
        else:
            self._sem = None
        self._ignore_epipe = False
        self._closed = False
        self._joincancelled = False

    def __getstate__(self):
        _assert_spawning(self)
        return self.__dict__.copy()

    def _acquire_slot(self, block, timeout):
        return self._sem is None or self._sem.acquire(block, timeout)

    def _release_slot(self):
        if self._sem is not None:
            self._sem.release()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._acquire_slot(block, timeout):
            raise Full
        try:
            data = pickle.dumps(obj)
        except Exception as e:
            # What the feeder thread does: the item is dropped.
            self._release_slot()
            self._on_queue_feeder_error(e, obj)
            return
        self._send(data)

    def _send(self, data):
        _mp.send(self._chan, data)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        res = _mp.recv(self._chan, synchronize._timeout(block, timeout))
        if res is None:
            raise Empty
        self._release_slot()
        return pickle.loads(res)

    def qsize(self):
        return _mp.channel_len(self._chan)

    def empty(self):
        return _mp.channel_len(self._chan) == 0

    def full(self):
        return self._sem is not None and self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        self._joincancelled = True

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """Called when an item cannot be pickled; prints the traceback."""
        sys.stderr.write('Traceback (most recent call last):\n')
        tb = e.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            sys.stderr.write('  File "%s", line %d, in %s\n'
                             % (code.co_filename, tb.tb_lineno, code.co_name))
            tb = tb.tb_next
        t = type(e)
        mod = t.__module__
        name = t.__qualname__ if mod in ('builtins', '__main__') else mod + '.' + t.__qualname__
        msg = str(e)
        sys.stderr.write(name + (': ' + msg if msg else '') + '\n')
        sys.stderr.flush()

    def __class_getitem__(cls, item):
        return cls


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = synchronize.Semaphore(0)
        self._cond = synchronize.Condition()

    def _send(self, data):
        # Counted as unfinished in the same step as it becomes visible.
        with self._cond:
            _mp.send(self._chan, data)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue(object):

    def __init__(self, *, ctx=None):
        self._chan = _mp.channel_new()
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def close(self):
        self._closed = True

    def empty(self):
        self._check_closed()
        return _mp.channel_len(self._chan) == 0

    def __getstate__(self):
        _assert_spawning(self)
        return self.__dict__.copy()

    def get(self):
        self._check_closed()
        return pickle.loads(_mp.recv(self._chan))

    def _get(self, timeout):
        # For the pool: the next item, or raise Empty after timeout.
        res = _mp.recv(self._chan, timeout)
        if res is None:
            raise Empty
        return pickle.loads(res)

    def put(self, obj):
        data = pickle.dumps(obj)
        self._check_closed()
        _mp.send(self._chan, data)

    def __class_getitem__(cls, item):
        return cls
