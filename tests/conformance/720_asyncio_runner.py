# asyncio.Runner keeps one loop for several runs; run() cleans up
# leftover tasks and the default executor.
import asyncio
import time


async def value(x):
    await asyncio.sleep(0.001)
    return x


with asyncio.Runner() as runner:
    print(runner.run(value(1)))
    print(runner.run(value(2)))
    loop = runner.get_loop()
    print("same loop:", loop is runner.get_loop(), loop.is_closed())
print("closed after with:", loop.is_closed())
coro = value(3)
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

# asyncio.run cancels tasks left running when main returns
log = []


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("background cancelled at shutdown")
        raise


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.001)
    await asyncio.to_thread(time.sleep, 0.001)
    return "main result"

print(asyncio.run(main()))
print(log)

# a leftover task that fails while being cancelled is reported
seen = []


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("refused")


async def main2():
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: seen.append((ctx["message"], repr(ctx["exception"]))))
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.001)

asyncio.run(main2())
print(seen)

# debug flag
async def show_debug():
    return asyncio.get_running_loop().get_debug()

print(asyncio.run(show_debug(), debug=True), asyncio.run(show_debug()))

# the result of main is returned, its exception raised
async def failing():
    raise LookupError("from main")

try:
    asyncio.run(failing())
except LookupError as e:
    print("LookupError:", e)
