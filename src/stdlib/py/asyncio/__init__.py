"""asyncio: cooperative multitasking with coroutines on an event loop.

Spindle's asyncio is written in Python on top of Spindle's coroutines. One
event loop runs per thread; tasks take turns at their await points. Work
handed to threads (to_thread, run_in_executor) really runs on other
threads, and the loop sleeps on a lock while it waits for them or for its
next timer. Each task gets its own lane on the run's timeline.
"""

import sys

from asyncio.exceptions import (
    BrokenBarrierError, CancelledError, InvalidStateError, TimeoutError,
    IncompleteReadError, LimitOverrunError, SendfileNotAvailableError)
from asyncio.events import (
    AbstractEventLoopPolicy, AbstractEventLoop, AbstractServer,
    Handle, TimerHandle, get_event_loop_policy, set_event_loop_policy,
    get_event_loop, set_event_loop, new_event_loop,
    get_child_watcher, set_child_watcher,
    _set_running_loop, get_running_loop, _get_running_loop,
    DefaultEventLoopPolicy)
from asyncio.futures import Future, wrap_future, isfuture
from asyncio.tasks import (
    Task, create_task, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
    wait, wait_for, as_completed, sleep, gather, shield, ensure_future,
    run_coroutine_threadsafe, current_task, all_tasks,
    _register_task, _unregister_task, _enter_task, _leave_task,
    to_thread, iscoroutine, iscoroutinefunction)
from asyncio.locks import (
    Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier)
from asyncio.queues import (
    Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty)
from asyncio.timeouts import Timeout, timeout, timeout_at
from asyncio.taskgroups import TaskGroup
from asyncio.base_events import BaseEventLoop, SelectorEventLoop, Server
from asyncio.runners import Runner, run

__all__ = (
    'BrokenBarrierError', 'CancelledError', 'InvalidStateError',
    'TimeoutError', 'IncompleteReadError', 'LimitOverrunError',
    'SendfileNotAvailableError',
    'AbstractEventLoopPolicy', 'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle', 'get_event_loop_policy',
    'set_event_loop_policy', 'get_event_loop', 'set_event_loop',
    'new_event_loop', 'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop', '_get_running_loop',
    'DefaultEventLoopPolicy',
    'Future', 'wrap_future', 'isfuture',
    'Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
    'ALL_COMPLETED', 'wait', 'wait_for', 'as_completed', 'sleep', 'gather',
    'shield', 'ensure_future', 'run_coroutine_threadsafe', 'current_task',
    'all_tasks', '_register_task', '_unregister_task', '_enter_task',
    '_leave_task', 'to_thread', 'iscoroutine', 'iscoroutinefunction',
    'Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier',
    'Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty',
    'Timeout', 'timeout', 'timeout_at', 'TaskGroup',
    'BaseEventLoop', 'SelectorEventLoop', 'Server', 'Runner', 'run',
)
