# TaskGroup: waits for all its tasks; one failure cancels the rest and
# the errors come out as an ExceptionGroup.
import asyncio


async def work(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def crash(msg, delay, exc=ValueError):
    await asyncio.sleep(delay)
    raise exc(msg)


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("one", 0.01, log))
        t2 = tg.create_task(work("two", 0.005, log), name="second")
        print("names:", t1.get_name().startswith("Task-"), t2.get_name())
    print("after block:", log, t1.result(), t2.result())

    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("long", 1, log))
            tg.create_task(crash("bad value", 0.005))
            tg.create_task(work("short", 0.001, log))
            await asyncio.sleep(1)
            log.append("body not cancelled?!")
    except ExceptionGroup as eg:
        print("ExceptionGroup:", eg.args[0])
        print([repr(e) for e in eg.exceptions])
    print(log)

    # Two failures at once are both reported, in the order they happened.
    # Both wake on one event, in the same loop iteration (two equal sleeps
    # could expire in different iterations on a loaded machine).
    go = asyncio.Event()

    async def crash_on(msg, exc=ValueError):
        await go.wait()
        raise exc(msg)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(crash_on("first"))
            tg.create_task(crash_on("second", TypeError))
            await asyncio.sleep(0)
            go.set()
    except ExceptionGroup as eg:
        print([repr(e) for e in eg.exceptions])

    # An error in the body itself cancels the children and joins the group.
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("child", 1, log))
            await asyncio.sleep(0.001)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print("body error:", [repr(e) for e in eg.exceptions], log)

    # The parent task goes on after the group (its cancel was taken back).
    task = asyncio.current_task()
    print("parent cancelling:", task.cancelling())

    # errors
    tg = asyncio.TaskGroup()
    coro = work("x", 0, [])
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    print(repr(tg))


asyncio.run(main())
