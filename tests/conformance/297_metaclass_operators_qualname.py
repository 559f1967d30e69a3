# A metaclass's operators apply to its classes; type() names a class by its own __qualname__.
class Meta(type):
    def __mul__(cls, n):
        return f"{cls.__name__} * {n}"
    def __len__(cls):
        return 42
class C(metaclass=Meta):
    pass
print(C * 3)
print(len(C))
T = type("T", (C,), {})
print(T.__qualname__, T.__name__)
class A:
    class B:
        pass
print(A.B.__qualname__, "__qualname__" in A.__dict__, A.__qualname__)
