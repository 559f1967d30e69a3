# Generator pipelines: chained transforms, infinite sources with islice-free limits, interleaving, state.
def read_lines():
    text = "10 apples\n# comment\n\n3 pears\n7 plums\n# end"
    for line in text.split("\n"):
        yield line
def non_comments(lines):
    for l in lines:
        if l and not l.startswith("#"):
            yield l
def parse(lines):
    for l in lines:
        n, name = l.split()
        yield name, int(n)
print(list(parse(non_comments(read_lines()))))
print(dict(parse(non_comments(read_lines()))))
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def squares(it):
    return (x * x for x in it)
print(list(take(5, squares(naturals()))))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], "XYZW")))
def running_max(it):
    best = None
    for x in it:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
