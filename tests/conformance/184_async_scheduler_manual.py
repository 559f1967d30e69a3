# A hand-written round-robin scheduler driving several coroutines with send(None) (no asyncio).
class Yield:
    def __await__(self):
        yield
async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} done after {n}"
async def parent(log):
    a = await worker("p", 2, log)
    return a.upper()
def run_all(coros):
    results = {}
    ready = list(enumerate(coros))
    while ready:
        idx, c = ready.pop(0)
        try:
            c.send(None)
            ready.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
    return [results[i] for i in sorted(results)]
log = []
print(run_all([worker("a", 3, log), worker("b", 1, log), parent(log), worker("c", 2, log)]))
print(log)
async def add(a, b):
    return a + b
async def compute():
    total = 0
    for i in range(5):
        total += await add(i, i)
    return total
c = compute()
try:
    c.send(None)
except StopIteration as e:
    print("compute ->", e.value)
