"""The event loop's interface, callback handles, and the current loop.

The concrete loop lives in asyncio.base_events; this module holds what the
rest of asyncio needs to find the loop (get_running_loop, get_event_loop,
the policy) and the Handle objects that call_soon/call_later return.
"""

import _thread
import threading

__all__ = (
    'AbstractEventLoopPolicy',
    'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop',
    '_get_running_loop',
)


# ---------------------------------------------------------------- short reprs
# What reprlib.repr gives with its default limits: reprs of containers and
# long strings are abbreviated with '...'.

def _trim(s, limit):
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _sorted_if_possible(x):
    try:
        return sorted(x)
    except Exception:
        return list(x)


def _short_repr(x, level=6):
    t = type(x)
    if t is str:
        s = repr(x[:30])
        if len(s) > 30:
            i = max(0, (30 - 3) // 2)
            j = max(0, 30 - 3 - i)
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if t is int:
        return _trim(repr(x), 40)
    if t is list:
        return _short_iterable(x, level, '[', ']', 6)
    if t is tuple:
        return _short_iterable(x, level, '(', ')', 6, ',')
    if t is set:
        if not x:
            return 'set()'
        return _short_iterable(_sorted_if_possible(x), level, '{', '}', 6)
    if t is frozenset:
        if not x:
            return 'frozenset()'
        return _short_iterable(_sorted_if_possible(x), level,
                               'frozenset({', '})', 6)
    if t is dict:
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{...}'
        pieces = []
        for key in _sorted_if_possible(x)[:4]:
            pieces.append('%s: %s' % (_short_repr(key, level - 1),
                                      _short_repr(x[key], level - 1)))
        if n > 4:
            pieces.append('...')
        return '{%s}' % (', '.join(pieces),)
    try:
        s = repr(x)
    except Exception:
        return '<%s instance at %#x>' % (t.__name__, id(x))
    return _trim(s, 30)


def _short_iterable(x, level, left, right, maxiter, trail=''):
    n = len(x)
    if level <= 0 and n:
        s = '...'
    else:
        pieces = []
        for i, elem in enumerate(x):
            if i >= maxiter:
                break
            pieces.append(_short_repr(elem, level - 1))
        if n > maxiter:
            pieces.append('...')
        s = ', '.join(pieces)
        if n == 1 and trail:
            right = trail + right
    return left + s + right


# ---------------------------------------------------------------- callbacks in reprs

def _function_source(func):
    # (filename, first line) of a plain function (or partial of one).
    while True:
        inner = getattr(func, '__wrapped__', None)
        if inner is None:
            break
        func = inner
    if type(func).__name__ == 'function':
        code = getattr(func, '__code__', None)
        if code is not None:
            return (code.co_filename, code.co_firstlineno)
        return None
    inner = getattr(func, 'func', None)
    if inner is not None and hasattr(func, 'keywords'):
        return _function_source(inner)
    return None


def _format_args(args, kwargs):
    items = []
    if args:
        items.extend(_short_repr(arg) for arg in args)
    if kwargs:
        items.extend('%s=%s' % (k, _short_repr(v)) for k, v in kwargs.items())
    return '(' + ', '.join(items) + ')'


def _format_callback(func, args, kwargs, suffix=''):
    if hasattr(func, 'keywords') and hasattr(func, 'func') and \
            type(func).__name__ == 'partial':
        suffix = _format_args(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    name = getattr(func, '__qualname__', None) or \
        getattr(func, '__name__', None) or repr(func)
    return name + _format_args(args, kwargs) + suffix


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    source = _function_source(func)
    if source:
        text += ' at %s:%s' % source
    return text


# ---------------------------------------------------------------- handles

class Handle:
    """A callback scheduled by call_soon(): cancel() keeps it from running."""

    # Defaults live on the class: a new Handle only stores what varies.
    _cancelled = False
    _repr = None
    _source_traceback = None
    _context = None

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        if context is not None:
            self._context = context

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<%s>' % ' '.join(self._repr_info())

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            if self._loop.get_debug():
                # Keep the repr: it names the callback we are dropping.
                self._repr = repr(self)
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback_source(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + cb,
                'exception': exc,
                'handle': self,
            })
        self = None


class TimerHandle(Handle):
    """A callback scheduled by call_later()/call_at() for a given loop time."""

    _scheduled = False

    def __init__(self, when, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        if context is not None:
            self._context = context
        self._when = when

    def _repr_info(self):
        info = Handle._repr_info(self)
        pos = 2 if self._cancelled else 1
        info.insert(pos, 'when=%s' % (self._when,))
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        Handle.cancel(self)

    def when(self):
        """The loop time (loop.time()) at which the callback is due."""
        return self._when


class AbstractServer:
    """A listening server (no sockets in Spindle: the interface only)."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """The event loop's interface; BaseEventLoop implements it."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    async def shutdown_asyncgens(self):
        raise NotImplementedError

    async def shutdown_default_executor(self):
        raise NotImplementedError

    def _timer_handle_cancelled(self, handle):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        return self.call_later(0, callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise NotImplementedError

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    def set_task_factory(self, factory):
        raise NotImplementedError

    def get_task_factory(self):
        raise NotImplementedError

    def get_exception_handler(self):
        raise NotImplementedError

    def set_exception_handler(self, handler):
        raise NotImplementedError

    def default_exception_handler(self, context):
        raise NotImplementedError

    def call_exception_handler(self, context):
        raise NotImplementedError

    def get_debug(self):
        raise NotImplementedError

    def set_debug(self, enabled):
        raise NotImplementedError


# ---------------------------------------------------------------- policy

class AbstractEventLoopPolicy:
    """Decides which loop get_event_loop() returns in each context."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One current loop per thread; the main thread gets one made on demand."""

    _loop_factory = None

    def __init__(self):
        # thread ident -> [loop, set_called]
        self._loops = {}

    def get_event_loop(self):
        ident = _thread.get_ident()
        entry = self._loops.get(ident)
        if entry is None:
            entry = self._loops[ident] = [None, False]
        if (entry[0] is None and not entry[1] and
                threading.current_thread() is threading.main_thread()):
            self.set_event_loop(self.new_event_loop())
        if entry[0] is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return entry[0]

    def set_event_loop(self, loop):
        ident = _thread.get_ident()
        entry = self._loops.get(ident)
        if entry is None:
            entry = self._loops[ident] = [None, False]
        entry[1] = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        entry[0] = loop

    def new_event_loop(self):
        factory = self._loop_factory
        if factory is None:
            from asyncio.base_events import _UnixSelectorEventLoop as factory
        return factory()

    def get_child_watcher(self):
        raise NotImplementedError('child watchers are not supported in Spindle')

    def set_child_watcher(self, watcher):
        raise NotImplementedError('child watchers are not supported in Spindle')


_event_loop_policy = None
_policy_lock = threading.Lock()


def _init_event_loop_policy():
    global _event_loop_policy
    with _policy_lock:
        if _event_loop_policy is None:
            _event_loop_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    """The current event loop policy."""
    if _event_loop_policy is None:
        _init_event_loop_policy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Replace the event loop policy (None restores the default)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


# ---------------------------------------------------------------- the running loop
# One running loop per thread, keyed by thread ident (cheaper than a
# threading.local on Spindle).

_running_loops = {}
_get_ident = _thread.get_ident


def _get_running_loop():
    """The loop running in this thread, or None (for asyncio's own use)."""
    return _running_loops.get(_get_ident())


def _set_running_loop(loop):
    """Make loop this thread's running loop (None: no loop running)."""
    if loop is None:
        _running_loops.pop(_get_ident(), None)
    else:
        _running_loops[_get_ident()] = loop


def get_running_loop():
    """The running event loop of this thread; RuntimeError if there is none."""
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    """The running loop if there is one, else the policy's current loop."""
    loop = _running_loops.get(_get_ident())
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def _get_event_loop(stacklevel=3):
    loop = _running_loops.get(_get_ident())
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Make loop the current loop of this thread (for the policy)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """A new event loop, made by the policy."""
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    return get_event_loop_policy().get_child_watcher()


def set_child_watcher(watcher):
    return get_event_loop_policy().set_child_watcher(watcher)


class DefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    """The policy asyncio uses unless told otherwise."""
