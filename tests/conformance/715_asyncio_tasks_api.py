# current_task, all_tasks, task names, get_coro, done callbacks, repr.
import asyncio


async def child(n):
    me = asyncio.current_task()
    await asyncio.sleep(0.001 * n)
    return me.get_name()


async def main():
    main_task = asyncio.current_task()
    print("main name:", main_task.get_name())
    print("main in all_tasks:", main_task in asyncio.all_tasks())

    tasks = [asyncio.create_task(child(i), name=f"child-{i}") for i in range(3)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    tasks[0].set_name("renamed")
    print(await asyncio.gather(*tasks))
    print("all_tasks after:", [t.get_name() for t in asyncio.all_tasks()])

    t = asyncio.create_task(child(0))
    print("default name:", t.get_name().startswith("Task-"))
    print("coro name:", t.get_coro().__name__)
    await t
    t.set_name(12)
    print(repr(t.get_name()))

    # done callbacks run soon after completion, in order, with the task
    order = []
    t = asyncio.create_task(child(1), name="cb-task")
    t.add_done_callback(lambda fut: order.append(("first", fut.result())))
    t.add_done_callback(lambda fut: order.append(("second", fut.get_name())))

    def removed(fut):
        order.append("removed one ran")
    t.add_done_callback(removed)
    print("removed:", t.remove_done_callback(removed))
    await t
    await asyncio.sleep(0)
    print(order)

    # a callback added to a finished task is still scheduled
    t.add_done_callback(lambda fut: order.append("late"))
    await asyncio.sleep(0)
    print(order[-1])

    # repr of finished tasks
    async def simple():
        return 5
    t = asyncio.create_task(simple(), name="simple")
    await t
    r = repr(t)
    print(r.startswith("<Task finished name='simple' coro=<"), r.endswith("result=5>"))
    print(t.get_loop() is asyncio.get_running_loop())

    # Task() directly, and a non-coroutine
    t = asyncio.Task(simple(), name="direct")
    print(await t)
    try:
        asyncio.create_task(simple)
    except TypeError as e:
        print("TypeError:", str(e).startswith("a coroutine was expected, got"))
    for meth, arg in (("set_result", 1), ("set_exception", ValueError())):
        try:
            getattr(t, meth)(arg)
        except RuntimeError as e:
            print("RuntimeError:", e)


asyncio.run(main())
print("outside a loop, current_task needs a loop:")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
