a = []
b = []
for _ in range(50000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print(e)
