# Operator precedence and associativity: power, unary minus, bitwise vs comparison, not/and/or.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, (1 << 2) + 1, ~1 + 1, -~5, ~-5)
print(not 1 == 2, not (1 == 2), (not 1) == 2, True or False and False, (True or False) and False)
print(1 < 2 == True, 3 & 1 == 1, (3 & 1) == 1, 5 if 0 else 6 if 1 else 7)
print("a" + "b" * 2, ("a" + "b") * 2, -3 // 2, -(3 // 2), +-+1, - - 1)
print(2 * -3, 2 ** -2, 7 % -3, -7 % 3, 4 / 2 * 3, 8 // 3 * 3 + 8 % 3)
print(0 or None or "last", 1 and [] and "x", [] or [] and 1, (lambda: 0 or 5)())
print(1 if True else 0 + 100, (1 if False else 0) + 100, [1, 2][0] + 1, {"k": 2}["k"] ** 2)
x = 5
print(x > 3 and x < 10, not x, x in [5] and x not in [6], -x ** 2, (-x) ** 2, x ** 0.5 ** 2)
