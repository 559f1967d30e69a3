"""multiprocessing.connection: Pipe() and its Connection objects.

A Connection end reads from one channel of _spindle_mp and writes to
another (a duplex Pipe has two channels, a one-way Pipe one). Each message
is one channel message: a tag byte (data or end-of-file) and the payload,
pickled for send/recv and raw for send_bytes/recv_bytes.

End of file works as with CPython's file descriptors under fork: every end
has a counter of the processes holding it open. Process.start() adds one for
each end open in the parent (the child inherits them all), close() removes
one, and so does the child's exit for the ends it still holds. When the
count of a writing end falls to 0, the reader gets EOFError after the data;
sending to an end whose reader is closed everywhere raises BrokenPipeError.
"""
import os
import pickle

import _spindle_mp as _mp

__all__ = ['Pipe', 'Connection', 'wait']

_DATA = b'\x00'
_EOF = b'\x01'

# Counters of the ends this process holds open (counter id -> the channel
# to put end-of-file into when the count falls to 0, or None).
_open_ends = {}


def _before_start():
    """Process.start(): the child inherits every open end."""
    ends = list(_open_ends.items())
    for h, _ in ends:
        _mp.counter_add(h, 1)
    return ends


def _start_failed(ends):
    for h, _ in ends:
        _mp.counter_add(h, -1)


def _after_fork(ends):
    """In the child, before run(): the ends it holds."""
    _open_ends.clear()
    _open_ends.update(ends)


def _at_exit():
    """In the child, after run(): close what it still holds."""
    for h in list(_open_ends):
        _release(h)


def _release(h):
    eof = _open_ends.pop(h, False)
    if eof is False:
        return
    if _mp.counter_add(h, -1) <= 0 and eof is not None:
        _mp.send(eof, _EOF)


class Connection(object):
    """One end of a Pipe."""

    def __init__(self, rchan, wchan, handle, peer, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        self._rchan = rchan if readable else None
        self._wchan = wchan if writable else None
        self._handle = handle
        self._peer = peer
        self._readable = readable
        self._writable = writable
        self._closed = False
        self._pending = None
        self._eof = False
        _open_ends[handle] = wchan if writable else None

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._closed

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def close(self):
        """Close the connection"""
        if not self._closed:
            self._closed = True
            self._pending = None
            _release(self._handle)

    def _send(self, data):
        if _mp.counter_get(self._peer) <= 0:
            raise BrokenPipeError(32, 'Broken pipe')
        _mp.send(self._wchan, _DATA + data)

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send(bytes(m[offset:offset + size]))

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        self._send(pickle.dumps(obj))

    def _take(self, timeout):
        # The next message (kept by poll), or None on timeout.
        if self._pending is not None:
            m, self._pending = self._pending, None
            return m
        if self._eof:
            return _EOF
        m = _mp.recv(self._rchan, timeout)
        if m == _EOF:
            self._eof = True
        return m

    def _recv(self):
        m = self._take(None)
        if m == _EOF:
            raise EOFError
        return m[1:]

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv()
        if maxlength is not None and len(buf) > maxlength:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Receive bytes data into a writeable bytes-like object; return the size."""
        self._check_closed()
        self._check_readable()
        bytesize = len(buf)
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > bytesize:
            raise ValueError("offset too large")
        data = self._recv()
        size = len(data)
        if bytesize < offset + size:
            import multiprocessing
            raise multiprocessing.BufferTooShort(data)
        buf[offset:offset + size] = data
        return size

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return pickle.loads(self._recv())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        if self._pending is not None or self._eof:
            return True
        if timeout is not None and timeout < 0:
            timeout = 0
        m = _mp.recv(self._rchan, timeout)
        if m is None:
            return False
        if m == _EOF:
            self._eof = True
        else:
            self._pending = m
        return True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<%s.%s object at %#x>' % (type(self).__module__, type(self).__qualname__, id(self))


def Pipe(duplex=True):
    """A pair of Connections: (a, b). One-way (a reads, b writes) unless duplex."""
    h1 = _mp.counter_new(1)
    h2 = _mp.counter_new(1)
    if duplex:
        c1 = _mp.channel_new()
        c2 = _mp.channel_new()
        a = Connection(c1, c2, h1, h2)
        b = Connection(c2, c1, h2, h1)
    else:
        c = _mp.channel_new()
        a = Connection(c, None, h1, h2, writable=False)
        b = Connection(None, c, h2, h1, readable=False)
    return a, b


def wait(object_list, timeout=None):
    """The Connections of object_list that are ready to read (polling)."""
    import time
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ready = [o for o in object_list if o.poll()]
        if ready:
            return ready
        if deadline is not None and time.monotonic() >= deadline:
            return []
        time.sleep(0.001)
