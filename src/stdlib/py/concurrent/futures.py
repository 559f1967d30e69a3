"""Run calls asynchronously: Futures, executors and ways to wait for them.

ThreadPoolExecutor runs submitted calls on a pool of threading.Threads; a
Future stands for each call's eventual result. wait() and as_completed()
wait for groups of futures. ProcessPoolExecutor runs them in
multiprocessing Processes.
"""

import os
import sys
import time
import itertools
import queue
import threading
from collections import namedtuple

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ThreadPoolExecutor',
    'ProcessPoolExecutor',
)

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# The states of a Future.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'               # cancelled, waiters not told yet
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_BASE = 'concurrent.futures._base'


class Error(Exception):
    """Base class for all future-related exceptions."""
    __module__ = _BASE


class CancelledError(Error):
    """The Future was cancelled."""
    __module__ = _BASE


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    __module__ = _BASE


class BrokenExecutor(RuntimeError):
    """The executor can no longer be used after a severe failure."""
    __module__ = _BASE


def _log_exception(message):
    # What CPython's logging would print for LOGGER.exception(message):
    # the message, then the traceback of the exception being handled.
    stderr = sys.stderr
    if stderr is None:
        return
    stderr.write(message + "\n")
    stderr.flush()
    t, v, tb = sys.exc_info()
    if t is not None:
        if tb is None:
            tb = getattr(v, '__traceback__', None)
        threading._print_exception(t, v, tb, stderr)


# ---------------------------------------------------------------- waiters
# A waiter is installed in each future a wait()/as_completed() call watches;
# the future reports to it when it finishes, and it sets its event when the
# caller should wake up.

class _Waiter(object):
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    """Wakes as_completed() for each future that finishes."""

    def __init__(self):
        super(_AsCompletedWaiter, self).__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    """Wakes wait(return_when=FIRST_COMPLETED) at the first finished future."""

    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    """Wakes wait() when every future is done (or, optionally, one raised)."""

    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        super().add_result(future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._decrement_pending_calls()


class _AcquireFutures(object):
    """Holds the conditions of several futures at once (in a fixed order)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(
            f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, ref_collect):
    # Yield futures from the end of fs, forgetting them everywhere first.
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)
        with f._condition:
            f._waiters.remove(waiter)
        del f
        yield fs.pop()


def as_completed(fs, timeout=None):
    """An iterator over the futures in fs, each yielded as it completes.

    Futures already done come first. Duplicates in fs are yielded once.
    TimeoutError if some are still pending when `timeout` seconds have
    passed since the call.
    """
    if timeout is not None:
        end_time = timeout + time.monotonic()

    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(
            f for f in fs
            if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, ref_collect=(fs,))

        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError(
                        '%d (of %d) futures unfinished' % (
                            len(pending), total_futures))

            waiter.event.wait(wait_timeout)

            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()

            # Reversed, so that popping from the end yields them in order.
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter,
                                               ref_collect=(fs, pending))

    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)


DoneAndNotDoneFutures = namedtuple('DoneAndNotDoneFutures', 'done not_done')
DoneAndNotDoneFutures.__module__ = _BASE


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs to complete, as return_when says.

    return_when is FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED.
    Returns a named 2-tuple of sets (done, not_done).
    """
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs
                if f._state in [CANCELLED_AND_NOTIFIED, FINISHED]}
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done
                   if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)

        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)

        waiter = _create_and_install_waiters(fs, return_when)

    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)

    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


# ---------------------------------------------------------------- Future

class Future(object):
    """The eventual result of an asynchronous call."""

    __module__ = _BASE

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r' % (self,))

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                else:
                    return '<%s at %#x state=%s returned %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (
                self.__class__.__name__,
                id(self),
                _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel the call if it has not started yet.

        Returns False if it is running or finished, True otherwise.
        """
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True

            self._state = CANCELLED
            self._condition.notify_all()

        self._invoke_callbacks()
        return True

    def cancelled(self):
        """True if the call was cancelled."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        """True if the call is running now."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True if the call finished or was cancelled."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        else:
            return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future finishes or is cancelled.

        Called at once if it is already done. Callbacks run in the order
        added, in the thread that completes the future; exceptions they
        raise are reported and otherwise ignored.
        """
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r' % (self,))

    def result(self, timeout=None):
        """The call's return value, waiting up to timeout seconds for it.

        Raises CancelledError if cancelled, TimeoutError if it did not
        finish in time, or the exception the call raised.
        """
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()

            self._condition.wait(timeout)

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            else:
                raise TimeoutError()

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting
        up to timeout seconds; CancelledError or TimeoutError as result()."""
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception

            self._condition.wait(timeout)

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()

    # For executors and tests.

    def set_running_or_notify_cancel(self):
        """Mark the future running, or notify waiters that it was cancelled.

        Executors call it before running the call: False means it was
        cancelled (and must not run), True that it is now running.
        """
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                sys.stderr.write('Future %s in unexpected state: %s\n'
                                 % (id(self), self._state))
                raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Set the call's result (for executors and tests)."""
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """Set the exception the call raised (for executors and tests)."""
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    @classmethod
    def __class_getitem__(cls, item):
        return cls


# ---------------------------------------------------------------- Executor

class Executor(object):
    """Base class of executors: submit() is theirs, map() and the context
    manager are built on it."""

    __module__ = _BASE

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by the executor.

        All calls are submitted at once; results come back in order.
        TimeoutError if a result is not ready `timeout` seconds after the
        call to map(). chunksize is accepted for compatibility.
        """
        if timeout is not None:
            end_time = timeout + time.monotonic()

        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        # A nested generator, so that everything is submitted before the
        # first result is asked for.
        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources; with wait, after the pending calls ran.

        Safe to call more than once. cancel_futures cancels calls that have
        not started.
        """
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# ---------------------------------------------------------------- ThreadPoolExecutor

_THREAD = 'concurrent.futures.thread'

# Every pool thread and its work queue, so that the end of the program can
# wake and join them (threading._shutdown calls _python_exit first).
_threads_queues = {}
_shutdown = False
# Held while submitting, so that no work slips in once exit has begun.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _log_exception('Exception in initializer:')
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                # This thread is idle again: the next submit may reuse it.
                executor._idle_semaphore.release()
                continue

            # None wakes workers up to check for shutdown.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                # Pass the wake-up on to the other workers.
                work_queue.put(None)
                return
    except BaseException:
        _log_exception('Exception in worker')
    finally:
        _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(BrokenExecutor):
    """A worker thread of a ThreadPoolExecutor failed to initialize."""
    __module__ = _THREAD


class ThreadPoolExecutor(Executor):
    """An Executor that runs calls on a pool of at most max_workers threads.

    Threads are started as needed (an idle one is reused first) and named
    '<thread_name_prefix>_<n>'; initializer(*initargs) runs at the start of
    each. max_workers defaults to min(32, os.cpu_count() + 4).
    """

    __module__ = _THREAD

    # Numbers the default thread name prefixes (thread-safe).
    _counter = staticmethod(threading._make_counter(0))

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return a Future for its result."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle thread will take the new item: no need for another.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Fail every call still waiting in the queue.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting calls; with wait, join the threads once the queue is done.

        cancel_futures cancels the calls that have not started.
        """
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Wake up workers blocked in get() so they see the shutdown.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


# ---------------------------------------------------------------- ProcessPoolExecutor
#
# Calls travel pickled to worker Processes through a multiprocessing
# SimpleQueue, and results come back through another. In the parent, a
# feeder thread moves submitted calls to the call queue, keeping at most
# max_workers + 1 of them there so that the others can still be cancelled,
# and a result thread completes the futures. A worker that ends puts None
# on the result queue.

_PROCESS = 'concurrent.futures.process'
EXTRA_QUEUED_CALLS = 1
_process_executors = []


def _python_exit_processes():
    for executor in list(_process_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit_processes)


class BrokenProcessPool(BrokenExecutor):
    """A process of a ProcessPoolExecutor ended abruptly or failed to start."""
    __module__ = _PROCESS


class _RemoteTraceback(Exception):
    __module__ = _PROCESS

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class _ExceptionWithTraceback:
    def __init__(self, exc, tb):
        lines = ['Traceback (most recent call last):\n']
        while tb is not None:
            code = tb.tb_frame.f_code
            lines.append('  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno, code.co_name))
            tb = tb.tb_next
        t = type(exc)
        name = t.__qualname__ if t.__module__ in ('builtins', '__main__') else t.__module__ + '.' + t.__qualname__
        msg = str(exc)
        lines.append(name + (': ' + msg if msg else '') + '\n')
        self.exc = exc
        exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % ''.join(lines)

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


class _ChunkCall(object):
    """functools.partial(_process_chunk, fn), as a picklable object."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _process_worker(call_queue, result_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _log_exception('Exception in initializer:')
            result_queue.put(('broken', None, None))
            return
    try:
        while True:
            call_item = call_queue.get()
            if call_item is None:
                return
            work_id, fn, args, kwargs = call_item
            try:
                r = fn(*args, **kwargs)
            except BaseException as e:
                exc = _ExceptionWithTraceback(e, e.__traceback__)
                try:
                    result_queue.put((work_id, exc, None))
                except BaseException as e2:
                    result_queue.put((work_id, _ExceptionWithTraceback(e2, e2.__traceback__), None))
            else:
                try:
                    result_queue.put((work_id, None, r))
                except BaseException as e:
                    result_queue.put((work_id, _ExceptionWithTraceback(e, e.__traceback__), None))
            del call_item, fn, args, kwargs
    finally:
        result_queue.put(None)


class ProcessPoolExecutor(Executor):
    """An Executor that runs calls in a pool of at most max_workers processes.

    max_workers defaults to os.cpu_count(). The processes start at the
    first submit(); initializer(*initargs) runs at the start of each.
    """

    __module__ = _PROCESS

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            # Within the run's cap on live processes (maxProcesses).
            import _spindle_mp
            max_workers = min(os.cpu_count() or 1, _spindle_mp.max_processes())
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        import multiprocessing
        if mp_context is None:
            mp_context = multiprocessing.get_context()
        self._mp_context = mp_context
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._processes = {}
        self._pending_work_items = {}
        self._work_ids = queue.SimpleQueue()
        self._queue_count = 0
        self._slots = threading.Semaphore(max_workers + EXTRA_QUEUED_CALLS)
        self._call_queue = None
        self._result_queue = None
        self._feeder = None
        self._collector = None
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._broken = False

    def _start(self):
        if self._feeder is not None:
            return
        self._call_queue = self._mp_context.SimpleQueue()
        self._result_queue = self._mp_context.SimpleQueue()
        for _ in range(self._max_workers):
            p = self._mp_context.Process(
                target=_process_worker,
                args=(self._call_queue, self._result_queue,
                      self._initializer, self._initargs))
            p.start()
            self._processes[p.pid] = p
        self._feeder = threading.Thread(target=self._feed, name='ProcessPoolExecutorFeeder', daemon=True)
        self._collector = threading.Thread(target=self._collect, name='ProcessPoolExecutorCollector', daemon=True)
        self._feeder.start()
        self._collector.start()
        _process_executors.append(self)

    def _feed(self):
        # Moves calls to the call queue, then tells the workers to exit.
        while True:
            work_id = self._work_ids.get()
            if work_id is None:
                break
            self._slots.acquire()
            item = self._pending_work_items.get(work_id)
            if item is None:
                self._slots.release()
                continue
            if not item.future.set_running_or_notify_cancel():
                del self._pending_work_items[work_id]
                self._slots.release()
                continue
            try:
                self._call_queue.put((work_id, item.fn, item.args, item.kwargs))
            except BaseException as e:
                tb = _ExceptionWithTraceback(e, e.__traceback__).tb
                e.__cause__ = _RemoteTraceback(tb)
                del self._pending_work_items[work_id]
                self._slots.release()
                item.future.set_exception(e)
        for _ in range(len(self._processes)):
            self._call_queue.put(None)

    def _collect(self):
        running = len(self._processes)
        while running:
            r = self._result_queue.get()
            if r is None:
                running -= 1
                continue
            work_id, exc, result = r
            if work_id == 'broken':
                self._set_broken('A child process terminated abruptly, the process pool is not usable anymore')
                continue
            self._slots.release()
            item = self._pending_work_items.pop(work_id, None)
            if item is None:
                continue
            if exc is not None:
                item.future.set_exception(exc)
            else:
                item.future.set_result(result)

    def _set_broken(self, why):
        with self._shutdown_lock:
            self._broken = why
            items = list(self._pending_work_items.values())
            self._pending_work_items.clear()
        for item in items:
            if not item.future.done():
                try:
                    item.future.set_exception(BrokenProcessPool(why))
                except InvalidStateError:
                    pass
        self._work_ids.put(None)

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) in a worker; return a Future."""
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            self._start()
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), run in the workers, chunksize calls per task."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = Executor.map(self, _ChunkCall(fn),
                               _get_chunks(*iterables, chunksize=chunksize),
                               timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting calls; with wait, return when the workers have ended."""
        with self._shutdown_lock:
            if self._shutdown_thread and self._feeder is None:
                return
            self._shutdown_thread = True
            if cancel_futures:
                for work_id, item in list(self._pending_work_items.items()):
                    if item.future.cancel():
                        del self._pending_work_items[work_id]
            feeder = self._feeder
            if feeder is not None:
                self._work_ids.put(None)
        if feeder is None:
            return
        if self in _process_executors:
            _process_executors.remove(self)
        if wait:
            feeder.join()
            self._collector.join()
            for p in self._processes.values():
                p.join()
