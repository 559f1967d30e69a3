# f-strings: conversions, = specifier, format specs, nested specs, dict access, expressions.
x = 42
name = "Ada"
pi = 3.14159265
print(f"{x}|{x:>10}|{x:<10}|{x:^10}|{x:*^10}|{x:010}|{x:+}|{x: }|{-x:+}")
print(f"{pi:08.3f}|{pi:.2f}|{pi:10.4f}|{pi:<10.2}|{pi:e}|{pi:.0f}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{x:x}|{x:X}|{x:o}|{x:b}|{x:#x}|{x:#o}|{x:#b}|{x:#010b}")
print(f"{name!r}|{name!s}|{name!a}|{'é'!a}|{name:>8}|{name:.2}|{name!r:>10}")
print(f"{x=}|{name=}|{pi=:.2f}|{x = }|{x*2=}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|{name:{'>'}{width}}|{x:{width}d}")
d = {"k": [1, 2, 3]}
print(f"{d['k'][1]}|{len(d)}|{'yes' if x > 40 else 'no'}|{[i * i for i in range(4)]}")
print(f"{{literal}}|{{{x}}}|{x!r:}|{3.0}|{None}|{True}")
print(f"{65:c}|{0.25:%}|{1e-7}|{1e-7:f}|{10**20}|{2**0.5:.3}")
print(f"{'a' 'b'}", f"{x}" f"{x}", f"""{x
}""")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
print(f"{P()}|{P():abc}|{P():{width}}", format(P(), "zz"))
print(f"{-0.0:.1f}|{-0.001:.1f}|{0.5:.0f}|{1.5:.0f}")
