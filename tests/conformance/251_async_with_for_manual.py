# async with / async for / async generators driven by hand with send(None), no event loop.
class Yield1:
    def __await__(self):
        yield "tick"
class ACM:
    async def __aenter__(self):
        print("aenter")
        await Yield1()
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
class ACounter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Yield1()
        return self.i
async def agen(n):
    for i in range(n):
        await Yield1()
        yield i * 10
async def main():
    out = []
    async with ACM() as r:
        out.append(r)
        raise ValueError("suppressed by aexit")
    async for v in ACounter(3):
        out.append(v)
    async for v in agen(3):
        out.append(v)
    out.append([x async for x in agen(2)])
    return out
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
print(type(agen(1)).__name__)
