# Errors nobody can raise: callbacks that fail, task exceptions never
# retrieved. A custom exception handler sees them as context dicts.
import asyncio

seen = []


def handler(loop, context):
    exc = context.get("exception")
    seen.append((context["message"].split(" at ")[0].split("(")[0],
                 type(exc).__name__ if exc else None,
                 sorted(k for k in context if k not in ("message", "exception"))))


def bad_callback(x):
    raise ValueError(f"callback {x}")


async def fails():
    raise KeyError("lost")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler() is None)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0.001)
    loop.call_exception_handler({"message": "custom report"})

    # retrieved exceptions are not reported
    t = asyncio.create_task(fails())
    try:
        await t
    except KeyError:
        pass
    t2 = asyncio.create_task(fails())
    await asyncio.sleep(0.001)
    print(type(t2.exception()).__name__)

    # set_exception_handler validates its argument
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)

    # nobody keeps this one: its exception is reported to the handler
    asyncio.create_task(fails())
    await asyncio.sleep(0.001)


asyncio.run(main())
for entry in seen:
    print(entry)

# The default handler writes to stderr; a handler that fails falls back to it.
loop = asyncio.new_event_loop()
loop.set_exception_handler(None)


def ctx_handler(loop, context):
    print("handler got:", context["message"])


loop.set_exception_handler(ctx_handler)
loop.call_soon(bad_callback, 2)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
