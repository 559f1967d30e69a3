# complex numbers: construction, arithmetic, repr, attributes, abs, conjugate.
z = complex(3, 4)
w = 1 - 2j
print(z, w, repr(z), abs(z), z.real, z.imag, z.conjugate())
print(z + w, z - w, z * w, z / w, z ** 2, -z, +z)
print(1j * 1j, (1 + 1j) ** 0, 2 * z, z + 1, z == complex(3, 4), z != w)
print(complex(), complex(2), complex("1+2j"), complex(" 3-1j "), complex("j"), complex(1.5, -0.0))
print(repr(complex(0, 1)), repr(complex(-0.0, 1)), repr(complex(1, 0)), repr(-1j), repr(0j))
print(complex(float("inf"), float("nan")))
print(type(z), isinstance(z, complex), hash(complex(3, 0)) == hash(3))
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(f"{z}", str(1.5 + 2.25j), format(1 + 2j, ".2f"))
