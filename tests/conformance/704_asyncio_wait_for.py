# wait_for: result in time, TimeoutError (the builtin) after cancelling the
# inner task, timeout None and <= 0, and cancellation of the waiter.
import asyncio


async def slow(log, delay=1):
    try:
        await asyncio.sleep(delay)
        return "slow result"
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise


async def main():
    log = []
    print(await asyncio.wait_for(slow(log, 0.005), timeout=0.5))
    try:
        await asyncio.wait_for(slow(log), timeout=0.01)
    except TimeoutError as e:
        print("TimeoutError", type(e) is TimeoutError,
              asyncio.TimeoutError is TimeoutError,
              type(e.__cause__).__name__)
    print(log)

    print(await asyncio.wait_for(slow(log, 0.001), None))

    # timeout <= 0: done futures still give their result
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(42)
    print(await asyncio.wait_for(f, 0))
    try:
        await asyncio.wait_for(slow(log), 0)
    except TimeoutError:
        print("zero timeout", log)

    # an inner task that swallows the cancellation wins over the timeout
    async def obstinate():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "kept going"
    print(await asyncio.wait_for(obstinate(), 0.01))

    # cancelling the outer task cancels the inner one too
    log.clear()
    outer = asyncio.create_task(asyncio.wait_for(slow(log), 1))
    await asyncio.sleep(0.005)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", log)

    # exceptions pass through
    async def fails():
        await asyncio.sleep(0.001)
        raise KeyError("k")
    try:
        await asyncio.wait_for(fails(), 1)
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
