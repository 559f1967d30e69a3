# dict views are live, set-like keys/items, iteration, mutation during iteration error.
d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["four"] = 4
print(list(k), list(v), len(it), ("two", 2) in it, "one" in k, 4 in v)
print(sorted(k & {"one", "zzz"}), sorted(k | {"five"}), sorted(k ^ {"one", "six"}))
for key in d:
    print(key, d[key], end="; ")
print()
for key, val in d.items():
    print(f"{key}={val}", end=" ")
print()
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = {i: i * i for i in range(5)}
for key in list(d2):
    if key % 2:
        del d2[key]
print(d2)
print(list(zip(d2.keys(), d2.values())), dict(zip("abc", range(3))))
print({k: v for k, v in sorted({"z": 1, "a": 2}.items())})
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
e = {}
e[3] = "x"; e[1] = "y"; e[2] = "z"
del e[1]
e[1] = "w"
print(e, list(e.values()))
