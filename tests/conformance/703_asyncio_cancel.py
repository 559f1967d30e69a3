# Cancelling a task: CancelledError arrives at the await, can be caught,
# cleaned up after and re-raised; cancel messages; cancelling/uncancel.
import asyncio


async def worker(log):
    try:
        log.append("started")
        await asyncio.sleep(1)
        log.append("not reached")
    except asyncio.CancelledError:
        log.append("cancelled at await")
        raise
    finally:
        log.append("cleanup")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return "refused to die"


async def main():
    log = []
    t = asyncio.create_task(worker(log))
    await asyncio.sleep(0.005)
    print("cancel() ->", t.cancel())
    print("cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError")
    print(log)
    print("cancelled:", t.cancelled(), "done:", t.done())
    print("cancel again ->", t.cancel())

    # Cancelled before it ever ran.
    t = asyncio.create_task(worker(log := []))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("never started:", log)

    # A message travels with the cancellation.
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    # Swallowing the cancellation: the task finishes normally.
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    # cancelling() and uncancel()
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("cancelling", t.cancelling())
    print("uncancel ->", t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("still cancelled")

    # result() and exception() of a cancelled task
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")

    # CancelledError is a BaseException, not an Exception
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
