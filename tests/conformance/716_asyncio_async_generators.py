# Async generators, async for, async comprehensions and async context
# managers inside tasks.
import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0.001)
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.001)
        self.log.append(f"close {self.name}")
        return False


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


async def consumer(name, out):
    async for i in ticker(3, 0.002):
        out.append(f"{name}{i}")


async def main():
    out = []
    await asyncio.gather(consumer("a", out), consumer("b", out))
    print(sorted(out))

    print([i * i async for i in ticker(4, 0)])
    print({i: i % 2 async for i in ticker(3, 0)})
    print([x async for x in Countdown(3)])
    print([await asyncio.sleep(0, result=i) for i in range(3)])

    log = []
    async with Resource("db", log) as r, Resource("cache", log):
        log.append(f"using {r.name}")
    print(log)

    # Breaking out of async for and closing the generator
    agen = ticker(10, 0)
    async for i in agen:
        if i == 2:
            break
    await agen.aclose()
    print("closed after", i)

    # anext with a default, and an async generator that awaits tasks
    async def squares(xs):
        for x in xs:
            yield await asyncio.create_task(asyncio.sleep(0.001, result=x * x))
    g = squares([2, 3])
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")

    # an exception thrown into an async generator
    async def guarded():
        try:
            yield 1
            yield 2
        except ValueError as e:
            yield f"caught {e}"
    g = guarded()
    print(await g.__anext__())
    print(await g.athrow(ValueError("oops")))


asyncio.run(main())
