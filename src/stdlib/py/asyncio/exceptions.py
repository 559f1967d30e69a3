"""The exceptions asyncio raises."""

__all__ = ('BrokenBarrierError',
           'CancelledError', 'InvalidStateError', 'TimeoutError',
           'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')


class CancelledError(BaseException):
    """The Task or Future was cancelled."""


# Since Python 3.11, asyncio's TimeoutError is the builtin one.
TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation does not fit the Future's or Task's current state."""


class SendfileNotAvailableError(RuntimeError):
    """sendfile is not available for this socket or file."""


class IncompleteReadError(EOFError):
    """The stream ended before the expected number of bytes was read.

    partial: the bytes read before the end; expected: how many were wanted.
    """

    def __init__(self, partial, expected):
        shown = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{shown} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was searched for beyond the buffer limit.

    consumed: how many bytes should be consumed to skip past it.
    """

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    """The Barrier was reset or broken while tasks waited on it."""
