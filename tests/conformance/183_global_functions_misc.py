# Misc builtins: vars/dir-free checks, globals() keys, locals() in function, id-free identity, bool(), all(map()).
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print("f" in g, g["__name__"], type(g).__name__)
counter = 0
def bump():
    globals()["counter"] += 1
bump(); bump()
print(counter)
print(sorted(k for k in vars(type("T", (), {"a": 1, "b": 2})) if not k.startswith("__")))
print(bool(), int(), float(), str(), list(), tuple(), dict(), complex())
print(all(map(str.isdigit, ["1", "22"])), any(map(str.isupper, "abC")), list(map(len, ["a", "bb", ""])))
print(divmod(*divmod(100, 7)), pow(*[2, 5]), max(*"hello"), min(*range(3, 8)))
print(isinstance(print, object), issubclass(type, type), type(type(type)), isinstance(type, object))
