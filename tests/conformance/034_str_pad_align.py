# center/ljust/rjust/zfill with fill characters and odd widths.
for w in [0, 3, 8, 9]:
    print(repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "-")), repr("ab".center(w, "=")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "123456".zfill(3), "".zfill(2))
print("a".center(4, "x"), "ab".center(5, "x"), "abc".center(6, "x"), "abcd".center(7, "x"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
print("|" + "left".ljust(10) + "|" + "right".rjust(10) + "|")
