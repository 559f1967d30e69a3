# Benchmark: dict insert, lookup, update, deletion, iteration with int and str keys.
def run(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    s = 0
    for i in range(0, n, 3):
        s += d[i]
    names = {}
    for i in range(n // 4):
        key = "k" + str(i % 5000)
        names[key] = names.get(key, 0) + i
    for i in range(0, n, 2):
        del d[i]
    for k, v in d.items():
        s += k ^ v
    merged = dict(names)
    merged.update({"k" + str(i): -i for i in range(2000)})
    s += sum(merged.values()) + len(merged) + len(d)
    counts = {}
    for i in range(n):
        c = i % 97
        if c in counts:
            counts[c] += 1
        else:
            counts[c] = 1
    return s + sum(counts.values())

total = 0
for _ in range(12):
    total += run(300000)
print("dicts checksum", total)
