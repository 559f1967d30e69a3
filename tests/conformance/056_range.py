# range: negative steps, len, indexing, slicing, repr, membership, equality, errors.
r = range(10, 0, -3)
print(list(r), len(r), r[0], r[-1], r[1:3], repr(r), repr(range(5)), repr(range(1, 5)), repr(range(0, 10, 2)))
print(list(range(0)), list(range(5, 5)), list(range(-5)), list(range(-3, 3)), list(range(3, -3, -2)))
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), 10 in range(10), -1 in range(-5, 0))
print(range(0, 10, 2)[::-1], range(10)[::2][1:], len(range(0, 100, 7)), len(range(5, 0)))
print(range(0) == range(5, 5), range(0, 4, 2) == range(0, 3, 2), range(3) == range(0, 3, 1))
print(range(10).index(7), range(0, 20, 5).count(10), range(1, 11)[-3], sum(range(101)))
print(list(reversed(range(4))), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
try:
    range(0, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
big = range(10 ** 20)
print(len(big) == 10 ** 20 if False else big[-1], big[12345], 10 ** 19 in big)
r2 = range(2, 20, 4)
print(r2.start, r2.stop, r2.step, list(r2))
