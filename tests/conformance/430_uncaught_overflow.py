# Uncaught OverflowError from float exponentiation.
x = 10.0
for i in range(3):
    x = x ** 10
    print(x)
