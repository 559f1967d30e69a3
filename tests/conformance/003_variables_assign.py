# Assignment forms: chained, tuple, swap, augmented, nested unpacking.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "ab"
print(s, t)
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
n |= 1; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 7.0
f /= 2; print(f)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, alias is lst)
tup = (1, 2)
tup2 = tup
tup += (3,)
print(tup, tup2)
s = "ab"; s *= 3; print(s)
i = j = []
i.append(1)
print(j)
for k, (u, v) in enumerate([(1, 2), (3, 4)]):
    print(k, u, v)
