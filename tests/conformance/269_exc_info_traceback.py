# sys.exc_info()[2] is the traceback object inside except; traceback objects
# have tb_lineno, tb_next, tb_lasti and tb_frame (f_code.co_name, f_lineno,
# f_globals); the chain grows as the exception leaves more frames.
import sys

def inner():
    raise ValueError("inner")

def middle():
    inner()

def walk(tb):
    # f_lineno only for the innermost frame (where the exception was raised):
    # outer frames may have moved on (Spindle's frames are snapshots).
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code.co_name, tb.tb_lineno, None if tb.tb_next else f.f_lineno,
                    f.f_globals is globals(), type(tb.tb_lasti).__name__))
        tb = tb.tb_next
    return out

print(sys.exc_info())
try:
    middle()
except ValueError as e:
    t, v, tb = sys.exc_info()
    print(t is ValueError, v is e, tb is e.__traceback__, type(tb).__name__, type(tb.tb_frame).__name__)
    print(walk(tb))
print(sys.exc_info())

def reraiser():
    try:
        middle()
    except ValueError:
        early = sys.exc_info()[2]
        print("early", walk(early))
        raise

try:
    reraiser()
except ValueError as e:
    print("late", walk(sys.exc_info()[2]))
    print(walk(e.__traceback__) == walk(sys.exc_info()[2]))

def nested():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise TypeError("b")
        except TypeError:
            print("inner handler", sys.exc_info()[0].__name__, sys.exc_info()[2].tb_lineno)
        print("outer handler", sys.exc_info()[0].__name__, sys.exc_info()[2].tb_lineno)

nested()

def gen():
    yield 1
    raise RuntimeError("from generator")

try:
    for x in gen():
        pass
except RuntimeError:
    print([w[0] for w in walk(sys.exc_info()[2])])

e = ValueError("manual")
print(e.__traceback__)
try:
    raise e
except ValueError:
    tb = sys.exc_info()[2]
    print(tb.tb_next, tb.tb_frame.f_code.co_name)
e2 = RuntimeError("with tb").with_traceback(tb)
print(e2.__traceback__ is tb)
