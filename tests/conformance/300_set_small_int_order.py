# The only script printing sets directly: small non-negative ints iterate in CPython's hash-table order.
print({3, 1, 2})
print({5, 4, 3, 2, 1, 0})
print(set([10, 2, 7]), frozenset({1, 3}))
print({1, 2} | {3}, {1, 2, 3} - {2}, {1, 2} & {2, 3}, {1, 2} ^ {2, 3})
s = set()
for i in [9, 8, 7, 1]:
    s.add(i)
print(s, sorted(s))
print({x % 4 for x in range(20)}, set(range(5)))
print(set(), {0}, list({2, 1, 0}))
print({True, 0})
