g = iter([1])
for _ in range(100000):
    g = (x for x in g)
try:
    next(g)
except RecursionError as e:
    print(e)
del g
print("freed")
