# Benchmark: string building, split/join, replace, formatting (f-strings, %, format) and slicing.
def run(n):
    total = 0
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    for i in range(n):
        parts = []
        for j, w in enumerate(words):
            parts.append(f"{w}-{i}:{j:03d}")
        line = ",".join(parts)
        fields = line.split(",")
        total += len(fields[i % len(fields)])
        s = line.replace("-", "_").upper()
        total += s.count("A") + s.find("ZETA")
        t = "%s|%d|%.2f" % (words[i % 6], i, i / 7)
        total += len(t) + len("{:>12}".format(words[(i + 1) % 6]))
        total += len(line[::3]) + (1 if line.startswith("alpha") else 0)
        buf = ""
        for k in range(5):
            buf += str(k * i)
        total += len(buf.strip("0"))
    return total

print("strings checksum", run(250000))
