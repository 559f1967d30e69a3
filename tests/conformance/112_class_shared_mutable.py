# Class attributes that are mutable are shared across instances; assignment creates instance attrs.
class Bag:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a, b = Bag(), Bag()
a.add(1); b.add(2); a.add(3)
print(Bag.items, a.items is b.items, a.count, b.count, Bag.count)
class Fixed:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
c, d = Fixed(), Fixed()
c.add(1)
print(c.items, d.items)
class Config:
    defaults = {"debug": False}
    def __init__(self, **kw):
        self.settings = dict(self.defaults, **kw)
print(Config(debug=True).settings, Config().settings, Config.defaults)
Bag.items = ["reset"]
print(a.items, b.items)
a.items = ["own"]
print(a.items, b.items, Bag.items)
class Sub(Bag):
    pass
print(Sub.items, Sub.count, "items" in Sub.__dict__, "items" in Bag.__dict__)
