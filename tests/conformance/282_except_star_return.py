# return inside an except* block is a SyntaxError.
def f():
    try:
        pass
    except* ValueError:
        return 1
