# Introspection asyncio relies on: co_flags, cr_code/cr_frame/cr_running,
# gi_code/gi_frame, iscoroutinefunction, and task reprs with "running at".
import asyncio
async def f():
    await asyncio.sleep(0)
def g():
    yield 1
async def ag():
    yield 1
def plain(a, *b, **c):
    return a
print(f.__code__.co_flags, g.__code__.co_flags, ag.__code__.co_flags, plain.__code__.co_flags)
print(asyncio.iscoroutinefunction(f), asyncio.iscoroutinefunction(g), asyncio.iscoroutinefunction(plain))
c = f()
print(c.cr_code.co_name, c.cr_running, c.cr_frame is not None, c.cr_await)
c.close()
print(c.cr_frame)
gen = g()
print(gen.gi_code.co_name, gen.gi_running, next(gen), gen.gi_frame.f_lineno)
async def main():
    t = asyncio.create_task(f(), name="x")
    print(repr(t).split(" coro=")[0])
    await t
asyncio.run(main())
async def f():
    await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(f(), name="x")
    print(repr(t).replace(__file__, "FILE"))
    await t
    print(repr(t).replace(__file__, "FILE"))
asyncio.run(main())
