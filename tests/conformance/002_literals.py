# Numeric and string literal forms: underscores, bases, escapes, raw/bytes strings.
print(1_000_000, 0x_ff, 0o17, 0b1010_1010)
print(0xDEADbeef, 0O777, 0B1)
print(1e3, 1E-3, 1_0.5_0, .5, 5., 0e0)
print(3j, 1.5j, 0j)
print("a" "b" 'c')
print('it\'s', "say \"hi\"")
print(r"raw\n", len(r"\n"))
print("\u00e9", "\N{BULLET}", "\x41", "\101")
print(b"bytes", b"\x00\xff", rb"\d")
print("""triple
quoted""")
print('''single
triple''')
print(len("multi\
line"))
x = (1 +
     2)
print(x)
print(type(1), type(1.0), type(1j), type("s"), type(b"b"), type(None), type(True))
