# for/while with else, break, continue, nested loops, loop variable after loop, range iteration.
for i in range(3):
    print("for", i)
else:
    print("for-else runs (no break)")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("i after break", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
for i in range(6):
    if i % 2:
        continue
    print("even", i)
found = None
for row in range(3):
    for col in range(3):
        if row * col == 2:
            found = (row, col)
            break
    else:
        continue
    break
print("found", found)
for x in []:
    pass
else:
    print("empty for-else")
k = 10
for k in range(0):
    pass
print("k unchanged", k)
primes = []
for cand in range(2, 30):
    for p in primes:
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
print(lst)
count = 0
while count < 100:
    count += 7
    if count > 50:
        break
else:
    print("no")
print(count)
