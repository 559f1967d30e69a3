# Uncaught exception inside a decorated function: the wrapper frame appears in the traceback.
def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper
@logged
def ratio(a, b):
    return a / b
print(ratio(1, 2))
print(ratio(1, 0))
