# Decorators: plain, with arguments, stacked order, functools.wraps, class decorators.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print(f"call {fn.__name__}{a}")
        return fn(*a, **k)
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b):
    "Adds."
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
@repeat(3)
def hi(x):
    return x * 2
print(hi(4), hi.__name__)
def tag(name):
    def deco(fn):
        def w():
            return f"<{name}>{fn()}</{name}>"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "t"
print(text())
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Foo:
    pass
print(registry, Foo.registered)
def noisy(fn):
    print("decorating", fn.__name__)
    return fn
@noisy
def quiet():
    return "q"
print(quiet())
