# gather: results in order, return_exceptions, first error propagation,
# cancelling a gather.
import asyncio


async def ok(x, delay=0.005):
    await asyncio.sleep(delay)
    return x * 10


async def bad(msg, delay=0.005):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(ok(1), ok(2), ok(3)))
    print(await asyncio.gather())
    res = await asyncio.gather(ok(1), bad("boom"), ok(3), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0], res[2], res[1].args)

    try:
        await asyncio.gather(ok(1, 0.02), bad("first", 0.001))
    except ValueError as e:
        print("propagated:", e)

    # The same coroutine object twice counts once.
    c = ok(7)
    print(await asyncio.gather(c, c))

    # Futures can be gathered too.
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.005, f.set_result, "from future")
    print(await asyncio.gather(f, ok(4)))

    # Cancelling the gather cancels the children.
    t1 = asyncio.ensure_future(ok(1, 1))
    t2 = asyncio.ensure_future(ok(2, 1))
    g = asyncio.gather(t1, t2)
    await asyncio.sleep(0)
    print("cancel:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", t1.cancelled(), t2.cancelled())

    # A child cancelled on its own, with return_exceptions.
    t3 = asyncio.ensure_future(ok(3, 1))
    t4 = asyncio.ensure_future(ok(4))
    g = asyncio.gather(t3, t4, return_exceptions=True)
    await asyncio.sleep(0)
    t3.cancel()
    r = await g
    print(type(r[0]).__name__, r[1])

    # Without return_exceptions, a cancelled child cancels the gather's await.
    t5 = asyncio.ensure_future(ok(5, 1))
    g = asyncio.gather(t5, ok(6))
    await asyncio.sleep(0)
    t5.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("CancelledError from gather")


asyncio.run(main())
