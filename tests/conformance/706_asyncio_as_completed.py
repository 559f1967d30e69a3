# as_completed yields awaitables in completion order; timeout.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    coros = [job("third", 0.03), job("first", 0.005), job("second", 0.015)]
    for fut in asyncio.as_completed(coros):
        print(await fut)

    got = []
    try:
        for fut in asyncio.as_completed([job("quick", 0.001), job("late", 0.5)],
                                        timeout=0.02):
            got.append(await fut)
    except TimeoutError:
        print("timed out after", got)

    async def failing():
        await asyncio.sleep(0.001)
        raise ValueError("bad")

    for fut in asyncio.as_completed([failing(), job("ok", 0.01)]):
        try:
            print(await fut)
        except ValueError as e:
            print("error", e)


asyncio.run(main())
