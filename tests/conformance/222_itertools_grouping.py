# itertools: accumulate (func, initial), groupby (key, consecutive semantics), zip_longest, starmap, pairwise, tee.
from itertools import accumulate, groupby, zip_longest, starmap, takewhile, dropwhile, tee, pairwise, compress, filterfalse
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([])), list(accumulate("abc")))
for k, g in groupby("aaabbcaa"):
    print(k, list(g))
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
print([(k, [v for _, v in g]) for k, g in groupby(data, key=lambda t: t[0])])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda n: n // 3)])
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(a), list(b))
t1, t2, t3 = tee("xy", 3)
print(list(t1), list(t2), list(t3))
print(list(pairwise("abcd")), list(pairwise([1])), list(compress("abcdef", [1, 0, 1, 0, 1])), list(filterfalse(None, [0, 1, 0, 2])))
groups = groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
