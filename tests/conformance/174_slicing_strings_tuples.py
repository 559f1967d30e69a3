# Slicing edge cases on str/tuple/range/bytes: out-of-range bounds, negative steps, empty slices, slice objects.
s = "0123456789"
cases = [(None, None, None), (2, None, None), (None, 3, None), (-3, None, None), (None, -3, None), (3, 7, 2),
         (7, 3, -1), (None, None, -2), (100, None, None), (-100, 5, None), (5, -100, -1), (8, 1, -3), (1, 8, -1)]
for c in cases:
    sl = slice(*c)
    print(c, repr(s[sl]), (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)[sl] == tuple(int(ch) for ch in s[sl]), list(range(10)[sl]) == [int(ch) for ch in s[sl]], b"0123456789"[sl] == s[sl].encode())
print(s[::-1][::-1] == s, s[-1::-1] == s[::-1], s[len(s):], s[:0], s[5:5:-1], s[5:4:-1])
