# Lock, Event, Condition, Semaphore, BoundedSemaphore between tasks.
import asyncio


async def main():
    # Lock: critical sections do not interleave
    lock = asyncio.Lock()
    trace = []

    async def critical(name):
        async with lock:
            trace.append(f"{name} in")
            await asyncio.sleep(0.002)
            trace.append(f"{name} out")

    await asyncio.gather(critical("a"), critical("b"), critical("c"))
    print(trace)
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked())
    lock.release()

    # Event
    event = asyncio.Event()
    woke = []

    async def waiter(i):
        await event.wait()
        woke.append(i)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.001)
    print("before set:", woke, event.is_set())
    event.set()
    await asyncio.gather(*ws)
    print("after set:", woke)
    event.clear()
    print(event.is_set())

    # Condition: producer notifies consumers
    cond = asyncio.Condition()
    items = []
    got = []

    async def consume(name):
        async with cond:
            await cond.wait_for(lambda: items)
            got.append((name, items.pop(0)))

    cs = [asyncio.create_task(consume(n)) for n in ("x", "y")]
    await asyncio.sleep(0.001)
    for v in (1, 2):
        async with cond:
            items.append(v)
            cond.notify()
        await asyncio.sleep(0.001)
    await asyncio.gather(*cs)
    print(sorted(got))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # Semaphore: at most 2 at a time
    sem = asyncio.Semaphore(2)
    running = 0
    peak = 0

    async def limited(i):
        nonlocal running, peak
        async with sem:
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.002)
            running -= 1

    await asyncio.gather(*(limited(i) for i in range(6)))
    print("peak concurrency:", peak, "locked:", sem.locked())

    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

    # Barrier
    barrier = asyncio.Barrier(3)
    passed = []

    async def at_barrier(i):
        await asyncio.sleep(i * 0.001)
        await barrier.wait()
        passed.append(i)

    await asyncio.gather(*(at_barrier(i) for i in range(3)))
    print("barrier:", sorted(passed), barrier.parties, barrier.n_waiting, barrier.broken)


asyncio.run(main())
