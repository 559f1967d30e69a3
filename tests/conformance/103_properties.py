# property getter/setter/deleter, read-only properties, computed attributes.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
class Lazy:
    calls = 0
    def _get(self):
        Lazy.calls += 1
        return 42
    value = property(_get, doc="the value")
l = Lazy()
print(l.value, l.value, Lazy.calls, type(Lazy.value).__name__, Lazy.value.__doc__)
class Sub(Temp):
    @property
    def celsius(self):
        return "overridden"
print(Sub(1).celsius)
