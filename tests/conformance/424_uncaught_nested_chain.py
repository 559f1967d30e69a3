# Uncaught three-level chain mixing implicit context and explicit cause.
def level1():
    raise ValueError("level 1")
def level2():
    try:
        level1()
    except ValueError as e:
        raise TypeError("level 2") from e
def level3():
    try:
        level2()
    except TypeError:
        raise RuntimeError("level 3")
level3()
