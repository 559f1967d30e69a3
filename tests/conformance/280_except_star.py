# except* (PEP 654): matching clauses split a group; what handlers raise and
# what stays unmatched is re-raised as CPython combines it.
def show(label, e):
    print(label, repr(e))

def run(body):
    try:
        body()
    except BaseException as e:
        show("escaped:", e)

def nested():
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])

def t1():
    try:
        nested()
    except* ValueError as eg:
        show("values:", eg)
    except* TypeError as eg:
        show("types:", eg)
run(t1)

def t2():
    try:
        nested()
    except* (ValueError, TypeError) as eg:
        show("both:", eg)
        raise
run(t2)

def t3():
    try:
        nested()
    except* KeyError:
        raise RuntimeError("from handler")
    except* ValueError:
        pass
run(t3)

def t4():
    try:
        raise OSError("naked")
    except* OSError as eg:
        show("naked match:", eg)
        print(type(eg.exceptions[0]).__name__, eg.exceptions[0].args)
run(t4)

def t5():
    try:
        raise OSError("naked")
    except* ValueError:
        print("not here")
run(t5)

def t6():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError:", e)
run(t6)

def t7():
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("loop", [ZeroDivisionError(i)])
            print("iteration", i)
        except* ZeroDivisionError as eg:
            print("caught in loop", i, eg.exceptions)
run(t7)

def t8():
    try:
        pass
    except* ValueError:
        print("never")
    else:
        print("else ran")
    finally:
        print("finally ran")
run(t8)

# split / subgroup / derive
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3)])])
eg.add_note("a note")
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(match.__notes__, rest.__notes__)
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.subgroup(KeyError))
print(repr(eg.split(lambda e: True)[0] is eg))

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)

m, r = MyGroup("mine", [ValueError(1), TypeError(2)]).split(TypeError)
print(type(m).__name__, repr(m), repr(r))
print(str(ExceptionGroup("x", [ValueError()])), str(ExceptionGroup("x", (ValueError(), KeyError()))))
print(isinstance(ExceptionGroup("x", [ValueError()]), Exception), BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__)
for bad in [lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup("x", []),
            lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", ValueError())]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
