# Default arguments: evaluated once (mutable default gotcha), None idiom, keyword calls.
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, []))
def safe(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(safe(1), safe(2))
counter = 10
def snap(v=counter):
    return v
counter = 20
print(snap(), snap(5))
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(c=0, a=7), f(*[4, 5, 6]), f(**{"a": 1, "c": 2}))
print(f.__defaults__, f.__name__, append_to.__defaults__)
def g():
    "docstring here"
    pass
print(g(), g.__doc__, f.__doc__)
def h(x):
    if x > 0:
        return "pos"
    elif x < 0:
        return "neg"
print(h(1), h(-1), h(0))
print((lambda: 1)(), (lambda x, y=2: x * y)(4), (lambda *a: a)(1, 2))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20))
