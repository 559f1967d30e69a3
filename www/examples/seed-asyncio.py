# The seed article's asyncio example, with its typographic quotes fixed and
# the missing asyncio.run(main()) restored. Both coroutines run on one event
# loop and take turns at each await: a number and a letter each second.
import asyncio

async def print_numbers():
    for i in range(10):
        print(f"  {i}")
        await asyncio.sleep(1)

async def print_letters():
    for letter in 'abcdefghij':
        print(f"  {letter}")
        await asyncio.sleep(1)

async def main():
    task1 = asyncio.create_task(print_numbers())
    task2 = asyncio.create_task(print_letters())
    await task1
    await task2

asyncio.run(main())
