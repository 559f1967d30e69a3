# asyncio task creation: gather 20,000 tasks (repeated), each awaiting once.
import asyncio


async def work(i):
    await asyncio.sleep(0)
    return i


async def main():
    total = 0
    for _ in range(5):
        results = await asyncio.gather(*(work(i) for i in range(20_000)))
        total += sum(results)
    print(total)


asyncio.run(main())
