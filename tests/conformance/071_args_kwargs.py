# *args, **kwargs, keyword-only and positional-only parameters, unpacking in calls.
def f(a, b, *args, c=10, d, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"
print(f(1, 2, d=4))
print(f(1, 2, 3, 4, d=5, e=6, c=7))
print(f(*range(5), d=0, **{"z": 1, "y": 2}))
def po(a, b, /, c, *, d):
    return (a, b, c, d)
print(po(1, 2, 3, d=4), po(1, 2, c=3, d=4))
def only_kw(*, x, y=2):
    return x + y
print(only_kw(x=1), only_kw(y=5, x=1))
def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, *[2, 3], *(4,), k=1, **{"m": 2}, n=3))
def pos_with_kwargs(a, /, **kw):
    return a, kw
print(pos_with_kwargs(1, a=2))
args = (1, 2)
kwargs = {"c": 3}
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*args, **kwargs), g(1, *[2], c=3))
def defaults_kwonly(a, *, b=[]):
    b.append(a)
    return b
print(defaults_kwonly(1), defaults_kwonly(2))
