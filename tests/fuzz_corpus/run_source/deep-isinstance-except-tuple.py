t = int
for _ in range(50000):
    t = (t,)
for check in (lambda: isinstance(1, t), lambda: issubclass(bool, t)):
    try:
        print(check())
    except RecursionError as e:
        print(e)
u = ValueError
for _ in range(50000):
    u = (u,)
try:
    try:
        raise ValueError
    except u:
        print('caught')
except RecursionError as e:
    print(e)
