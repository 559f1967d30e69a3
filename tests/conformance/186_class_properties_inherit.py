# Properties with inheritance and super(), computed caches, and properties defined via property() calls.
class Shape:
    def __init__(self, name):
        self._name = name
    @property
    def name(self):
        return self._name.title()
    @property
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} has no area")
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
class Square(Shape):
    def __init__(self, s):
        super().__init__("square")
        self.s = s
    area = property(lambda self: self.s ** 2)
    @property
    def name(self):
        return "Sq:" + super().name
for sh in [Circle(2), Square(3), Shape("blob")]:
    try:
        print(sh.name, sh.area)
    except NotImplementedError as e:
        print(sh.name, "NotImplementedError:", e)
class Cached:
    def __init__(self):
        self._cache = None
        self.computed = 0
    @property
    def value(self):
        if self._cache is None:
            self.computed += 1
            self._cache = sum(range(100))
        return self._cache
c = Cached()
print(c.value, c.value, c.computed, isinstance(Cached.value, property))
