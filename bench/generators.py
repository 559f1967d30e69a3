# Benchmark: generator pipelines, generator expressions, yield from, and comprehension consumers.
def numbers(n):
    for i in range(n):
        yield i

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

def delegate(n):
    yield from numbers(n)
    yield from (x * 3 for x in range(n))

def run(n):
    total = 0
    for c in chunks(squares(evens(numbers(n))), 10):
        total += sum(c) % 1000
    total += sum(x for x in delegate(n) if x % 5)
    total += sum([y for y in (x + 1 for x in range(n)) if y & 1])
    return total

print("generators checksum", run(4000000))
