# Uncaught ZeroDivisionError inside nested calls: traceback with several frames, exit code 1.
def divide(a, b):
    return a / b
def compute(values):
    total = 0
    for v in values:
        total += divide(10, v)
    return total
print("before")
print(compute([1, 2, 0]))
print("never printed")
