# More dict behaviour: key equality (1/1.0/True), setdefault grouping, nested updates, dict equality, get with default.
d = {}
for word in "one two three four five six".split():
    d.setdefault(len(word), []).append(word)
print(d)
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
nested = {"a": {"x": 1}}
nested["a"]["y"] = 2
nested.setdefault("b", {})["z"] = 3
print(nested, nested.get("c", {}).get("z", "none"))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: 0, 2: 0}) == list({2: 0, 1: 0}))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
d2 = dict.fromkeys(range(3))
print(d2, dict.fromkeys("ab", []), len(dict.fromkeys([1, 1, 1])))
keys = list(d2)
d2.clear()
print(keys, d2)
m = {"k": 1}
m.update(k=2, j=3)
print(m, m.pop("k"), m, "k" in m)
print(dict(sorted({"b": 1, "a": 2}.items())), dict(zip(range(3), "abc")), {str(i): i for i in range(3)})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big.values())[-3:], sum(big))
big[0] = "new"
print(list(big)[-1], list(big.items())[0])
