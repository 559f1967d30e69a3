# Exception args, str() and repr() for 0/1/many args, KeyError's repr-str, custom attributes.
for e in [ValueError(), ValueError("msg"), ValueError("a", 2), ValueError(42), KeyError("key"),
          KeyError(), KeyError(1, 2), IndexError("list index out of range"), Exception(None),
          OSError(2, "No such file"), StopIteration(7), SystemExit(3)]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
print(StopIteration(7).value, SystemExit(3).code, SystemExit().code, OSError(2, "x").errno)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, repr(e), e.args, e.code)
class Simple(Exception):
    pass
s = Simple("a", "b")
print(s, repr(s), s.args, isinstance(s, Exception))
e = Exception("x")
e.args = ("changed",)
print(e)
err = ValueError("with note")
err.add_note("extra info")
print(err.__notes__)
print(repr(ZeroDivisionError("division by zero")), BaseException("b").args)
