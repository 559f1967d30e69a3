# functools.lru_cache: memoization, cache_info, maxsize eviction, cache_clear, typed; functools.cache; wraps.
from functools import lru_cache, cache, wraps
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
print(fib(30), fib.cache_info().hits)
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
@lru_cache
def noparen(x):
    return x + 1
print(noparen(1), noparen(1), noparen.cache_info())
@lru_cache(typed=True)
def t(x):
    print("t computing", repr(x))
    return x
t(1); t(1.0); t(1)
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(50), fact.cache_info().currsize)
def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def documented(x):
    "Doc of documented."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__qualname__)
@lru_cache(maxsize=32)
def kw(a, b=1):
    return a + b
print(kw(1), kw(1, b=1), kw(a=1), kw.cache_info().misses)
