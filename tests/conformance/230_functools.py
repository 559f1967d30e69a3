# functools: reduce (initial, errors), partial (args/keywords merge), cmp_to_key, total_ordering.
from functools import reduce, partial, cmp_to_key, total_ordering
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(operator.add, [], 0), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, c: c + acc, "abc", ""), reduce(operator.add, [[1], [2]]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
two_to = partial(power, 2)
print(square(5), cube_mod(4), two_to(10), square(3, exp=3), square.func is power, square.args, square.keywords)
p2 = partial(partial(operator.sub, 10), 3)
print(p2(), p2.args)
def cmp(a, b):
    return (a > b) - (a < b)
def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return cmp(b, a)
print(sorted(["bb", "a", "ccc", "aa", "c"], key=cmp_to_key(by_len_then_rev)))
@total_ordering
class Ver:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
    def __repr__(self):
        return f"Ver({self.n})"
a, b = Ver(1), Ver(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a == Ver(1), sorted([Ver(3), a, b]))
