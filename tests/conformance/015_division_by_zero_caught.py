# ZeroDivisionError messages for each operator and type, caught.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: divmod(1.0, 0.0),
    lambda: 10 ** 30 // 0,
]
for i, c in enumerate(cases):
    try:
        c()
    except ZeroDivisionError as e:
        print(i, type(e).__name__, e, e.args)
print(issubclass(ZeroDivisionError, ArithmeticError))
