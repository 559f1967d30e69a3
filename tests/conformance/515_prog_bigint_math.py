# Program: bigint workloads — factorial digit sums, fibonacci by doubling, modular exponent, integer sqrt by Newton.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(sum(map(int, str(fact(100)))), len(str(fact(300))), str(fact(50))[:20])
def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)
print(fib_pair(300)[0], len(str(fib_pair(5000)[0])))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt(10 ** 50), isqrt(2 * 10 ** 40), isqrt(99))
print(pow(3, 10 ** 6, 10 ** 9 + 7), pow(2, 2 ** 20, 1000007))
def collatz_len(n):
    c = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
print(max(range(1, 3000), key=collatz_len), collatz_len(27))
print((2 ** 127 - 1) % 1000000007, (10 ** 40 + 7) * (10 ** 40 - 7) - 10 ** 80, -(2 ** 100) // 7, -(2 ** 100) % 7)
