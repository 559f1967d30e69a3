# to_thread and run_in_executor really run on other threads: two blocking
# sleeps overlap, and the loop keeps running meanwhile.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(seconds, tag):
    time.sleep(seconds)
    return (tag, threading.current_thread() is not threading.main_thread())


async def ticker(stop, counter):
    while not stop.is_set():
        counter[0] += 1
        await asyncio.sleep(0.005)


async def main():
    stop = asyncio.Event()
    counter = [0]
    tick = asyncio.create_task(ticker(stop, counter))
    start = time.monotonic()
    results = await asyncio.gather(
        asyncio.to_thread(blocking, 0.25, "a"),
        asyncio.to_thread(blocking, 0.25, tag="b"),
    )
    elapsed = time.monotonic() - start
    stop.set()
    await tick
    print(results)
    print("overlapped:", elapsed < 0.45)
    print("loop kept ticking:", counter[0] >= 3)

    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        def where(x):
            return x * 2, threading.current_thread().name.startswith("pool")
        futs = [loop.run_in_executor(ex, where, i) for i in range(3)]
        print(await asyncio.gather(*futs))

    # default executor
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))

    # exceptions come back through the future
    def fails():
        raise ZeroDivisionError("in thread")
    try:
        await asyncio.to_thread(fails)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

    # wrap_future turns a concurrent future into an asyncio one
    with ThreadPoolExecutor(1) as ex:
        cf = ex.submit(pow, 2, 10)
        af = asyncio.wrap_future(cf)
        print(asyncio.isfuture(af), await af)


asyncio.run(main())
print("threads left:", threading.active_count())
