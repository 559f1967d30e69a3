# Assignment expressions (walrus): in if/while, comprehensions (binds in enclosing scope), precedence.
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v, end="; ")
print()
print([y for x in data if (y := x * 2) > 10], y)
total = 0
print([total := total + x for x in data], total)
print((z := 5) + z, z)
def f():
    if any((hit := x) > 10 for x in data):
        return hit
print(f())
parts = None
if (parts := "user@host".partition("@"))[1]:
    print(parts[0], parts[2])
while (chunk := data[:2]):
    print("chunk", chunk)
    data = data[2:]
values = {"a": 1}
print(w if (w := values.get("a")) else "missing", (u := values.get("b")) or "none")
