# itertools: count, cycle, repeat (with islice), chain, chain.from_iterable, islice variants.
from itertools import count, cycle, repeat, chain, islice
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)), list(islice(count(5, -2), 3)))
print(list(islice(cycle("abc"), 7)), list(islice(cycle([]), 3)))
print(list(repeat("x", 3)), list(repeat(0, 0)), list(islice(repeat(7), 2)), list(map(pow, range(4), repeat(2))))
print(list(chain("ab", [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(["xy", [3, 4]])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)), list(islice("abc", 10)))
c = count()
print(next(c), next(c), next(c))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError:", type(e).__name__)
print(repr(count(3)), repr(repeat(1, 2)), repr(count(2, 5)))
