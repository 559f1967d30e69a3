"""TaskGroup: start tasks in an `async with` block that waits for all of them.

If one of them fails, the others (and the block's body) are cancelled, and
the errors come out together as an ExceptionGroup.
"""

from asyncio.exceptions import CancelledError
from asyncio.events import get_running_loop
import asyncio.tasks as tasks

__all__ = ('TaskGroup',)


class TaskGroup:
    """An async context manager that owns the tasks made by its create_task().

        async with asyncio.TaskGroup() as tg:
            tg.create_task(one())
            tg.create_task(two())
        # here both are done
    """

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f"<TaskGroup{' '.join(info)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and \
                self._base_error is None:
            self._base_error = exc

        propagate_cancel = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            # We cancelled the parent ourselves: take that back, and only
            # let a CancelledError through if someone else cancelled too.
            if self._parent_task.uncancel() == 0:
                propagate_cancel = None

        if et is not None and not self._aborting:
            # The body failed, or the parent is being cancelled.
            self._abort()

        # Wait for the children. The wait itself can be cancelled (perhaps
        # more than once), so loop until they are all gone.
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                self._on_completed_fut._trace_label = 'TaskGroup'
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    # The parent task is cancelled while children still run.
                    propagate_cancel = ex
                    self._abort()
            self._on_completed_fut = None

        assert not self._tasks

        if self._base_error is not None:
            raise self._base_error

        # Errors of the children win over a cancellation.
        if propagate_cancel is not None and not self._errors:
            raise propagate_cancel

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup('unhandled errors in a TaskGroup',
                                     errors) from None

    def create_task(self, coro, *, name=None, context=None):
        """Start coro as a task of the group; returns the Task."""
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        tasks._set_task_name(task, name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # Stop the body too: cancel the parent, and undo that in
            # __aexit__ so the parent itself goes on after the block.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
