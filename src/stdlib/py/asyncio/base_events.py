"""The event loop.

One loop runs in one thread. It keeps a FIFO of ready callbacks (Handles)
and a heap of timers (TimerHandles). Each iteration moves the timers that
are due to the ready queue and runs everything that was ready when the
iteration began.

With nothing ready, the loop sleeps until the next timer is due, until
another thread hands it work with call_soon_threadsafe(), or until one of
its fetches (spindle.web) completes. That sleep waits for a _thread lock
(the loop's "self-pipe"): call_soon_threadsafe() releases it to wake the
loop. So an idle loop never spins. In the thread the scheduler runs (the main
thread), the sleep suspends the thread: the runner then awaits the timer and
the fetches as JS promises on the browser's event loop (runtime/blocking.rs,
loop_wait).
"""

import collections
import concurrent.futures
import heapq
import sys
import threading
import _thread
from time import monotonic as _monotonic

import _spindle

_trace = _spindle.trace
_refcount = _spindle.refcount
_loop_wait = _spindle.loop_wait
_host_wake = _spindle.wake
_fetch_take = _spindle.fetch_take
# What _refcount(lst[i]) gives for an object only `lst` holds (the same
# expression shape as in _report_dropped).
_probe = [object()]
_DROPPED = _refcount(_probe[0])
del _probe
_TICK_EVERY = 0.001  # at most one 'tick' trace event per this many seconds

import asyncio.events as events
from asyncio.events import Handle, TimerHandle, _format_callback_source
import asyncio.futures as futures
import asyncio.tasks as tasks

__all__ = ('BaseEventLoop', 'SelectorEventLoop', 'Server')

# The longest the loop sleeps in one go (it just goes round again).
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

# Rebuild the timer heap when more than half of it is cancelled timers.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

_CLOCK_RESOLUTION = 1e-09


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # The loop is already unwinding with it.
            return
    futures._get_loop(fut).stop()


def _log_error(message, exc):
    # What asyncio's logger.error(message, exc_info=...) prints with no
    # logging configured: the message, then the exception's traceback.
    stderr = sys.stderr
    if stderr is None:
        return
    stderr.write(message + '\n')
    if exc is not None:
        threading._print_exception(type(exc), exc, exc.__traceback__, stderr)
    stderr.flush()


class Server(events.AbstractServer):
    """Servers need sockets, which Spindle does not have."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError('servers are not supported in Spindle')


class BaseEventLoop(events.AbstractEventLoop):
    """The event loop: callbacks, timers, tasks, executors, error handling."""

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._thread_id = None
        self._clock_resolution = _CLOCK_RESOLUTION
        self._exception_handler = None
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        # Tasks that are not done (for all_tasks) and the running one.
        self._tasks = set()
        self._current_task = None
        # Futures that finished with an exception: reported at close() if
        # nobody looked at it.
        self._unretrieved = []
        self._unretrieved_limit = 1000
        # The wakeup lock is held except after a call_soon_threadsafe():
        # an idle loop waits by acquiring it.
        # Named for the timeline and deadlock reports: waiting on it with no
        # timer pending means only another thread could wake the loop.
        self._wakeup = _thread._labelled_lock(
            'the event loop to be woken (no task ready, no timer pending)')
        self._wakeup.acquire()
        self._wake_guard = _thread.allocate_lock()
        self._wake_pending = False
        # Fetches in flight (spindle.web): id -> (future, url).
        self._fetches = {}

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ------------------------------------------------ futures and tasks

    def create_future(self):
        """A new Future attached to this loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Wrap coro in a Task scheduled on this loop and return it."""
        self._check_closed()
        if self._task_factory is None:
            return tasks.Task(coro, loop=self, name=name, context=context)
        if context is None:
            task = self._task_factory(self, coro)
        else:
            task = self._task_factory(self, coro, context=context)
        tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        """Use factory(loop, coro) to make tasks (None: the Task class)."""
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        """The task factory, or None for the default."""
        return self._task_factory

    # ------------------------------------------------ running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        try:
            self._thread_id = _thread.get_ident()
            events._set_running_loop(self)
            run_once = self._run_once
            while True:
                run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)

    def run_until_complete(self, future):
        """Run until future (a coroutine is wrapped in a Task) is done;
        return its result or raise its exception."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                # The exception is on its way up: it counts as retrieved.
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop after the current iteration (the callbacks already ready run)."""
        self._stopping = True

    def close(self):
        """Close the loop: drop pending callbacks, stop the default executor
        without waiting. The loop must not be running."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        for ident in self._fetches:
            _spindle.fetch_forget(ident)
        self._fetches.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        unretrieved = self._unretrieved
        self._unretrieved = None
        for fut in unretrieved:
            fut._report_unretrieved()

    def is_closed(self):
        """True once close() was called."""
        return self._closed

    def is_running(self):
        """True while run_forever() or run_until_complete() runs."""
        return self._thread_id is not None

    def time(self):
        """The loop's clock: time.monotonic()."""
        return _monotonic()

    async def shutdown_asyncgens(self):
        """Close asynchronous generators left open (none are tracked here)."""
        self._asyncgens_shutdown_called = True

    async def shutdown_default_executor(self):
        """Shut the default executor down, waiting for its threads."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        future._trace_label = 'executor shutdown'
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    # ------------------------------------------------ scheduling

    def call_soon(self, callback, *args, context=None):
        """Call callback(*args) soon, after the callbacks already scheduled."""
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_soon')
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _call_soon_task(self, task):
        # A new task's first step: the task is its own Handle.
        if self._closed:
            raise RuntimeError('Event loop is closed')
        self._ready.append(task)

    def call_later(self, delay, callback, *args, context=None):
        """Call callback(*args) in delay seconds; returns a TimerHandle."""
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(_monotonic() + delay, callback, *args,
                            context=context)

    def call_at(self, when, callback, *args, context=None):
        """Call callback(*args) at loop time `when`; returns a TimerHandle."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon() for other threads: also wakes the loop up."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        # Wake the loop if it sleeps (once, however many threads call this).
        with self._wake_guard:
            if not self._wake_pending:
                self._wake_pending = True
                self._wakeup.release()
                _host_wake()

    def _sleep(self, timeout):
        # Idle until the timeout, a _write_to_self() or a fetch's completion.
        fetches = self._fetches
        if _loop_wait(self._wakeup, timeout, tuple(fetches) if fetches else ()):
            with self._wake_guard:
                self._wake_pending = False

    def _host_fetch(self, url):
        # A future for a GET of url that the host runs while the loop goes on
        # (a JS fetch() promise in the browser); None where this loop's thread
        # can't wait for one (spindle.web then uses a thread instead).
        ident = _spindle.fetch_start(url)
        if ident is None:
            return None
        future = self.create_future()
        future._trace_label = 'fetch ' + url
        self._fetches[ident] = (future, url)
        return future

    def _collect_fetches(self):
        # Resolve the futures of completed fetches.
        for ident, (future, url) in list(self._fetches.items()):
            if future.cancelled():
                del self._fetches[ident]
                _spindle.fetch_forget(ident)
                continue
            try:
                result = _fetch_take(ident, url)
            except OSError as e:
                del self._fetches[ident]
                future.set_exception(e)
                continue
            if result is not None:
                del self._fetches[ident]
                future.set_result(result)

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _check_callback(self, callback, method):
        if tasks.iscoroutine(callback) or tasks.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), '
                            f'got {callback!r}')

    def _check_thread(self):
        if self._thread_id is None:
            return
        if _thread.get_ident() != self._thread_id:
            raise RuntimeError(
                "Non-thread-safe operation invoked on an event loop other "
                "than the current one")

    _last_tick = 0.0

    def _run_once(self):
        # One iteration: sleep if idle, collect due timers, run the ready.
        scheduled = self._scheduled
        if scheduled:
            count = len(scheduled)
            if (count > _MIN_SCHEDULED_TIMER_HANDLES and
                    self._timer_cancelled_count / count >
                    _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
                # Mostly dead timers: rebuild the heap without them.
                live = []
                for handle in scheduled:
                    if handle._cancelled:
                        handle._scheduled = False
                    else:
                        live.append(handle)
                heapq.heapify(live)
                self._scheduled = scheduled = live
                self._timer_cancelled_count = 0
            else:
                while scheduled and scheduled[0]._cancelled:
                    self._timer_cancelled_count -= 1
                    handle = heapq.heappop(scheduled)
                    handle._scheduled = False

        ready = self._ready
        if not ready and not self._stopping:
            if scheduled:
                timeout = scheduled[0]._when - _monotonic()
                if timeout > 0:
                    self._sleep(min(timeout, MAXIMUM_SELECT_TIMEOUT))
            else:
                self._sleep(None)
        if self._fetches:
            self._collect_fetches()

        if scheduled:
            end_time = _monotonic() + _CLOCK_RESOLUTION
            while scheduled:
                handle = scheduled[0]
                if handle._when >= end_time:
                    break
                handle = heapq.heappop(scheduled)
                handle._scheduled = False
                ready.append(handle)

        # The timeline's "event loop" lane marks loop iterations (thinned out,
        # so that a sleep(0) storm does not flood the trace).
        now = _monotonic()
        if ready and now - self._last_tick >= _TICK_EVERY:
            self._last_tick = now
            _trace('event loop', 'tick', '%d ready' % len(ready))
        # Run only what is ready now; callbacks they schedule wait for the
        # next iteration.
        popleft = ready.popleft
        if self._debug:
            for _ in range(len(ready)):
                handle = popleft()
                if handle._cancelled:
                    continue
                self._run_handle_debug(handle)
            return
        for _ in range(len(ready)):
            handle = popleft()
            if handle._cancelled:
                continue
            try:
                args = handle._args
                if args:
                    handle._callback(*args)
                else:
                    handle._callback()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._callback_failed(handle, exc)
        handle = args = None
        if self._unretrieved:
            self._report_dropped()

    def _report_dropped(self):
        # CPython reports "exception was never retrieved" when a failed future
        # is freed. Spindle has no __del__, so after each iteration it looks
        # for failed futures that only this list still holds.
        pending = self._unretrieved
        keep = []
        for i in range(len(pending)):
            if not pending[i]._log_traceback:
                continue
            if _refcount(pending[i]) <= _DROPPED:
                pending[i]._report_unretrieved()
            else:
                keep.append(pending[i])
        pending[:] = keep

    def _callback_failed(self, handle, exc):
        cb = _format_callback_source(handle._callback, handle._args)
        self.call_exception_handler({
            'message': 'Exception in callback ' + cb,
            'exception': exc,
            'handle': handle,
        })

    def _run_handle_debug(self, handle):
        try:
            self._current_handle = handle
            t0 = _monotonic()
            try:
                handle._callback(*handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._callback_failed(handle, exc)
            dt = _monotonic() - t0
            if dt >= self.slow_callback_duration:
                _log_error('Executing %s took %.3f seconds'
                           % (_format_handle(handle), dt), None)
        finally:
            self._current_handle = None

    # ------------------------------------------------ executors

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (None: the loop's default thread pool);
        an asyncio Future for its result."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix='asyncio')
                self._default_executor = executor
        fut = futures.wrap_future(executor.submit(func, *args), loop=self)
        fut._trace_label = 'executor %s' % (
            getattr(func, '__qualname__', None) or
            getattr(func, '__name__', None) or type(func).__name__)
        return fut

    def set_default_executor(self, executor):
        """Use executor (a ThreadPoolExecutor) for run_in_executor(None, ...)."""
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._default_executor = executor

    # ------------------------------------------------ errors

    def get_exception_handler(self):
        """The handler set with set_exception_handler(), or None."""
        return self._exception_handler

    def set_exception_handler(self, handler):
        """Call handler(loop, context) for errors the loop cannot raise
        anywhere (None: the default handler, which logs them)."""
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the context's message, its other keys, and the exception's
        traceback to stderr (what asyncio's logger does by default)."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            lines.append(f'{key}: {context[key]!r}')
        _log_error('\n'.join(lines), exception)

    def call_exception_handler(self, context):
        """Report an error: to the handler if one is set, else the default."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _log_error('Exception in default exception handler', exc)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc2:
                    _log_error('Exception in default exception handler '
                               'while handling an unexpected error '
                               'in custom exception handler', exc2)

    # ------------------------------------------------ debug

    def get_debug(self):
        """Whether debug mode is on."""
        return self._debug

    def set_debug(self, enabled):
        """Debug mode checks threads and callbacks and reports slow ones."""
        self._debug = enabled

    # ------------------------------------------------ not in Spindle

    def _no_io(self, *args, **kwargs):
        raise NotImplementedError(
            'sockets, pipes, signals and subprocesses are not supported '
            'by Spindle\'s event loop')

    create_connection = create_server = create_datagram_endpoint = _no_io
    create_unix_connection = create_unix_server = _no_io
    connect_accepted_socket = sendfile = start_tls = _no_io
    sock_recv = sock_recv_into = sock_sendall = sock_connect = _no_io
    sock_accept = sock_sendfile = getaddrinfo = getnameinfo = _no_io
    add_reader = remove_reader = add_writer = remove_writer = _no_io
    add_signal_handler = remove_signal_handler = _no_io
    subprocess_exec = subprocess_shell = _no_io
    connect_read_pipe = connect_write_pipe = _no_io


def _format_handle(handle):
    cb = handle._callback
    self = getattr(cb, '__self__', None)
    if isinstance(self, tasks.Task):
        return repr(self)
    return str(handle)


class _UnixSelectorEventLoop(BaseEventLoop):
    """The event loop asyncio.new_event_loop() makes (named as CPython's)."""

    __module__ = 'asyncio.unix_events'


SelectorEventLoop = _UnixSelectorEventLoop
