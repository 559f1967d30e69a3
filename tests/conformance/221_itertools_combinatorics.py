# itertools: product (repeat), permutations (r), combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product([])), len(list(product(range(3), range(4), range(2)))))
print(list(permutations([1, 2, 3])))
print(list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([1, 2], 0)), list(combinations([1], 3)))
print(list(combinations_with_replacement("ab", 2)), list(combinations_with_replacement(range(3), 3)))
print(["".join(p) for p in permutations("aab")])
print(sum(1 for _ in combinations(range(10), 4)), sum(1 for _ in permutations(range(6))))
