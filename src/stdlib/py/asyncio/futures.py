"""asyncio.Future: a result that will be set later, awaitable from coroutines.

Unlike concurrent.futures.Future it is not thread-safe: it belongs to one
event loop, and its callbacks are scheduled on that loop with call_soon().
"""

import sys
import concurrent.futures

from asyncio.exceptions import CancelledError, InvalidStateError
from asyncio.events import (_get_event_loop, _short_repr,
                            _format_callback_source, Handle)
import asyncio.events as events

__all__ = (
    'Future', 'wrap_future', 'isfuture',
)

# The three states, as CPython spells them.
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """True for asyncio Futures and objects that behave like them."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    size = len(cb)
    if not size:
        return ''

    def one(entry):
        return _format_callback_source(entry[0], ())

    if size == 1:
        text = one(cb[0])
    elif size == 2:
        text = '%s, %s' % (one(cb[0]), one(cb[1]))
    else:
        text = '%s, <%s more>, %s' % (one(cb[0]), size - 2, one(cb[-1]))
    return 'cb=[%s]' % text


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append('exception=%r' % (future._exception,))
        else:
            info.append('result=%s' % (_short_repr(future._result),))
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


# Registered with a loop so that "exception was never retrieved" can be
# reported when the loop closes (Spindle has no __del__ to do it earlier).
def _note_unretrieved(future):
    loop = future._loop
    pending = getattr(loop, '_unretrieved', None)
    if pending is not None:
        pending.append(future)
        if len(pending) > loop._unretrieved_limit:
            # Forget the ones whose exception was looked at meanwhile.
            pending[:] = [f for f in pending if f._log_traceback]
            loop._unretrieved_limit = max(1000, 2 * len(pending))


class Future:
    """A value that is not there yet.

    Await it in a coroutine (or add a done callback) to get its result;
    set_result()/set_exception() or cancel() finish it.
    """

    __module__ = '_asyncio'

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    # What the timeline says a task is waiting for when it awaits this.
    _trace_label = None

    # True while a coroutine yields it up to the Task that runs it (the
    # Task then waits for it); None marks objects that are not futures.
    _asyncio_future_blocking = False

    # Set when the exception has not been looked at yet.
    _log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = _get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__,
                            ' '.join(self._repr_info()))

    def _repr_info(self):
        return _future_repr_info(self)

    @classmethod
    def __class_getitem__(cls, item):
        return cls

    def _report_unretrieved(self):
        # Called when the loop closes for futures whose exception nobody read.
        if not self._log_traceback:
            return
        self._log_traceback = False
        exc = self._exception
        self._loop.call_exception_handler({
            'message': '%s exception was never retrieved'
                       % self.__class__.__name__,
            'exception': exc,
            'future': self,
        })

    def get_loop(self):
        """The event loop the Future belongs to."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        # The CancelledError to raise (only once, if a task stored one).
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule its callbacks.

        False if it is already done or cancelled, True otherwise.
        """
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        loop = self._loop
        try:
            ready = loop._ready
            closed = loop._closed
        except AttributeError:
            # Some other kind of loop: go through its call_soon().
            for callback, ctx in callbacks:
                loop.call_soon(callback, self)
            return
        if closed:
            raise RuntimeError('Event loop is closed')
        args = (self,)
        for callback, ctx in callbacks:
            ready.append(Handle(callback, args, loop))

    def cancelled(self):
        """True if the future was cancelled."""
        return self._state == _CANCELLED

    def done(self):
        """True once the future has a result or an exception, or was cancelled."""
        return self._state != _PENDING

    def result(self):
        """The result; raises the exception or CancelledError if there is one,
        InvalidStateError if not done yet."""
        state = self._state
        if state == _FINISHED:
            self._log_traceback = False
            exc = self._exception
            if exc is not None:
                raise exc.with_traceback(exc.__traceback__)
            return self._result
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise InvalidStateError('Result is not set.')

    def exception(self):
        """The exception (None if there was none); CancelledError if cancelled,
        InvalidStateError if not done yet."""
        state = self._state
        if state == _FINISHED:
            self._log_traceback = False
            return self._exception
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise InvalidStateError('Exception is not set.')

    def add_done_callback(self, fn, *, context=None):
        """Call fn(future) once the future is done (scheduled with call_soon)."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Forget every registration of fn; returns how many were removed."""
        kept = [entry for entry in self._callbacks if entry[0] != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        """Finish the future with result and schedule its callbacks."""
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        """Finish the future with an exception and schedule its callbacks."""
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        _note_unretrieved(self)

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self  # The Task waits for us here.
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _get_loop(fut):
    # The loop of a future-like object.
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """Set fut's result unless it was cancelled meanwhile."""
    if fut._state == _PENDING:
        fut.set_result(result)


def _convert_future_exc(exc):
    exc_class = type(exc)
    if exc_class is concurrent.futures.CancelledError:
        return CancelledError(*exc.args)
    elif exc_class is concurrent.futures.InvalidStateError:
        return InvalidStateError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    # Copy an asyncio future's outcome into a concurrent.futures.Future.
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    # Copy one asyncio future's outcome into another (dest not cancelled).
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    """Make destination follow source (either may be a concurrent future).

    Cancelling destination cancels source; source's outcome is copied into
    destination on destination's loop.
    """
    if not isfuture(source) and not isinstance(source,
                                               concurrent.futures.Future):
        raise TypeError('A future is required for source argument')
    if not isfuture(destination) and not isinstance(destination,
                                                    concurrent.futures.Future):
        raise TypeError('A future is required for destination argument')
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if (destination.cancelled() and
                dest_loop is not None and dest_loop.is_closed()):
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """An asyncio Future that follows a concurrent.futures.Future."""
    if isfuture(future):
        return future
    assert isinstance(future, concurrent.futures.Future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:
        loop = _get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
