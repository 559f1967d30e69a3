"""timeout() and timeout_at(): cancel a block of code that runs too long.

    async with asyncio.timeout(1.5):
        await something()

On expiry the enclosing task is cancelled; the context manager turns that
CancelledError into TimeoutError as it exits.
"""

from asyncio.exceptions import CancelledError
from asyncio.events import get_running_loop
import asyncio.tasks as tasks

__all__ = ('Timeout', 'timeout', 'timeout_at')


class _State:
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return '<_State.%s: %r>' % (self.name, self.value)


_CREATED = _State('CREATED', 'created')
_ENTERED = _State('ENTERED', 'active')
_EXPIRING = _State('EXPIRING', 'expiring')
_EXPIRED = _State('EXPIRED', 'expired')
_EXITED = _State('EXITED', 'finished')


class Timeout:
    """An async context manager that cancels its block at loop time `when`
    (None: never, until rescheduled)."""

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        """The deadline in loop time, or None."""
        return self._when

    def reschedule(self, when):
        """Move the deadline to loop time `when` (None: no deadline)."""
        assert self._state is not _CREATED
        if self._state is not _ENTERED:
            raise RuntimeError(
                f"Cannot change state of {self._state.value} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """True if the deadline passed while the block ran."""
        return self._state is _EXPIRING or self._state is _EXPIRED

    def __repr__(self):
        info = ['']
        if self._state is _ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        return f"<Timeout [{self._state.value}]{' '.join(info)}>"

    async def __aenter__(self):
        self._state = _ENTERED
        self._task = tasks.current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state is _ENTERED or self._state is _EXPIRING
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state is _EXPIRING:
            self._state = _EXPIRED
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                # The cancellation was ours (nobody else asked for one).
                raise TimeoutError
        elif self._state is _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):
        assert self._state is _ENTERED
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """A Timeout that expires delay seconds from now (None: never)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """A Timeout that expires at loop time `when` (None: never)."""
    return Timeout(when)
