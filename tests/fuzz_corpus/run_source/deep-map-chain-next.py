it = iter([1])
for _ in range(50000):
    it = map(abs, it)
try:
    print(next(it))
except RecursionError as e:
    print(e)
