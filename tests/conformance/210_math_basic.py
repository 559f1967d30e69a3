# math: sqrt, floor, ceil, trunc, gcd, lcm, factorial, pi/e/inf/nan, isclose, copysign, fabs, hypot.
import math
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(3), math.ceil(2.1), math.trunc(-7.9))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0) == 10 ** 20, math.ceil(1e300) > 0)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.isnan(math.nan), math.isinf(-math.inf))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.copysign(3, -0.0), math.fabs(-2), math.hypot(3, 4), math.hypot(1, 2, 2), math.isfinite(1e308))
print(math.fmod(-7, 3), -7 % 3, math.fmod(7, -3), math.remainder(7, 3), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError:", e)
print(math.isqrt(17), math.isqrt(10 ** 40), math.degrees(math.pi), math.radians(180))
