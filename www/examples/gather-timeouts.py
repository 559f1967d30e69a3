# asyncio.gather runs coroutines concurrently on one event loop; asyncio.wait_for
# and asyncio.timeout put a deadline on an await. One download here is too slow.
import asyncio
import time

async def download(name, seconds):
    await asyncio.sleep(seconds)        # stands for waiting on the network
    return f"{name}: done in {seconds} s"

async def with_deadline(name, seconds, deadline):
    try:
        return await asyncio.wait_for(download(name, seconds), timeout=deadline)
    except TimeoutError:                # wait_for cancelled the download
        return f"{name}: timed out after {deadline} s"

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        with_deadline("a", 0.1, 0.5),
        with_deadline("b", 0.3, 0.5),
        with_deadline("c", 5.0, 0.5),
    )
    for line in results:                # in the order given, not of finishing
        print(line)
    print(f"gather took {time.perf_counter() - start:.1f} s, not 5.4 s")

    # asyncio.timeout puts one deadline on a whole block.
    try:
        async with asyncio.timeout(0.3):
            await asyncio.gather(download("d", 0.1), download("e", 5.0))
    except TimeoutError:
        print("asyncio.timeout: the block was cancelled after 0.3 s")

asyncio.run(main())
