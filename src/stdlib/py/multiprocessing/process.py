"""multiprocessing.process: Process objects, as in CPython 3.11.

A Process runs in an isolated interpreter that shares nothing with its
parent. With the "fork" start method (the default, as on Linux) the child
gets a copy of __main__'s globals and of the Process object as they are at
start(); nothing flows back. Spindle makes the child in _spindle_mp
(runtime/process.rs): an OS thread with its own interpreter natively, a Web
Worker with its own WebAssembly instance and memory in the browser.
"""
import itertools
import os
import sys

import _spindle_mp

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']


def current_process():
    """The Process object of the running process."""
    return _current_process


def active_children():
    """The children of this process that are still running (reaping the others)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent's Process object, or None in the main process."""
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


class BaseProcess(object):
    """A process: target(*args, **kwargs) run in a separate interpreter."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the child does: call target(*args, **kwargs). Override freely."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        if _spindle_mp.importing_main():
            # A spawned child runs the main module again: an unguarded
            # start() there is CPython's bootstrapping error.
            raise RuntimeError(_BOOTSTRAPPING)
        method = self._start_method
        if method is None:
            import multiprocessing
            method = multiprocessing.get_start_method()
        global _spawning
        # Queues and locks refuse to pickle except while a spawned child's
        # Process object is pickled (CPython's "through inheritance" rule).
        _spawning = method == 'spawn'
        try:
            self._popen = _spindle_mp.start(self, self._name, method)
        finally:
            _spawning = False
        self._config['started'] = True
        _children.add(self)

    def terminate(self):
        """End the process as SIGTERM would (exit code -15)."""
        self._check_closed()
        if self._popen is not None:
            self._popen.terminate()

    def kill(self):
        """End the process as SIGKILL would."""
        self.terminate()

    def join(self, timeout=None):
        """Wait until the process ends, or `timeout` seconds pass."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.join(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process has started and not yet ended."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the process object; only once it has ended."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen = None
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the process is a daemon (terminated when its parent exits)."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        """The exit code: None while running, -N if ended by signal N."""
        self._check_closed()
        if self._popen is None:
            return None
        return self._popen.poll()

    @property
    def ident(self):
        """The process id (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid()

    pid = ident

    @property
    def sentinel(self):
        raise ValueError("process not started") if self._popen is None else NotImplementedError(
            "sentinel is not available in Spindle")

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid())
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        """The child's entry point: run() and turn its outcome into an exit code."""
        global _current_process, _parent_process, _process_counter, _children
        _children = set()
        _process_counter = itertools.count(1)
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _current_process = self
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                pass
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            sys.excepthook(type(e), e, e.__traceback__)
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:
                pass
        return exitcode


_BOOTSTRAPPING = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return True

    @property
    def ident(self):
        return self._pid

    def join(self, timeout=None):
        raise ValueError("cannot join the parent process")

    pid = ident


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'spindle', 'semprefix': '/mp'}

    def close(self):
        pass


def _finalize():
    """The end of the main program (Spindle's runtime calls it): wait for
    the non-daemon threads, as CPython's finalization does, then terminate
    daemonic children and wait for the others (multiprocessing's exit hook)."""
    import threading
    threading._shutdown()
    for p in list(_children):
        if p.daemon and p._popen is not None and p._popen.poll() is None:
            p.terminate()
    for p in list(_children):
        if p._popen is not None:
            p._popen.join()


_spawning = False
_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()
