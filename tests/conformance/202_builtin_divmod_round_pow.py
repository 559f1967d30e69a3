# divmod and pow builtins over int/float/bool mixes, plus hex/bin/oct/chr/ord conversions.
for a, b in [(17, 5), (-17, 5), (17, -5), (17.5, 5), (-17.5, 5), (True, 2)]:
    print(divmod(a, b))
print(hex(255), hex(-255), hex(0), bin(10), bin(-10), oct(8), oct(-8), hex(2 ** 70))
print(int(hex(4096), 16), int(bin(77), 2), int(oct(99), 8))
print(chr(97), chr(0x263A), ord("a"), ord("\n"), ord("😀"))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(format(255, "x"), format(255, "08b"), format(-42, "x"), format(10, "o"), format(3, "c") == chr(3))
print(pow(7, 2), pow(7, 2, 5), pow(7.0, 2), pow(-7, 3, 5), pow(2, 0.5) == 2 ** 0.5)
print(round(3.14159, 3), round(-2.5), round(2.5), round(17, -1), round(-0.5))
