# More bytes methods: split/strip/partition/startswith/join/count/fromhex/decode errors, int conversions.
b = b"  key=value; other=1  "
print(b.strip(), b.strip().split(b";"), b.partition(b"="), b.rpartition(b"="), b.lstrip(), b.rstrip())
print(b"a,b,,c".split(b","), b"a b  c".split(), b"abc".center(7, b"*"), b"5".zfill(3), b"ab".ljust(4, b"."))
print(b"Hello".lower(), b"hello world".title(), b"Hi".swapcase(), b"abc".capitalize(), b"x".isupper())
print(b"".join([b"a", b"b"]), b", ".join([b"x", b"y"]), b"abcabc".count(b"bc"), b"abc".index(b"c"))
print(b"abc".endswith(b"bc"), b"abc".startswith((b"x", b"a")), b"aaa".replace(b"a", b"bb", 2))
print(b"\xe6\x97\xa5".decode("utf-8"), b"caf\xc3\xa9".decode(), "é".encode("latin-1"), b"\xe9".decode("latin-1"))
print(b"abc"[1], b"abc"[1:], b"abc"[::-1], b"abc"[-1:], bytes(b"xy"), list(bytes(2)), b"%d" % 5)
print(bytearray(b"hi").upper(), bytearray(3), bytearray([1, 2]) + b"\x03", bytearray(b"abc")[::-1])
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b"x\x00y".split(b"\x00"), len(b"\x00" * 5), b"ab" < b"b", sorted([b"b", b"a", b"ab"]))
