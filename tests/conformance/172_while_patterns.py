# while loops: sentinel loops, countdown with else, nested while with flags, digit manipulation.
n = 12345
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits, sum(digits))
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
    print("even", i)
else:
    print("no break")
print("i", i)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
stack = [1, [2, [3, [4]]]]
flat = []
while stack:
    top = stack.pop()
    if isinstance(top, list):
        stack.extend(reversed(top))
    else:
        flat.append(top)
print(flat)
lo, hi = 0, 1000
target = 737
tries = 0
while lo <= hi:
    mid = (lo + hi) // 2
    tries += 1
    if mid == target:
        break
    lo, hi = (mid + 1, hi) if mid < target else (lo, mid - 1)
print("found", mid, "in", tries)
