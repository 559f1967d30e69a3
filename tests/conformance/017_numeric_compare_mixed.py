# Comparisons across int/float/bigint/bool are exact (no precision loss), including nan/inf.
big = 2 ** 53
print(big + 1 == float(big + 1), big + 1 > float(big), float(big) == big, big + 1 > 2.0 ** 53)
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(1 == 1.0, type(1) is not type(1.0), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(True == 1.0, False < 0.5, 3 < 3.0000000001, 2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64)
print(max(1, 1.0, True), min(True, 1), sorted([1, 1.0, True, 0, 0.0, False]))
print(float("nan") == 0, float("nan") != float("nan"), [float("inf")] == [float("inf")])
print(1 < 2.5 < 3, -1 < -0.5, 9007199254740993 == 9007199254740992.0)
print(round(2 ** 53 + 1.0) == 2 ** 53, int(2.0 ** 53) + 1)
print(0 == -0.0, 0.0 == -0, hash(0.0) == hash(-0.0), str(-0.0), -0.0 < 0)
print(complex(1, 0) == 1, complex(1, 0) == 1.0, 1j == 1j, complex(0, 0) == False)
