# Queue producer/consumer with task_done/join; maxsize back-pressure;
# QueueEmpty/QueueFull.
import asyncio


async def producer(q, n, log):
    for i in range(n):
        await q.put(i)
        log.append(f"put {i}")
    log.append("producer done")


async def consumer(name, q, results):
    while True:
        item = await q.get()
        await asyncio.sleep(0.001)
        results.append((name, item))
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    log, results = [], []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, results)) for i in range(2)]
    await producer(q, 6, log)
    await q.join()
    print("all processed:", sorted(item for _, item in results))
    print("both consumers worked:", sorted({name for name, _ in results}))
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(log[-1], q.qsize(), q.empty(), q.full(), q.maxsize)

    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", q.full())
    print(q.get_nowait())
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print(str(q))

    # get() waits for a put from another task
    q = asyncio.Queue()

    async def later():
        await asyncio.sleep(0.005)
        q.put_nowait("arrived")
    asyncio.create_task(later())
    print(await q.get())

    # a cancelled get() does not lose items
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    q.put_nowait("kept")
    print(getter.cancelled(), q.get_nowait())

    # wait_for around get()
    try:
        await asyncio.wait_for(q.get(), 0.005)
    except TimeoutError:
        print("get timed out")


asyncio.run(main())
