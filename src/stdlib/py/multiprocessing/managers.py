"""multiprocessing.managers: Manager() and the proxies of shared objects.

As in CPython, a manager is a server process that owns the real objects
(a dict, a list, a queue.Queue, a threading.Lock...) and runs their methods
for the other processes, which hold proxies that forward each call.

How calls travel here: every (process, thread) that uses a manager has a
connection of two _spindle_mp channels (requests, replies) and the server
has one thread per connection, so a call that blocks (Queue.get,
Lock.acquire) blocks only its caller. A connection starts with a message on
the server's control channel. A request is pickle((object id, method, args,
kwds)); the reply is pickle((kind, value)): a value, an exception to raise
again (KeyError for a missing key arrives as KeyError), a new proxy, or a
remote traceback (RemoteError). Messages longer than a channel are sent in
parts. A run-wide counter holds the server's state, so a proxy whose server
has shut down raises BrokenPipeError instead of waiting.

Proxies pickle at any time (as a token: type id, address, object id), so
they pass to Process(args=...), to Pool workers and through queues, and a
forked child gets them with __main__. Objects live until shutdown (there
is no reference counting); the server process is daemonic, so a manager
left running ends with the program.
"""
import os
import sys
import threading
import pickle

import _spindle_mp as _mp
from multiprocessing import process

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'Namespace',
           'Value', 'RemoteError', 'State']

# Channel sizes: the browser reserves them in the run's IPC memory for good.
_CONN_CAP = 1 << 16
_CTRL_CAP = 1 << 14
_PART = _CONN_CAP - 64

# Reply kinds.
_RETURN, _ERROR, _PROXY, _REMOTE = range(4)

_INITIAL, _STARTED, _SHUTDOWN = range(3)


class State(object):
    INITIAL = _INITIAL
    STARTED = _STARTED
    SHUTDOWN = _SHUTDOWN

    def __init__(self):
        self.value = _INITIAL


class RemoteError(Exception):
    """An error in the server that could not be sent back as itself."""

    def __str__(self):
        return '\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75


class Token(object):
    """Names a shared object: its type id, its manager's address, its id."""

    def __init__(self, typeid, address, id):
        self.typeid = typeid
        self.address = address
        self.id = id

    def __reduce__(self):
        return Token, (self.typeid, self.address, self.id)

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % (
            type(self).__name__, self.typeid, self.address, self.id)


# ----- messages -----

def _send_msg(chan, data):
    # One flag byte: 1 if more parts follow.
    i, n = 0, len(data)
    while n - i > _PART:
        _mp.send(chan, b'\x01' + data[i:i + _PART])
        i += _PART
    _mp.send(chan, b'\x00' + (data[i:] if i else data))


def _rest_of(chan, m):
    # The whole message whose first part is m.
    if m[0] == 0:
        return m[1:]
    parts = [m[1:]]
    while True:
        m = _mp.recv(chan)
        parts.append(m[1:])
        if m[0] == 0:
            return b''.join(parts)


# ----- the client side: one connection per (address, thread) -----

_conns = {}


def _new_conn():
    return _mp.channel_new(_CONN_CAP), _mp.channel_new(_CONN_CAP)


def _conn(address):
    key = (address, threading.get_ident())
    c = _conns.get(key)
    if c is None:
        c = _new_conn()
        _mp.send(address[0], pickle.dumps(('connect', c)))
        _conns[key] = c
    return c


def _at_exit():
    """A child process ends: close its connections (their server threads end)."""
    for (address, _), (req, _) in list(_conns.items()):
        if _mp.counter_get(address[1]) == _STARTED:
            _mp.send(req, b'')
    _conns.clear()


def _call(address, ident, name, args=(), kwds=None):
    """Run method `name` of object `ident` in the server; return its result."""
    state = address[1]
    if _mp.counter_get(state) != _STARTED:
        raise BrokenPipeError(32, 'Broken pipe')
    req, rep = _conn(address)
    _send_msg(req, pickle.dumps((ident, name, args, kwds)))
    while True:
        m = _mp.recv(rep, 1.0)
        if m is not None:
            break
        if _mp.counter_get(state) != _STARTED:
            _conns.pop((address, threading.get_ident()), None)
            raise EOFError
    kind, value = pickle.loads(_rest_of(rep, m))
    if kind == _RETURN:
        return value
    if kind == _ERROR:
        raise value
    if kind == _PROXY:
        proxytype, token, exposed = value
        return proxytype(token, exposed=exposed)
    raise RemoteError(value)


# ----- the server side -----

def _iadd(o, x):
    o += x
    return o


def _imul(o, n):
    o *= n
    return o


def _setitem(o, k, v):
    o[k] = v


def _delitem(o, k):
    del o[k]


# Special methods run as the operation they implement (builtin types here
# have no bound __getitem__ etc. to look up).
_OPS = {
    '__getitem__': lambda o, k: o[k],
    '__setitem__': _setitem,
    '__delitem__': _delitem,
    '__contains__': lambda o, k: k in o,
    '__len__': len,
    '__repr__': repr,
    '__str__': str,
    '__add__': lambda o, x: o + x,
    '__mul__': lambda o, n: o * n,
    '__rmul__': lambda o, n: n * o,
    '__iadd__': _iadd,
    '__imul__': _imul,
    '__next__': next,
    '__getattribute__': getattr,
    '__setattr__': setattr,
    '__delattr__': delattr,
}
_ALWAYS = ('__repr__', '__str__', '#GETVALUE')
_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))


def public_methods(obj):
    """The names of obj's public methods (what an AutoProxy exposes)."""
    return [n for n in dir(obj) if n[0] != '_' and callable(getattr(obj, n))]


def _traceback_text(e):
    text = 'Traceback (most recent call last):\n'
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        text += '  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno, code.co_name)
        tb = tb.tb_next
    msg = str(e)
    return text + type(e).__name__ + (': ' + msg if msg else '') + '\n'


class Server(object):
    """Owns the shared objects and serves calls on them (in the manager's process)."""

    def __init__(self, registry, address):
        self.registry = registry
        self.address = address
        self.objects = {}
        self.mutex = threading.Lock()
        self.next_id = 0
        self.stopped = False

    def serve_forever(self):
        while not self.stopped:
            msg = pickle.loads(_mp.recv(self.address[0]))
            if msg[0] == 'connect':
                self.accept(msg[1])
            elif msg[0] == 'shutdown':
                self.stopped = True

    def accept(self, conn):
        t = threading.Thread(target=self.serve_client, args=conn, daemon=True)
        t.start()

    def serve_client(self, req, rep):
        while True:
            m = _mp.recv(req)
            if not m:
                return      # the client's process ended
            try:
                ident, name, args, kwds = pickle.loads(_rest_of(req, m))
                reply = self.handle(ident, name, args, kwds or {})
            except Exception as e:
                reply = (_REMOTE, _traceback_text(e))
            try:
                data = pickle.dumps(reply)
            except Exception as e:
                data = pickle.dumps((_REMOTE, 'Unserializable message: %s: %s\n'
                                     % (type(e).__name__, e)))
            _send_msg(rep, data)

    def add(self, obj, exposed, method_to_typeid):
        with self.mutex:
            self.next_id += 1
            ident = self.next_id
            self.objects[ident] = (obj, exposed, method_to_typeid)
        return ident

    def create(self, typeid, args, kwds):
        callable_, exposed, method_to_typeid, proxytype = self.registry[typeid]
        if callable_ is None:
            if kwds or len(args) != 1:
                raise ValueError('Without callable, must have one non-keyword argument')
            obj = args[0]
        else:
            obj = callable_(*args, **kwds)
        if exposed is None:
            exposed = public_methods(obj)
        exposed = tuple(exposed)
        return self.add(obj, exposed, method_to_typeid), exposed

    def handle(self, ident, name, args, kwds):
        if ident is None:
            if name == 'create':
                return _RETURN, self.create(*args)
            if name == 'number_of_objects':
                return _RETURN, len(self.objects)
            raise ValueError('unknown manager request %r' % (name,))
        obj, exposed, method_to_typeid = self.objects[ident]
        if name not in exposed and name not in _ALWAYS:
            return _REMOTE, ('Traceback (most recent call last):\nAttributeError: method %r of %r'
                             ' object is not in exposed=%r\n' % (name, type(obj), exposed))
        if name == '#GETVALUE':
            return _RETURN, obj
        try:
            op = _OPS.get(name)
            if op is not None:
                res = op(obj, *args, **kwds)
            else:
                res = getattr(obj, name)(*args, **kwds)
        except Exception as e:
            return _ERROR, e
        if name in ('__iadd__', '__imul__') and res is obj:
            return _RETURN, None
        typeid = method_to_typeid.get(name) if method_to_typeid else None
        if typeid is not None:
            # The result is made a shared object of that type (with callable
            # None in the registry, the result itself), and a proxy goes back.
            new, exposed = self.create(typeid, (res,), {})
            proxytype = self.registry[typeid][3]
            return _PROXY, (proxytype, Token(typeid, self.address, new), exposed)
        if isinstance(res, _VIEWS):
            res = list(res)
        return _RETURN, res


def _serve(manager_class, address, first, initializer, initargs):
    """The manager process's target: serve until shutdown. (It gets the
    manager's class: a forked child copies it with its registry, a spawned
    one finds it by name after its main module ran the register() calls.)"""
    state = address[1]
    try:
        if initializer is not None:
            initializer(*initargs)
        server = Server(manager_class._registry, address)
        process.current_process()._manager_server = server
        _mp.counter_add(state, _STARTED - _mp.counter_get(state))
        server.accept(first)
        server.serve_forever()
    finally:
        _mp.counter_add(state, _SHUTDOWN - _mp.counter_get(state))


# ----- managers -----

# address -> the server Process, in the process that started it. (Kept out
# of the manager object, so a forked child can copy the manager.)
_servers = {}


class _Creator(object):
    """The manager method that creates a `typeid` object (m.dict(), m.Lock()...)."""

    def __init__(self, typeid):
        self.typeid = typeid

    def __get__(self, manager, cls=None):
        if manager is None:
            return self
        typeid = self.typeid

        def create(*args, **kwds):
            proxytype = type(manager)._registry[typeid][3]
            token, exposed = manager._create(typeid, *args, **kwds)
            return proxytype(token, manager=manager, exposed=exposed)
        create.__name__ = typeid
        return create


class BaseManager(object):
    """Starts a server process and makes shared objects in it."""

    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if serializer != 'pickle':
            raise ValueError('Spindle managers only use the pickle serializer')
        self._address = address
        self._state = State()
        self._ctx = ctx
        self._serializer = serializer
        self._shutdown_timeout = shutdown_timeout

    @property
    def address(self):
        return self._address

    @property
    def _process(self):
        return _servers.get(self._address)

    def get_server(self):
        raise NotImplementedError('Spindle managers run only as a server process: use start()')

    def connect(self):
        """Use the manager already running at self.address."""
        if self._address is None or _mp.counter_get(self._address[1]) != _STARTED:
            raise ConnectionRefusedError(111, 'Connection refused')
        self._state.value = _STARTED

    def start(self, initializer=None, initargs=()):
        """Start the server process."""
        if self._state.value != _INITIAL:
            if self._state.value == _STARTED:
                raise _process_error('Already started server')
            raise _process_error('Manager has shut down')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        address = (_mp.channel_new(_CTRL_CAP), _mp.counter_new(_INITIAL))
        first = _new_conn()
        if self._ctx is not None and hasattr(self._ctx, 'Process'):
            p = self._ctx.Process(target=_serve, args=(type(self), address, first,
                                                      initializer, initargs))
        else:
            import multiprocessing
            p = multiprocessing.Process(target=_serve, args=(type(self), address, first,
                                                            initializer, initargs))
        p.name = type(self).__name__ + '-' + ':'.join(str(i) for i in p._identity)
        p.daemon = True
        p.start()
        _servers[address] = p
        # Ready when the server's state says so (or it has failed).
        while not _mp.counter_wait(address[1], _STARTED, 0.05):
            if _mp.counter_get(address[1]) == _SHUTDOWN or p.exitcode is not None:
                p.join()
                raise EOFError
        self._address = address
        _conns[(address, threading.get_ident())] = first
        self._state.value = _STARTED

    def _create(self, typeid, *args, **kwds):
        assert self._state.value == _STARTED, 'server not yet started'
        ident, exposed = _call(self._address, None, 'create', (typeid, args, kwds))
        return Token(typeid, self._address, ident), exposed

    def _number_of_objects(self):
        return _call(self._address, None, 'number_of_objects')

    def join(self, timeout=None):
        """Wait for the server process to end."""
        p = self._process
        if p is not None:
            p.join(timeout)

    def shutdown(self):
        """Stop the server process; its objects are gone after this."""
        if self._state.value != _STARTED:
            return
        address = self._address
        state = address[1]
        if _mp.counter_get(state) == _STARTED:
            _mp.send(address[0], pickle.dumps(('shutdown',)))
        p = _servers.pop(address, None)
        if p is not None:
            p.join(self._shutdown_timeout)
            if p.is_alive():
                p.terminate()
                p.join()
        _mp.counter_add(state, _SHUTDOWN - _mp.counter_get(state))
        for key in [k for k in _conns if k[0] == address]:
            del _conns[key]
        self._state.value = _SHUTDOWN

    def __enter__(self):
        if self._state.value == _INITIAL:
            self.start()
        if self._state.value != _STARTED:
            raise _process_error('Unable to start server')
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Make `typeid` a kind of shared object: callable makes it in the
        server, proxytype (AutoProxy by default) stands for it elsewhere."""
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        method_to_typeid = method_to_typeid or getattr(proxytype, '_method_to_typeid_', None)
        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                assert type(key) is str, '%r is not a string' % key
                assert type(value) is str, '%r is not a string' % value
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            setattr(cls, typeid, _Creator(typeid))


def _process_error(msg):
    import multiprocessing
    return multiprocessing.ProcessError(msg)


# ----- proxies -----

def RebuildProxy(func, token, serializer, kwds):
    """Unpickle a proxy."""
    return func(token, serializer, **kwds)


class BaseProxy(object):
    """Stands for an object in a manager's server; methods go there."""

    _exposed_ = ()

    def __init__(self, token, serializer='pickle', manager=None, authkey=None,
                 exposed=None, incref=True, manager_owned=False):
        self._token = token
        self._id = token.id

    def _callmethod(self, methodname, args=(), kwds={}):
        """Call methodname(*args, **kwds) on the referent; return the result."""
        return _call(self._token.address, self._id, methodname, args, kwds)

    def _getvalue(self):
        """A copy of the referent."""
        return _call(self._token.address, self._id, '#GETVALUE')

    def __reduce__(self):
        return RebuildProxy, (type(self), self._token, 'pickle', {})

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


# What an AutoProxy class has besides BaseProxy: it forwards the public
# methods the server reported (kept on the instance, so that a class made
# again by name in another process needs nothing more).

def _auto_init(self, token, serializer='pickle', manager=None, authkey=None,
               exposed=None, incref=True, manager_owned=False):
    BaseProxy.__init__(self, token)
    self._exposed_ = tuple(exposed or ())


def _auto_getattr(self, name):
    if name[:1] != '_' and name in self._exposed_:
        return _ProxyMethod(self, name)
    raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))


def _auto_dir(self):
    return sorted(set(object.__dir__(self)) | set(self._exposed_))


def _auto_reduce(self):
    return RebuildProxy, (AutoProxy, self._token, 'pickle', {'exposed': self._exposed_})


_auto_classes = {}


def _auto_class(name):
    cls = _auto_classes.get(name)
    if cls is None:
        cls = type(name, (BaseProxy,), {
            '__module__': __name__, '__qualname__': name, '__init__': _auto_init,
            '__getattr__': _auto_getattr, '__dir__': _auto_dir, '__reduce__': _auto_reduce})
        _auto_classes[name] = cls
    return cls


def __getattr__(name):
    # 'AutoProxy[Queue]' and the like, found again by name in a forked child.
    if name.startswith('AutoProxy['):
        return _auto_class(name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def AutoProxy(token, serializer='pickle', manager=None, authkey=None,
              exposed=None, incref=True, manager_owned=False):
    """A proxy for `token` that forwards the methods in `exposed`."""
    if exposed is None:
        exposed = _call(token.address, token.id, '#GETVALUE')
        exposed = public_methods(exposed)
    return _auto_class('AutoProxy[%s]' % token.typeid)(token, exposed=exposed)


def MakeProxyType(name, exposed, _cache={}):
    """A proxy class with a method for each name in exposed. It says it is
    __main__'s, so a forked child copies it, and pickle finds it there when
    the program keeps it in a global of the same name."""
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    dic = {meth: _Forward(meth) for meth in exposed}
    dic['__module__'] = '__main__'
    ProxyType = type(name, (BaseProxy,), dic)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


# A forwarded method is an object rather than a closure, so that it copies
# into a forked child and pickles (Process(target=q.put)).

class _ProxyMethod(object):
    """proxy.name: calls the referent's method `name`."""

    def __init__(self, proxy, name):
        self.__self__ = proxy
        self.__name__ = name

    def __call__(self, *args, **kwds):
        return self.__self__._callmethod(self.__name__, args, kwds)

    def __reduce__(self):
        return getattr, (self.__self__, self.__name__)

    def __repr__(self):
        return '<bound method %s of %r>' % (self.__name__, self.__self__)


class _Forward(object):
    """A method of a MakeProxyType class."""

    def __init__(self, name):
        self.name = name

    def __get__(self, proxy, cls=None):
        if proxy is None:
            return self
        return _ProxyMethod(proxy, self.name)


# ----- the types of SyncManager -----

class Namespace(object):
    """A bag of attributes (m.Namespace())."""

    def __init__(self, /, **kwds):
        for k, v in kwds.items():
            setattr(self, k, v)

    def __repr__(self):
        shown = sorted('%s=%r' % (k, v) for k, v in self.__dict__.items() if not k.startswith('_'))
        return '%s(%s)' % (type(self).__name__, ', '.join(shown))


class Value(object):
    """A value with a typecode (m.Value('i', 0)); the typecode is not enforced."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        from multiprocessing.synchronize import wait_for
        return wait_for(self.wait, predicate, timeout)


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return self._callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        return self._callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        return self._callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class BaseListProxy(BaseProxy):
    _exposed_ = ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
                 '__mul__', '__reversed__', '__rmul__', '__setitem__', 'append', 'count',
                 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort',
                 '__imul__', '__iadd__')

    def __add__(self, other):
        return self._callmethod('__add__', (other,))

    def __contains__(self, item):
        return self._callmethod('__contains__', (item,))

    def __delitem__(self, i):
        return self._callmethod('__delitem__', (i,))

    def __getitem__(self, i):
        return self._callmethod('__getitem__', (i,))

    def __setitem__(self, i, value):
        return self._callmethod('__setitem__', (i, value))

    def __len__(self):
        return self._callmethod('__len__')

    def __mul__(self, n):
        return self._callmethod('__mul__', (n,))

    def __rmul__(self, n):
        return self._callmethod('__rmul__', (n,))

    def __iter__(self):
        # One call for a copy, rather than one call per item.
        return iter(self._getvalue())

    def __reversed__(self):
        return reversed(self._getvalue())

    def append(self, item):
        return self._callmethod('append', (item,))

    def count(self, item):
        return self._callmethod('count', (item,))

    def extend(self, items):
        return self._callmethod('extend', (items,))

    def index(self, *args):
        return self._callmethod('index', args)

    def insert(self, i, item):
        return self._callmethod('insert', (i, item))

    def pop(self, *args):
        return self._callmethod('pop', args)

    def remove(self, item):
        return self._callmethod('remove', (item,))

    def reverse(self):
        return self._callmethod('reverse')

    def sort(self, *, key=None, reverse=False):
        return self._callmethod('sort', (), {'key': key, 'reverse': reverse})


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


class DictProxy(BaseProxy):
    _exposed_ = ('__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__',
                 'clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault',
                 'update', 'values')

    def __contains__(self, key):
        return self._callmethod('__contains__', (key,))

    def __delitem__(self, key):
        return self._callmethod('__delitem__', (key,))

    def __getitem__(self, key):
        return self._callmethod('__getitem__', (key,))

    def __setitem__(self, key, value):
        return self._callmethod('__setitem__', (key, value))

    def __len__(self):
        return self._callmethod('__len__')

    def __iter__(self):
        # Over a copy of the keys (CPython iterates in the server).
        return iter(self._callmethod('keys'))

    def clear(self):
        return self._callmethod('clear')

    def copy(self):
        return self._callmethod('copy')

    def get(self, *args):
        return self._callmethod('get', args)

    def items(self):
        return self._callmethod('items')

    def keys(self):
        return self._callmethod('keys')

    def values(self):
        return self._callmethod('values')

    def pop(self, *args):
        return self._callmethod('pop', args)

    def popitem(self):
        return self._callmethod('popitem')

    def setdefault(self, *args):
        return self._callmethod('setdefault', args)

    def update(self, *args, **kwds):
        return self._callmethod('update', args, kwds)


class SyncManager(BaseManager):
    """The manager of multiprocessing.Manager(): dict, list, Value, Namespace,
    Queue, JoinableQueue, Lock, RLock, Semaphore, BoundedSemaphore,
    Condition, Event and Barrier."""


def _register_sync_types():
    import queue
    reg = SyncManager.register
    reg('Queue', queue.Queue)
    reg('JoinableQueue', queue.Queue)
    reg('Event', threading.Event, EventProxy)
    reg('Lock', threading.Lock, AcquirerProxy)
    reg('RLock', threading.RLock, AcquirerProxy)
    reg('Semaphore', threading.Semaphore, AcquirerProxy)
    reg('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
    reg('Condition', threading.Condition, ConditionProxy)
    reg('Barrier', threading.Barrier, BarrierProxy)
    reg('list', list, ListProxy)
    reg('dict', dict, DictProxy)
    reg('Value', Value, ValueProxy)
    reg('Namespace', Namespace, NamespaceProxy)
    reg('Iterator', proxytype=IteratorProxy, create_method=False)


_register_sync_types()
