# pow() with 2 and 3 args, negative exponents, modular inverse, and errors.
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.0, 3), pow(4, 0.5))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(10 ** 20, 3, 97))
print(pow(3, -1, 7), pow(2, -3, 11), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(0, 0), pow(0.0, 0), 1 ** 1000000, (-1) ** 1000001)
print(pow(-8, 1 / 3) == pow(-8, 1 / 3), type(pow(-8, 0.5)))
print(2 ** 0.5, 10 ** -2, 9 ** 0.5)
