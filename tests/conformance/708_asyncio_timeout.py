# asyncio.timeout() / timeout_at(): the Timeout object, expiry, reschedule.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01) as cm:
            print(type(cm).__name__, cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("TimeoutError", type(e.__context__).__name__, cm.expired())

    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.001)
    print("in time, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
        await asyncio.sleep(0.001)

    # reschedule: move the deadline
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            print("has deadline:", cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled deadline hit")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

    # timeout_at with a deadline already past
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("past deadline")

    # Nested timeouts: the inner one fires
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.005):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
                raise ValueError("converted")
    except ValueError as e:
        print("outer saw", e)

    # wait in a task that is cancelled from outside: CancelledError, not timeout
    async def inner():
        async with asyncio.timeout(1):
            await asyncio.sleep(1)

    t = asyncio.create_task(inner())
    await asyncio.sleep(0.001)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("external cancel stays CancelledError")

    print(repr(asyncio.Timeout(None)))

    # outside a task
    cm = asyncio.timeout(1)
    print(type(cm) is asyncio.Timeout)


asyncio.run(main())
