# __repr__ vs __str__: which is used by print, str(), repr(), containers, f-strings, format.
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
b, o = Both(), OnlyRepr()
print(b, o)
print(str(b), repr(b), str(o), repr(o))
print([b, o], (b,), {"k": b}, {b: 1} if False else "skip")
print(f"{b} {b!r} {o} {o!s}", "%s %r" % (b, b), "{} {!r}".format(b, b), format(b))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Nested:
    def __init__(self, items):
        self.items = items
    def __repr__(self):
        return f"Nested({self.items!r})"
print(Nested([1, Nested(["a"])]))
