# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and
# a timeout; argument errors.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    def make():
        return [asyncio.create_task(job("a", 0.005), name="a"),
                asyncio.create_task(job("b", 0.02, fail=True), name="b"),
                asyncio.create_task(job("c", 0.04), name="c")]

    ts = make()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done), names(pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print("ALL_COMPLETED", names(done), names(pending))
    print([t.result() if not t.exception() else repr(t.exception()) for t in ts])

    ts = make()
    done, pending = await asyncio.wait(ts, timeout=0.01)
    print("timeout", names(done), names(pending))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(ts)
    print("after cancel", names(done), [t.cancelled() for t in ts])

    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

    for bad in ([], ):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print("ValueError:", e)
    coro = job("x", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()
    t = asyncio.create_task(job("y", 0))
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait([t], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    await t


asyncio.run(main())
