# Nested handlers, exception raised inside except/finally, exception variable cleared after except.
def risky(n):
    try:
        try:
            if n == 0:
                raise ValueError("zero")
            return 10 / n
        except ValueError:
            print("inner handler, raising KeyError")
            raise KeyError("from inner")
        finally:
            print("inner finally", n)
    except KeyError as e:
        print("outer caught", repr(e), "context:", repr(e.__context__))
        return -1
print(risky(2), risky(0))
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    finally_raises()
except TypeError as t:
    print(repr(t), repr(t.__context__))
import sys
try:
    raise IndexError("current")
except IndexError:
    print(repr(sys.exc_info()[1]), sys.exc_info()[0].__name__)
print(sys.exc_info())
def gen_exc():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit inside generator")
        raise
g = gen_exc()
next(g)
g.close()
try:
    raise ExceptionGroup("group", [ValueError("v"), TypeError("t")])
except* ValueError as eg:
    print("except* ValueError", [repr(x) for x in eg.exceptions])
except* TypeError as eg:
    print("except* TypeError", [repr(x) for x in eg.exceptions])
