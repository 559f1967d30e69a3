# defaultdict (list/int/lambda factories, missing-key behaviour) and Counter (most_common, arithmetic).
from collections import defaultdict, Counter
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dict(dd), dd["z"], "z" in dd, len(dd))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
dl = defaultdict(lambda: "N/A")
print(dl["x"], dl.get("y"), dict(dl))
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError:", e)
print(repr(defaultdict(int, {"a": 1})), defaultdict(list).default_factory)
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.most_common()[-1])
print(sorted(c.elements()), c.total(), len(c))
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c2 - c, c & c2, c | c2)
c.update("aaz"); print(c)
c.subtract({"a": 10}); print(c)
print(+c, -Counter(a=-2, b=3))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(words=3)["words"], Counter().most_common())
wc = Counter("the cat and the hat and the bat".split())
print(wc.most_common(3), dict(wc))
