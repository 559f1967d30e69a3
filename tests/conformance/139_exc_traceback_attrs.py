# Exception objects keep working after the handler: stored exceptions, re-raise later, with_traceback.
saved = []
for v in ["1", "x", "2", "y"]:
    try:
        int(v)
    except ValueError as e:
        saved.append(e)
print([str(e) for e in saved])
try:
    raise saved[0]
except ValueError as e:
    print("re-raised stored:", e)
def f():
    raise KeyError("inner")
try:
    f()
except KeyError as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__)
    e2 = RuntimeError("new").with_traceback(tb)
    print(e2.__traceback__ is tb)
errors = []
def collect(fn):
    try:
        fn()
    except Exception as e:
        errors.append((type(e).__name__, e.args))
collect(lambda: 1 / 0)
collect(lambda: [][0])
collect(lambda: {}["k"])
print(errors)
class Retry(Exception):
    pass
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        break
    except Retry as r:
        print("retrying after", r)
print("attempts", attempts)
