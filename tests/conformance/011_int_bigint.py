# Arbitrary-precision ints: big products, powers, negative bigints, mixed ops.
a = 2 ** 100
print(a)
print(a * a)
print(-a, -a // 3, -a % 3, a // -7, a % -7)
print(3 ** 200)
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // (2 ** 30), f % 1000003)
print(10 ** 30 + 1 - 10 ** 30)
print((1 << 200) >> 190)
print(-(1 << 100) >> 3)
print((2 ** 64 - 1) & (2 ** 32 + 5), (2 ** 64) | 1, (2 ** 70) ^ (2 ** 69))
print(~(2 ** 80))
print(divmod(10 ** 25, 12345), divmod(-(10 ** 25), 12345))
print(2 ** 100 == 2.0 ** 100, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(float(2 ** 100), int(1e20), int(-1e20))
print(abs(-(10 ** 20)), hash(2 ** 20) == 2 ** 20)
print(str(12345678901234567890123)[::-1])
print(len(str(2 ** 1000)))
print((10 ** 20) // (10 ** 10), (10 ** 20) / (10 ** 10))
print(pow(2, 200, 10 ** 9 + 7), pow(-3, 101))
print(int("123456789012345678901234567890") + 1)
print(sum(range(10 ** 6)))
print(max(2 ** 65, 2 ** 64), sorted([2 ** 65, -2 ** 65, 0]))
