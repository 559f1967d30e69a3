# Bitwise ops on ints incl. negatives, shifts, bit_length, bit_count.
for a in [0, 1, 5, -1, -6, 255]:
    print(a, a & 3, a | 8, a ^ 5, ~a, a << 3, a >> 1)
print((-1) >> 100, 1 << 64, -1 << 64)
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (1 << 100).bit_length())
print((255).bit_count(), (-7).bit_count())
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((1024).to_bytes(2, "big"), (-2).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xfe", "big", signed=True))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(True & False, True | False, True ^ True, type(True & True))
print((6).as_integer_ratio(), (5).conjugate(), (7).real, (7).imag, (9).numerator, (9).denominator)
