# math: log/log2/log10/exp with exact-ish values, trig functions rounded, comb/perm/prod/fsum.
import math
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(1), math.exp(0), math.log1p(0))
print(round(math.exp(1), 12), round(math.log(10), 12), math.log2(2 ** 100), math.log10(10 ** 50))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 12))
print(round(math.atan2(1, 1), 12), round(math.asin(1), 12), round(math.acos(0), 12), math.atan(0))
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(3, 0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.comb(-1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(math.pow(2, 10), math.pow(2, -1), math.cosh(0), math.sinh(0), math.erf(0), math.gamma(5), math.lgamma(1))
print(math.dist((0, 0), (3, 4)), math.floor(-0.0), math.sqrt(0.25), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
