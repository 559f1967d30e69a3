# input() with non-ASCII UTF-8 data and a line without trailing newline at EOF.
a = input()
b = input()
print(a, len(a), a.upper())
print(b, len(b), b[::-1])
print([hex(ord(c)) for c in b])
