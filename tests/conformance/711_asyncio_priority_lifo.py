# PriorityQueue and LifoQueue order; the queue classes' relations.
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        await pq.put(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])

    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([await lq.get() for _ in range(4)])

    print(issubclass(asyncio.PriorityQueue, asyncio.Queue),
          issubclass(asyncio.LifoQueue, asyncio.Queue))

    # Workers pulling jobs by priority
    jobs = asyncio.PriorityQueue()
    done = []

    async def worker():
        while True:
            prio, name = await jobs.get()
            done.append(name)
            jobs.task_done()

    for prio, name in [(5, "e"), (1, "a"), (3, "c"), (2, "b"), (4, "d")]:
        jobs.put_nowait((prio, name))
    w = asyncio.create_task(worker())
    await jobs.join()
    w.cancel()
    print(done)


asyncio.run(main())
