# asyncio.Future by hand: callbacks, states, reprs, awaiting from
# coroutines and from generator-based code.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut), fut.done(), fut.cancelled())
    calls = []
    fut.add_done_callback(lambda f: calls.append(("a", f.result())))
    fut.add_done_callback(lambda f: calls.append(("b", f.result())))
    fut.set_result(42)
    print(repr(fut), calls, "(callbacks not run yet)")
    await asyncio.sleep(0)
    print(calls)
    print(await fut, fut.result(), fut.exception())

    f2 = asyncio.Future()
    print("get_loop:", f2.get_loop() is loop)
    f2.set_exception(ValueError("bad"))
    print(repr(f2))
    try:
        await f2
    except ValueError as e:
        print("raised:", e)

    f3 = loop.create_future()
    f3.cancel()
    print(repr(f3))

    for value in ["x" * 50, list(range(10)), {"k": 1}, (1,), None, 3.5]:
        f = loop.create_future()
        f.set_result(value)
        print(repr(f))

    # remove_done_callback removes every registration of the function
    f4 = loop.create_future()

    def cb(f):
        calls.append("cb")
    f4.add_done_callback(cb)
    f4.add_done_callback(cb)
    print("removed:", f4.remove_done_callback(cb), f4.remove_done_callback(cb))

    # a coroutine sets a future another one waits for
    f5 = loop.create_future()

    async def producer():
        await asyncio.sleep(0.002)
        f5.set_result("produced")

    asyncio.create_task(producer())
    print(await f5)

    # isfuture and friends
    print(asyncio.isfuture(fut), asyncio.isfuture(asyncio.sleep), asyncio.isfuture(42))
    coro = main_helper()
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(main_helper))
    coro.close()
    t = asyncio.ensure_future(main_helper())
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), await t)
    print(asyncio.ensure_future(fut) is fut)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

    # an object with __await__ can be wrapped in a task
    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0.001).__await__()
            return "custom awaitable"
    print(await asyncio.ensure_future(Awaitable()))
    print(await Awaitable())

    # a Future subclass
    class MyFuture(asyncio.Future):
        pass
    mf = MyFuture()
    loop.call_soon(mf.set_result, "subclass")
    print(await mf, repr(mf))


async def main_helper():
    return "helper"


asyncio.run(main())
