# Classes, functions and builtins pickle by reference (module + qualname);
# instances with copyreg.__newobj__'s NEWOBJ and a BUILD of their __dict__.
import pickle

class Empty:
    pass

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Outer:
    class Inner:
        pass
    def method(self):
        pass

def function():
    return 42

class MyError(Exception):
    pass

for v in [Empty, Point, Outer, Outer.Inner, function, len, print, abs, int, str, list, dict,
          object, type, ValueError, MyError, type(None), type(Ellipsis), type(NotImplemented)]:
    print(pickle.dumps(v))
    print(pickle.loads(pickle.dumps(v)) is v)

print(pickle.dumps(Empty()))
print(pickle.dumps(Point(1, 2)))
print(pickle.dumps(Outer.Inner()))
print(pickle.dumps([Point(1, 2), Point(3, 4), Point('x', [5])]))
print(pickle.dumps(object()))
p = Point(1, 2)
p.self_ref = p
print(pickle.dumps(p))
q = pickle.loads(pickle.dumps(p))
print(type(q).__name__, q.x, q.y, q.self_ref is q)

# Exceptions: (type, args), plus their __dict__ when it has something.
for e in [ValueError('x'), KeyError('k'), ValueError(), TypeError('a', 2, None),
          StopIteration(5), MyError('mine'), ZeroDivisionError('division by zero')]:
    print(pickle.dumps(e))
    r = pickle.loads(pickle.dumps(e))
    print(type(r).__name__, r.args)
e = ValueError('with note')
e.extra = 'attr'
print(pickle.dumps(e))
r = pickle.loads(pickle.dumps(e))
print(r.args, r.extra)

# Bound methods reduce to getattr(obj, name).
m = pickle.loads(pickle.dumps(Point(5, 6).__init__))
print(type(m).__name__)
print(pickle.dumps(Outer().method)[:40])
