# A blocking call inside a coroutine blocks the whole loop: nothing else
# runs until it returns. Handing it to a thread keeps the loop responsive.
import asyncio
import time

events = []


async def heartbeat(stop):
    while not stop.is_set():
        events.append("beat")
        await asyncio.sleep(0.005)


async def blocking_worker():
    events.append("block start")
    time.sleep(0.03)           # blocks the event loop
    events.append("block end")


async def polite_worker():
    events.append("thread start")
    await asyncio.to_thread(time.sleep, 0.03)   # the loop keeps going
    events.append("thread end")


def beats_between(start, end):
    i, j = events.index(start), events.index(end)
    return events[i:j].count("beat")


async def main():
    stop = asyncio.Event()
    hb = asyncio.create_task(heartbeat(stop))
    await asyncio.sleep(0.001)
    await blocking_worker()
    await polite_worker()
    stop.set()
    await hb
    print("beats during the blocking call:", beats_between("block start", "block end"))
    print("beats during the thread call > 2:", beats_between("thread start", "thread end") > 2)

    # A CPU-bound coroutine that never awaits starves the others too.
    order = []

    async def greedy():
        total = 0
        for i in range(20000):
            total += i
        order.append("greedy done")

    async def quick():
        order.append("quick ran")

    await asyncio.gather(greedy(), quick())
    print(order)


asyncio.run(main())
