# asyncio switch rate: four tasks taking turns with `await asyncio.sleep(0)`.
import asyncio

N = 100_000


async def spinner(counts, k):
    for _ in range(N):
        counts[k] += 1
        await asyncio.sleep(0)


async def main():
    counts = [0, 0, 0, 0]
    await asyncio.gather(*(spinner(counts, k) for k in range(4)))
    print(sum(counts))


asyncio.run(main())
