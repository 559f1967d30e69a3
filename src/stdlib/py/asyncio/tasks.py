"""Tasks run coroutines on the event loop; sleep, gather, wait and friends.

A Task drives its coroutine one step at a time: each step is a send() (or
throw()) that runs the coroutine until it awaits a Future that is not done
yet. The Task then waits for that Future (a done callback) and takes the
next step when it finishes. A bare yield (sleep(0)) just gives the other
ready callbacks a turn.

Every Task has a lane on Spindle's timeline, named after it: `start`,
`run` for each step, `await` with what it waits for, `end`.
"""

import functools
import itertools
import concurrent.futures
from time import monotonic as _monotonic

import _spindle

from asyncio.exceptions import CancelledError, InvalidStateError
import asyncio.events as events
from asyncio.events import get_running_loop, _get_event_loop
import asyncio.futures as futures
from asyncio.futures import (Future, isfuture, _get_loop,
                             _PENDING, _CANCELLED, _FINISHED,
                             _set_result_unless_cancelled)

__all__ = (
    'Task', 'create_task',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep',
    'gather', 'shield', 'ensure_future', 'run_coroutine_threadsafe',
    'current_task', 'all_tasks',
    '_register_task', '_unregister_task', '_enter_task', '_leave_task',
    'to_thread', 'iscoroutine', 'iscoroutinefunction',
)

FIRST_COMPLETED = concurrent.futures.FIRST_COMPLETED
FIRST_EXCEPTION = concurrent.futures.FIRST_EXCEPTION
ALL_COMPLETED = concurrent.futures.ALL_COMPLETED

_trace = _spindle.trace
_set_task = _spindle.set_task
_STALL = 0.1    # a step longer than this is reported as a stall

# ---------------------------------------------------------------- coroutines


async def _probe():
    pass

_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100
_is_coroutine = object()   # marker some libraries set on their functions


def iscoroutine(obj):
    """True for coroutine objects (what calling an async def returns)."""
    if type(obj) is _CoroutineType:
        return True
    cls = type(obj)
    return (hasattr(cls, 'send') and hasattr(cls, 'throw') and
            hasattr(cls, 'close') and hasattr(cls, '__await__'))


def iscoroutinefunction(func):
    """True for functions defined with async def (and their partials and
    bound methods)."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    while True:
        if hasattr(func, '__func__'):
            func = func.__func__
        elif type(func).__name__ == 'partial' and hasattr(func, 'func'):
            func = func.func
        else:
            break
    code = getattr(func, '__code__', None)
    if code is None:
        return False
    return bool(getattr(code, 'co_flags', 0) & _CO_COROUTINE)


def _format_coroutine(coro):
    name = (getattr(coro, '__qualname__', None) or
            getattr(coro, '__name__', None) or
            '<%s without __name__>' % type(coro).__name__) + '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return name + ' running' if running else name
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return '%s running at %s:%s' % (name, filename, frame.f_lineno)
    return '%s done, defined at %s:%s' % (name, filename, code.co_firstlineno)


# ---------------------------------------------------------------- current task

def current_task(loop=None):
    """The Task running now in loop (default: the running loop), or None."""
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    """The set of the loop's tasks that are not done yet."""
    if loop is None:
        loop = get_running_loop()
    return {t for t in list(loop._tasks) if not t.done()}


def _register_task(task):
    """Make task known to all_tasks() (Task does this itself)."""
    task._loop._tasks.add(task)


def _unregister_task(task):
    task._loop._tasks.discard(task)


def _enter_task(loop, task):
    current = loop._current_task
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current!r} is being executed.")
    loop._current_task = task


def _leave_task(loop, task):
    current = loop._current_task
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current!r}.")
    loop._current_task = None


# ---------------------------------------------------------------- Task

_task_numbers = itertools.count(1).__next__


def _task_repr_info(task):
    info = futures._future_repr_info(task)
    if task._num_cancels_requested and task._state == _PENDING:
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % (task._name,))
    info.insert(2, 'coro=<%s>' % (_format_coroutine(task._coro),))
    if task._fut_waiter is not None:
        info.insert(3, 'wait_for=%r' % (task._fut_waiter,))
    return info


def _await_label(result):
    # What the timeline shows a task waiting for.
    label = result._trace_label
    if label is None:
        return type(result).__name__
    return label


class Task(Future):
    """Runs a coroutine on the event loop, as a Future for its result."""

    __module__ = '_asyncio'

    _log_destroy_pending = True
    _num_cancels_requested = 0
    _must_cancel = False
    _fut_waiter = None
    _context = None
    # A Task can wait in the loop's ready queue as its own Handle (for the
    # next step after a bare yield): the loop calls task._callback().
    _cancelled = False
    _args = ()

    def __init__(self, coro, *, loop=None, name=None, context=None):
        Future.__init__(self, loop=loop)
        if type(coro) is not _CoroutineType and not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            self._name = 'Task-%d' % _task_numbers()
        else:
            self._name = str(name)
        self._coro = coro
        self._send = coro.send
        if context is not None:
            self._context = context
        self._callback = self._step
        loop = self._loop
        loop._call_soon_task(self)
        loop._tasks.add(self)
        _trace(self._name, 'start')

    @property
    def _trace_label(self):
        return self._name

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__,
                            ' '.join(_task_repr_info(self)))

    def _repr_info(self):
        return _task_repr_info(self)

    def get_coro(self):
        """The coroutine the task runs."""
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        """The task's name (Task-N unless one was given)."""
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        """The frames of the suspended coroutine (not available in Spindle)."""
        return []

    def print_stack(self, *, limit=None, file=None):
        import sys
        if file is None:
            file = sys.stderr
        if self._exception is not None:
            print('Traceback for %r (most recent call last):' % (self,),
                  file=file)
        else:
            print('No stack for %r' % (self,), file=file)

    def cancel(self, msg=None):
        """Ask the task to stop: CancelledError is thrown into the coroutine
        at its current await (at its next step if it is not waiting).

        False if the task is already done, True otherwise.
        """
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._num_cancels_requested += 1
        waiter = self._fut_waiter
        if waiter is not None and waiter.cancel(msg=msg):
            # Cancelling what we wait for wakes us with CancelledError.
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """How many cancellation requests are pending (cancel() minus uncancel())."""
        return self._num_cancels_requested

    def uncancel(self):
        """Take back one cancellation request; returns how many remain."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        # Run the coroutine until it waits for something (or ends).
        if self._state != _PENDING:
            raise InvalidStateError(
                f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        loop = self._loop
        if loop._current_task is not None:
            _enter_task(loop, self)   # raises
        loop._current_task = self
        name = self._name
        _trace(name, 'run')
        _set_task(name)
        started = _monotonic()
        try:
            if exc is None:
                result = self._send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came while the last step ran: the task ends cancelled.
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
            self._finish(name, started)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
            self._finish(name, started)
        except (KeyboardInterrupt, SystemExit) as fatal:
            Future.set_exception(self, fatal)
            self._finish(name, started)
            raise
        except BaseException as error:
            # Its traceback starts at this frame, which CPython's Task (in C)
            # does not have: drop it, so tracebacks read as CPython's.
            tb = error.__traceback__
            if tb is not None:
                error.__traceback__ = tb.tb_next
            Future.set_exception(self, error)
            self._finish(name, started)
        else:
            if result is None:
                # A bare yield (sleep(0)): let the others run, then go on.
                # The task itself waits in the ready queue.
                loop._ready.append(self)
                label = 'sleep 0'
            else:
                label = self._wait_on(result, loop)
            if _monotonic() - started > _STALL:
                _trace(name, 'stall',
                       '%d' % ((_monotonic() - started) * 1000))
            _trace(name, 'await', label)
        finally:
            _set_task(None)
            loop._current_task = None

    def _wait_on(self, result, loop):
        # The coroutine yielded result: wait for it if it is a future.
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is None:
            if type(result).__name__ == 'generator':
                msg = (f'yield was used instead of yield from for '
                       f'generator in task {self!r} with {result!r}')
            else:
                msg = f'Task got bad yield: {result!r}'
            loop.call_soon(self._step, RuntimeError(msg))
            return 'bad yield'
        if _get_loop(result) is not loop:
            loop.call_soon(self._step, RuntimeError(
                f'Task {self!r} got Future {result!r} attached to a '
                f'different loop'))
            return 'other loop'
        if not blocking:
            loop.call_soon(self._step, RuntimeError(
                f'yield was used instead of yield from in task '
                f'{self!r} with {result!r}'))
            return 'bad yield'
        if result is self:
            loop.call_soon(self._step, RuntimeError(
                f'Task cannot await on itself: {self!r}'))
            return 'itself'
        result._asyncio_future_blocking = False
        result.add_done_callback(self._wakeup)
        self._fut_waiter = result
        if self._must_cancel:
            if result.cancel(msg=self._cancel_message):
                self._must_cancel = False
        return _await_label(result)

    def _finish(self, name, started):
        self._loop._tasks.discard(self)
        # Break the task -> bound _step -> task cycle: a finished task is
        # then freed (and a failed one reported) as soon as nothing holds it.
        self._callback = self._send = None
        elapsed = _monotonic() - started
        if elapsed > _STALL:
            _trace(name, 'stall', '%d' % (elapsed * 1000))
        if self._state == _CANCELLED:
            _trace(name, 'end', 'cancelled')
        elif self._exception is not None:
            _trace(name, 'end', type(self._exception).__name__)
        else:
            _trace(name, 'end', 'done')

    def _wakeup(self, future):
        # Done callback of the future the task waits for.
        self._fut_waiter = None
        if (isinstance(future, Future) and future._state == _FINISHED and
                future._exception is None):
            self._step()
            return
        try:
            future.result()
        except BaseException as exc:
            error = exc
        else:
            error = None
        self._step(error)

    # The name CPython's tasks show for this callback in reprs.
    task_wakeup = _wakeup


def create_task(coro, *, name=None, context=None):
    """Schedule coro as a Task on the running loop and return the Task."""
    loop = get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


def _set_task_name(task, name):
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            pass
        else:
            set_name(name)


# ---------------------------------------------------------------- ensure_future

async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A Future for the argument: futures as they are, coroutines and other
    awaitables wrapped in a Task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if type(coro_or_future) is _CoroutineType:
        # The common case first.
        if loop is None:
            loop = _get_event_loop()
        try:
            return loop.create_task(coro_or_future)
        except RuntimeError:
            coro_or_future.close()
            raise
    if isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not iscoroutine(coro_or_future):
        if hasattr(type(coro_or_future), '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = _get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


# ---------------------------------------------------------------- sleep

class _Yield:
    """Awaiting it gives the loop one turn (a bare yield up to the Task)."""

    __slots__ = ()

    def __await__(self):
        yield


_yield_once = _Yield()


async def sleep(delay, result=None):
    """Suspend the calling task for delay seconds, then return result.

    sleep(0) lets the other ready tasks run once.
    """
    if delay <= 0:
        await _yield_once
        return result
    loop = get_running_loop()
    future = loop.create_future()
    future._trace_label = 'sleep %s' % (delay,)
    handle = loop.call_later(delay, _set_result_unless_cancelled,
                             future, result)
    try:
        return await future
    finally:
        handle.cancel()


# ---------------------------------------------------------------- gather

class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children."""

    _trace_label = 'gather'

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            # The children's ends will finish us, cancelled.
            self._cancel_requested = True
        return cancelled_any


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all the awaitables, in argument order.

    Coroutines are wrapped in tasks. The first exception is propagated at
    once unless return_exceptions is true, in which case exceptions count
    as results. Cancelling the gather cancels every unfinished child.
    """
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    children = []
    by_arg = {}
    count = 0
    finished = 0
    loop = None
    outer = None

    def child_done(fut):
        nonlocal finished
        finished += 1
        if outer is None or outer._state != _PENDING:
            # Too late to matter; just mark the exception as retrieved.
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished == count:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    results.append(CancelledError('' if msg is None else msg))
                else:
                    exc = child.exception()
                    results.append(child.result() if exc is None else exc)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        fut = by_arg.get(arg)
        if fut is None:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = _get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            count += 1
            by_arg[arg] = fut
            fut.add_done_callback(child_done)
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


# ---------------------------------------------------------------- shield

def shield(arg):
    """Protect an awaitable from cancellation.

    Cancelling the returned future (or the task awaiting it) leaves the
    inner task running; its outcome is still delivered if nobody cancelled.
    """
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = _get_loop(inner)
    outer = loop.create_future()
    outer._trace_label = 'shield'

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()   # retrieved: nobody else will
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


# ---------------------------------------------------------------- wait_for, wait

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    # Cancel fut and wait until it has really finished.
    waiter = loop.create_future()
    waiter._trace_label = 'cancel'
    release = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(release)


async def wait_for(fut, timeout):
    """Wait for an awaitable, at most timeout seconds (None: no limit).

    On timeout the awaitable is cancelled, waited for, and TimeoutError
    raised. If the caller is cancelled, so is the awaitable.
    """
    loop = get_running_loop()
    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = _ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    waiter._trace_label = 'wait_for'
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    release = functools.partial(_release_waiter, waiter)
    fut = _ensure_future(fut, loop=loop)
    fut.add_done_callback(release)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(release)
            # wait_for() must not return while fut still runs.
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(release)
        await _cancel_and_wait(fut, loop=loop)
        # If fut turned the cancellation into some other outcome, that wins.
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks in the iterable fs.

    Returns (done, pending), two sets, when return_when says so
    (FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED) or after timeout
    seconds. Nothing is cancelled.
    """
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    waiter._trace_label = 'wait'
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    remaining = len(fs)

    def one_done(f):
        nonlocal remaining
        remaining -= 1
        if (remaining <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(one_done)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(one_done)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


# ---------------------------------------------------------------- as_completed

def as_completed(fs, *, timeout=None):
    """Coroutines that return the results of fs in the order they finish.

    Iterate and await each one; TimeoutError if timeout seconds pass first.
    """
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    from asyncio.queues import Queue
    finished = Queue()
    loop = _get_event_loop()
    todo = {_ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            finished.put_nowait(None)   # each waiter then raises TimeoutError
        todo.clear()

    def on_completion(f):
        if not todo:
            return   # the timeout came first
        todo.remove(f)
        finished.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def next_result():
        f = await finished.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield next_result()


# ---------------------------------------------------------------- threads

def run_coroutine_threadsafe(coro, loop):
    """Submit coro to loop from another thread; a concurrent.futures.Future
    for its result."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    future = concurrent.futures.Future()

    def start():
        try:
            futures._chain_future(_ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(start)
    return future


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) on a thread of the loop's default executor
    and return its result; the loop keeps running meanwhile."""
    loop = get_running_loop()
    call = functools.partial(func, *args, **kwargs)
    fut = loop.run_in_executor(None, call)
    fut._trace_label = 'to_thread %s' % (
        getattr(func, '__qualname__', None) or
        getattr(func, '__name__', None) or type(func).__name__)
    return await fut
