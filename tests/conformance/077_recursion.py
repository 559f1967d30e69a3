# Recursion: mutual recursion, deep-but-legal depth (900 frames), memoized recursion, recursive data.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7), is_even(501))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(3))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"))
def sum_nested(x):
    return sum(sum_nested(i) for i in x) if isinstance(x, list) else x
print(sum_nested([1, [2, [3, [4, [5]]]], 6]))
def too_deep(n):
    return too_deep(n + 1)
try:
    too_deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still running", depth(50))
