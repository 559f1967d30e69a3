# Misc str methods: translate/maketrans, encode, format_map, chr/ord, str*int, iteration.
t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t))
t2 = str.maketrans({"a": "1", "b": None})
print("abcab".translate(t2))
t3 = str.maketrans("ab", "cd", "e")
print("abeeba".translate(t3))
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), b"h\xc3\xa9".decode())
print("{name}-{n}".format_map({"name": "x", "n": 3}))
print(chr(65), chr(0x1F600) == "\U0001F600", ord("€"), chr(955), [ord(c) for c in "AZaz09"])
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
print("".join(sorted(set("mississippi"))), "abc" * 0, "x".join("12"))
print(str.upper("abc"), str.join("+", ["1", "2"]), "Abc".lower is not None)
print("a" < "b" < "c", "apple" > "Apple", sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
print(repr("é\u200b\t"), ascii("é\u200b\t漢"), repr("\x1b"), repr("\U0001F600"))
