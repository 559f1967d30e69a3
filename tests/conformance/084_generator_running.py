# A generator's state as the program sees it: gi_running inside and outside,
# re-entering a running generator, gi_frame before, during and after.
def g():
    print("inside, running:", me.gi_running)
    try:
        next(me)
    except ValueError as e:
        print("re-enter:", e)
    x = yield 1
    print("got", x)
    yield 2

me = g()
print("before:", me.gi_running, me.gi_frame is not None, me.gi_frame.f_lineno)
print(next(me))
print("suspended:", me.gi_running, me.gi_frame is not None)
print(me.send("hello"))
for _ in me:
    pass
print("after:", me.gi_running, me.gi_frame)
try:
    next(me)
except StopIteration:
    print("exhausted")

# A coroutine re-entered through send while it runs.
def co():
    try:
        c.send(None)
    except ValueError as e:
        print("coroutine-like:", e)
    yield "done"

c = co()
print(next(c))

# Closing a suspended generator runs its finally once; closing again is quiet.
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

f = fin()
next(f)
f.close()
f.close()
print(f.gi_frame, f.gi_running)

# Generators driven from several places in turn keep their place.
def counter():
    n = 0
    while True:
        n += 1
        yield n

a = counter()
print([next(a) for _ in range(3)], sum(next(a) for _ in range(4)), list(zip(range(2), a)))
