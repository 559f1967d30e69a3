# Classes: __init__, instance vs class attributes, methods, __dict__-free attribute access.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        self.tricks = []
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
        return self
    def __repr__(self):
        return f"Dog({self.name!r})"
a, b = Dog("rex"), Dog("fido")
a.add_trick("sit").add_trick("roll")
print(a, b, a.tricks, b.tricks, Dog.count, a.count)
a.species = "wolf"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)
Dog.species = "dog"
print(a.species, b.species)
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), Dog.__name__, Dog.__qualname__)
print(Dog.add_trick(b, "beg").tricks)
m = a.add_trick
print(m.__self__ is a, m.__func__ is Dog.add_trick, m.__name__)
class Empty:
    pass
e = Empty()
e.x = 1
setattr(e, "y", 2)
print(e.x, getattr(e, "y"), getattr(e, "z", "none"), hasattr(e, "x"), hasattr(e, "z"))
delattr(e, "x")
print(hasattr(e, "x"), sorted(vars(e)))
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(1, 2)
print(p, str(p), [str(Point())], f"{p}")
