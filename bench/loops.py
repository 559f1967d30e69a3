# Benchmark: nested loops with integer and float arithmetic, list indexing and augmented assignment.
def work(n):
    acc = 0
    facc = 0.0
    grid = [0] * 100
    for i in range(n):
        for j in range(100):
            v = (i * j + 7) % 13
            acc += v
            grid[j] = (grid[j] + v) & 0xFFFF
            facc += v * 0.5
        if i % 3 == 0:
            acc -= i
    return acc, facc, sum(grid)

print("loops checksum", work(100000))
