# bytes and bytearray basics: indexing gives ints, slicing, methods, hex, repr.
b = b"hello world"
print(b[0], b[-1], b[0:5], b[::-1], len(b), b"lo" in b, 104 in b)
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"), b.startswith(b"he"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), b"ab" + b"cd", b"x" * 3)
print(b"\x00\x01\xff".hex(), bytes.fromhex("de ad be ef"), b"abc".hex("-"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x7f\x80"), b"a\\b")
print(list(b"AB"), b"abc".decode(), b"A,B".split(b","), b"-".join([b"a", b"b"]))
ba = bytearray(b"abc")
ba[0] = 122
ba.append(100)
ba.extend(b"ef")
print(ba, len(ba), bytes(ba), ba[1:3], ba.pop(), ba)
print(b"abc" == b"abc", b"abc" < b"abd", b"a" == "a", hash(b"") == hash(b""))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print(b"  x ".strip(), b"abc".isalpha(), b"12".isdigit(), bytes.maketrans(b"a", b"b") is not None)
