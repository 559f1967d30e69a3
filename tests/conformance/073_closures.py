# Closures: captured cells, late binding in loops, nonlocal counters, factories.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())
fns = [lambda: i for i in range(3)]
print([fn() for fn in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in fns2])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def adders():
    return [lambda y, n=n: y + n for n in range(3)]
print([a(10) for a in adders()])
def acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = acc()
print(a(1), a(2), a(3))
def nl():
    x = 1
    def a():
        nonlocal x
        x += 1
        def b():
            nonlocal x
            x *= 10
        b()
    a()
    return x
print(nl())
print(make_counter.__name__, c1.__name__, c1.__closure__ is not None)
