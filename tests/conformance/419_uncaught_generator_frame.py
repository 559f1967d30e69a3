# Uncaught exception raised inside a generator body: the generator frame appears in the traceback.
def numbers():
    yield 1
    yield 2
    raise LookupError("generator ran dry")
for n in numbers():
    print(n)
