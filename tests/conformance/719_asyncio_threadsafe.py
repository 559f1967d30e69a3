# Threads talking to a loop: call_soon_threadsafe wakes an idle loop, and
# run_coroutine_threadsafe submits coroutines to a loop running in another
# thread.
import asyncio
import threading
import time


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def from_thread():
        time.sleep(0.01)
        loop.call_soon_threadsafe(fut.set_result, "set from a thread")

    threading.Thread(target=from_thread).start()
    # The loop has nothing to do: it sleeps until the thread wakes it.
    print(await fut)

    # Several threads at once
    results = []
    done = loop.create_future()

    def worker(i):
        time.sleep(0.002 * i)
        loop.call_soon_threadsafe(results.append, i)
        if i == 4:
            loop.call_soon_threadsafe(done.set_result, None)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
    for th in threads:
        th.start()
    await done
    for th in threads:
        th.join()
    await asyncio.sleep(0)
    print(sorted(results))


asyncio.run(main())

# A loop in a background thread, fed from the main thread.
loop = asyncio.new_event_loop()
ready = threading.Event()


def run_loop():
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    loop.run_forever()


th = threading.Thread(target=run_loop)
th.start()
ready.wait()


async def add(a, b):
    await asyncio.sleep(0.001)
    return a + b


async def boom():
    raise ValueError("in the loop thread")

cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
print("result:", cf.result(timeout=5))
cf = asyncio.run_coroutine_threadsafe(boom(), loop)
try:
    cf.result(timeout=5)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.run_coroutine_threadsafe(add, loop)
except TypeError as e:
    print("TypeError:", e)

loop.call_soon_threadsafe(loop.stop)
th.join()
loop.close()
print("loop thread joined")
