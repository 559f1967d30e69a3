# shield: cancelling the outer await leaves the inner task running.
import asyncio


async def important(log):
    await asyncio.sleep(0.02)
    log.append("important work finished")
    return "saved"


async def main():
    log = []
    inner = asyncio.create_task(important(log))

    async def waiter():
        return await asyncio.shield(inner)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.005)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled; inner cancelled?", inner.cancelled())
    print(await inner, log)

    # shield of a finished future is that future
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print(asyncio.shield(done) is done)

    # without cancellation the result passes through
    print(await asyncio.shield(important(log)))

    # cancelling the inner task cancels the shield's outer future
    inner = asyncio.create_task(asyncio.sleep(1))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled too:", outer.cancelled())


asyncio.run(main())
