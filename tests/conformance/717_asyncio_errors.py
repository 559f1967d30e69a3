# Error messages: nested run, no running loop, awaiting cancelled futures,
# Future state errors, closed loops.
import asyncio


async def nested():
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    loop = asyncio.get_running_loop()
    coro = asyncio.sleep(0)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)

    fut = loop.create_future()
    fut.cancel()
    try:
        await fut
    except asyncio.CancelledError as e:
        print("awaiting a cancelled future:", type(e).__name__, e.args)
    fut = loop.create_future()
    fut.cancel(msg="bye")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("with a message:", e.args)

    fut = loop.create_future()
    for call in (fut.result, fut.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        fut.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut = loop.create_future()
    try:
        fut.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    fut.set_exception(ValueError)
    print("exception class instantiated:", repr(fut.exception()))

    # A task awaiting itself
    async def self_await():
        await asyncio.current_task()
    t = asyncio.create_task(self_await())
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", str(e).startswith("Task cannot await on itself"))

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.001)
    except asyncio.TimeoutError:
        print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)


print(issubclass(asyncio.InvalidStateError, Exception),
      asyncio.CancelledError.__mro__[1].__name__)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)

asyncio.run(nested())

loop = asyncio.new_event_loop()
loop.close()
print(loop.is_closed())
for call in (lambda: loop.call_soon(print), lambda: loop.run_forever(),
             lambda: loop.call_later(1, print)):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
coro = asyncio.sleep(0)
try:
    loop.create_task(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
loop.close()   # closing twice is fine

loop = asyncio.new_event_loop()
try:
    loop.call_later(None, print)
except TypeError as e:
    print("TypeError:", e)
try:
    loop.call_at(None, print)
except TypeError as e:
    print("TypeError:", e)
loop.close()
