# The seed article's example: two tasks interleave at their awaits.
import asyncio


async def count_numbers():
    for i in range(1, 6):
        print("number", i)
        await asyncio.sleep(0.01)


async def count_letters():
    for letter in "abcde":
        print("letter", letter)
        await asyncio.sleep(0.01)


async def main():
    task1 = asyncio.create_task(count_numbers())
    task2 = asyncio.create_task(count_letters())
    await task1
    await task2
    print("both done")


asyncio.run(main())
