# Program: Conway's game of life on a small torus, printing generations and population counts.
W, H = 10, 8
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (6, 5), (7, 5), (8, 5)}
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def show(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
for gen in range(4):
    print(f"gen {gen} pop {len(cells)}")
    print(show(cells))
    cells = step(cells)
pops = []
for _ in range(40):
    cells = step(cells)
    pops.append(len(cells))
print(pops)
