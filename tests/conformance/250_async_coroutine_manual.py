# Coroutines driven by hand (no event loop): send(None) until StopIteration, await chains, custom awaitables.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        received = yield f"suspended at {self.tag}"
        return f"{self.tag} resumed with {received!r}"
async def leaf(n):
    r = await Suspend(f"leaf{n}")
    return f"leaf{n}:{r}"
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
async def simple():
    return 42
coro = simple()
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as e:
    print("simple returned", e.value)
c = middle()
step = 0
value = None
while True:
    try:
        yielded = c.send(value)
        print("yielded:", yielded)
        step += 1
        value = f"v{step}"
    except StopIteration as e:
        print("result:", e.value)
        break
async def raiser():
    await Suspend("r")
    raise ValueError("inside coroutine")
r = raiser()
print(r.send(None))
try:
    r.send("x")
except ValueError as e:
    print("ValueError:", e)
async def thrower():
    try:
        await Suspend("t")
    except KeyError as e:
        return f"caught {e!r}"
t = thrower()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
closed = leaf(9)
closed.send(None)
closed.close()
print("closed coroutine")
done = simple()
try:
    done.send(None)
except StopIteration:
    pass
try:
    done.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
