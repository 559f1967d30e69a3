# isinstance/issubclass with tuples and nesting, type() names and equality, type() 3-arg form.
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (bytes, int))))
print(isinstance("s", str), isinstance([], (list, tuple)), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, (str, int)), issubclass(int, object), issubclass(type, object), issubclass(object, type))
print(type(1) is int, type(True) is bool, type(1) == type(2), type(type), type(object))
print(type([]).__name__, type({}).__name__, type(()).__name__, type(len).__name__, type(lambda: 0).__name__)
print(type(print), type(range(1)), type(iter([])), type(zip()), type(x for x in []))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
Dyn = type("Dyn", (object,), {"v": 5, "get": lambda self: self.v * 2})
d = Dyn()
print(Dyn.__name__, d.v, d.get(), isinstance(d, Dyn))
class A: pass
class B(A): pass
print(isinstance(B(), A), type(B()) is A, type(B()).__name__, B.__name__, A.__module__)
print(int.__name__, str.__name__, type(3.0).__name__, type(1j).__name__, type(None).__name__, type(NotImplemented).__name__)
print(type(...).__name__, ..., Ellipsis)
