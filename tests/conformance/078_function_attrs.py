# Function objects: __name__, __qualname__, __doc__, __defaults__, __kwdefaults__, __module__, custom attributes.
def outer(a, b=2, *, c=3):
    "Outer doc."
    def inner():
        pass
    return inner
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__defaults__, outer.__kwdefaults__, outer.__module__)
inner = outer(1)
print(inner.__name__, inner.__qualname__, inner.__doc__, inner.__defaults__)
class K:
    def method(self):
        pass
    class Inner:
        def deep(self):
            pass
print(K.method.__qualname__, K.Inner.deep.__qualname__, K.Inner.__qualname__, K().method.__name__)
outer.custom = "attr"
print(outer.custom, getattr(outer, "missing", None))
def annotated(x: int, y: "str" = "d") -> bool:
    return True
print(annotated.__annotations__)
f = lambda: None
f.__name__ = "renamed"
print(f.__name__)
print(type(outer).__name__, type(K.method).__name__, type(K().method).__name__, type(len).__name__)
print(callable(outer), outer is outer, outer(0) is not outer(0))
