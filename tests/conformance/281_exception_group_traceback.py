# An uncaught exception group prints CPython's nested boxes: numbered
# sub-exceptions, their own tracebacks and chained contexts.
def fail(n):
    if n == 1:
        raise ValueError("one")
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("two")

def collect():
    errors = []
    for n in (1, 2):
        try:
            fail(n)
        except Exception as e:
            errors.append(e)
    errors.append(ExceptionGroup("nested", [OSError("three")]))
    raise ExceptionGroup("several failures", errors)

try:
    collect()
except* OSError as eg:
    print("handled", repr(eg))
