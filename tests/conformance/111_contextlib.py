# contextlib.contextmanager and suppress: generator-based managers and cleanup on errors.
from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name * 2
    finally:
        print(f"</{name}>")
with tag("b") as v:
    print("inside", v)
try:
    with tag("err"):
        raise ValueError("x")
except ValueError as e:
    print("propagated", e)
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError as e:
        print("swallowed", e)
with swallow():
    1 / 0
print("continues")
with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(KeyError):
    print("no error")
