# Async generators driven by hand: __anext__ awaitables, asend values, StopAsyncIteration at the end.
class Tick:
    def __await__(self):
        yield "tick"
async def agen():
    received = []
    for i in range(3):
        await Tick()
        got = yield i
        received.append(got)
    print("agen saw", received)
def drive(aw, send=None):
    try:
        r = aw.send(send)
        while True:
            r = aw.send(None)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("stop", None)
g = agen()
print(drive(g.__anext__()))
print(drive(g.asend("x")))
print(drive(g.asend("y")))
print(drive(g.asend("z")))
print(drive(g.__anext__()))
async def collect():
    return [v async for v in agen()]
print(drive(collect()))
