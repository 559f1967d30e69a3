# Inheritance and super(): overriding, extending __init__, super() in multiple levels.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "!"
    def describe(self):
        return super().describe() + f" (age {self.age})"
for x in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(x.describe())
print(isinstance(Puppy("a", 1), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), issubclass(Dog, Dog))
print(Puppy.__bases__, Puppy.__mro__)
print(Puppy.__base__.__name__, Animal.__bases__, issubclass(Animal, object))
class Base:
    def __init__(self):
        self.log = ["Base"]
class Mid(Base):
    def __init__(self):
        super(Mid, self).__init__()
        self.log.append("Mid")
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
print(Leaf().log)
class Shape:
    sides = 0
    @classmethod
    def make(cls):
        return cls()
    def __repr__(self):
        return f"{type(self).__name__}(sides={self.sides})"
class Tri(Shape):
    sides = 3
print(Shape.make(), Tri.make())
