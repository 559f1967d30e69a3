# dict: insertion order, get/setdefault/pop/popitem/update/del, keys views, errors.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), list(d), d["a"])
print(d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
del d["a"]
print(d, "a" in d, "b" in d)
d["a"] = 5
print(list(d.items()), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print(dict(a=1, b=2), dict([("k", "v")]), dict({"q": 1}, r=2), dict.fromkeys("ab", 0), dict())
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 3}, {None: 0})
e = d.copy(); e.clear(); print(e, d == dict(d), {"a": 1} == {"a": 1.0})
print({**{"a": 1}, "b": 2, **{"a": 3}}, {"a": 1} | {"b": 2}, d.keys() - {"b"} == {"x", "y", "z"})
f = {}
f |= {"m": 1}
print(f, list(reversed({"p": 1, "q": 2})))
