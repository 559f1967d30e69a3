# sys.exit(0) from deep inside functions and a with-block: __exit__ runs, status 0.
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit called with", exc[0].__name__)
        return False
def inner():
    with CM():
        sys.exit(0)
def outer():
    inner()
    print("unreachable")
print("start")
outer()
