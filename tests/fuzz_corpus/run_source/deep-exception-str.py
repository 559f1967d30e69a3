e = 1
for _ in range(50000):
    e = Exception(e)
try:
    print(len(str(e)))
except RecursionError as x:
    print(x)
