a = ()
for _ in range(50000):
    a = (a,)
try:
    print(hash(a))
except RecursionError as e:
    print(e)
