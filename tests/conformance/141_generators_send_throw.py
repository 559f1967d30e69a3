# Generator send/throw/close semantics, running averages, cleanup via finally, send on fresh gen.
def averager():
    total, count, avg = 0, 0, None
    while True:
        val = yield avg
        total += val
        count += 1
        avg = total / count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(0))
def echo():
    try:
        while True:
            try:
                v = yield
                print("echo", v)
            except ValueError as e:
                print("caught thrown", e)
                yield "recovered"
    finally:
        print("cleanup")
e = echo()
next(e)
e.send(1)
print(e.throw(ValueError("bad")))
next(e)
e.send(2)
e.close()
e.close()
try:
    e.send(3)
except StopIteration:
    print("closed gen raises StopIteration")
fresh = echo()
try:
    fresh.send("x")
except TypeError as err:
    print("TypeError:", err)
def unhandled():
    yield 1
    yield 2
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as k:
    print("propagated", repr(k))
print(list(u))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as r:
    print("RuntimeError:", r)
def gen_return():
    try:
        yield 1
    finally:
        return "from finally"
gr = gen_return()
next(gr)
gr.close()
print("closed ok")
