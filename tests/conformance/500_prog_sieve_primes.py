# Program: sieve of Eratosthenes, prime factorization, twin primes, goldbach checks.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(is_p[i * i::i])
    return [i for i, p in enumerate(is_p) if p]
primes = sieve(200)
print(len(primes), primes[:15], primes[-3:])
def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in [360, 97, 1001, 2 ** 10 * 3 ** 5, 600851475143]:
    print(n, factorize(n))
pset = set(primes)
print([(p, p + 2) for p in primes if p + 2 in pset][:8])
print(all(any(n - p in pset for p in primes if p <= n // 2) for n in range(4, 201, 2)))
print(sum(sieve(10000)), len(sieve(10000)))
