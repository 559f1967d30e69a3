"""multiprocessing: processes that share nothing and talk by messages.

Spindle runs each Process in its own interpreter: natively an OS thread
with a separate heap of Python objects, in the browser a Web Worker with its
own WebAssembly instance and memory. The "fork" start method is the default
(as on Linux): the child starts from a copy of __main__ as it is at start().

Implemented so far: Process (start, join, is_alive, terminate, kill,
exitcode, pid, name, daemon, close, subclassing run), current_process,
parent_process, active_children, cpu_count, get_start_method,
set_start_method and get_context for "fork". Queues, pipes, pools, shared
values and the "spawn" method are not implemented yet.
"""
import os as _os

from multiprocessing.process import (BaseProcess, current_process, active_children,
                                     parent_process)
import _spindle_mp


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class Process(BaseProcess):
    """A process started with the context's start method."""
    _start_method = None


def cpu_count():
    """The number of CPUs (navigator.hardwareConcurrency in the browser)."""
    n = _os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


_start_method = None
_METHODS = ['fork']


def get_all_start_methods():
    return list(_METHODS)


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = _spindle_mp.default_start_method()
        if _start_method not in _METHODS:
            _start_method = 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in _METHODS:
        if method in ('spawn', 'forkserver'):
            raise ValueError('Spindle does not support the %r start method yet' % method)
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


class _ForkContext(object):
    """What get_context('fork') returns: the module's API bound to fork."""
    _name = 'fork'
    Process = Process

    def get_start_method(self, allow_none=False):
        return self._name

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()

    def parent_process(self):
        return parent_process()


def get_context(method=None):
    if method is None:
        get_start_method()
        return _ForkContext()
    if method not in _METHODS:
        if method in ('spawn', 'forkserver'):
            raise ValueError('Spindle does not support the %r start method yet' % method)
        raise ValueError('cannot find context for %r' % method)
    return _ForkContext()
