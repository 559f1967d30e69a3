# Uncaught exception raised as a bare class with no message: the last line is just the type name.
def fail():
    raise NotImplementedError
print("calling")
fail()
