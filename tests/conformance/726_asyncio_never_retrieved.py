# "Task exception was never retrieved" is reported when the failed task is
# dropped (right after it fails if nothing holds it), as CPython does when
# it frees the task, not when the loop closes; a retrieved one is not.
import asyncio

async def boom(n):
    await asyncio.sleep(0)
    raise ValueError(f"boom {n}")

async def main():
    asyncio.create_task(boom(1))      # fire and forget: reported soon
    t = asyncio.create_task(boom(2))  # kept: reported when dropped
    await asyncio.sleep(0.01)
    print("after first sleep", flush=True)
    del t
    await asyncio.sleep(0.01)
    print("after second sleep", flush=True)
    t3 = asyncio.create_task(boom(3))
    await asyncio.sleep(0.01)
    try:
        t3.result()
    except ValueError as e:
        print("retrieved", e)
    print("end of main", flush=True)

asyncio.run(main())
print("after run")
