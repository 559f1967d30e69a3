# The loop's callback API: call_soon order, call_later/call_at timing
# order, cancelling handles, stop/run_forever, run_until_complete.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
log = []

loop.call_soon(log.append, "soon 1")
h = loop.call_soon(log.append, "cancelled soon")
loop.call_soon(log.append, "soon 2")
h.cancel()
print("handle cancelled:", h.cancelled())
loop.call_later(0.02, log.append, "later 0.02")
loop.call_later(0.005, log.append, "later 0.005")
t = loop.call_at(loop.time() + 0.01, log.append, "at +0.01")
print("when is a float:", isinstance(t.when(), float))
dead = loop.call_later(0.001, log.append, "cancelled timer")
dead.cancel()
loop.call_later(0.03, loop.stop)
print("running before:", loop.is_running())
loop.run_forever()
print(log)
print("running after:", loop.is_running())


# Callbacks scheduled by callbacks run in the next iteration.
log.clear()


def chain(n):
    log.append(n)
    if n < 3:
        loop.call_soon(chain, n + 1)


loop.call_soon(chain, 0)
loop.call_soon(log.append, "other")
loop.call_soon(loop.stop)
loop.run_forever()
print(log)
loop.run_until_complete(asyncio.sleep(0.001))
print(log)


# run_until_complete with a coroutine, a task and a future
async def compute(x):
    await asyncio.sleep(0.001)
    return x + 1

print(loop.run_until_complete(compute(1)))
task = loop.create_task(compute(10))
print(loop.run_until_complete(task))
fut = loop.create_future()
loop.call_later(0.001, fut.set_result, "future value")
print(loop.run_until_complete(fut))


# stop() from a coroutine before the future is done
async def stopper():
    loop.stop()
    await asyncio.sleep(1)

try:
    loop.run_until_complete(stopper())
except RuntimeError as e:
    print("RuntimeError:", e)

# the loop clock is monotonic
a = loop.time()
b = loop.time()
print(b >= a)
print(repr(loop).startswith("<_UnixSelectorEventLoop running=False closed=False"))
print(asyncio.get_event_loop() is loop)
for t in asyncio.all_tasks(loop):
    t.cancel()
loop.run_until_complete(asyncio.sleep(0))
loop.close()
asyncio.set_event_loop(None)
print(repr(loop))
