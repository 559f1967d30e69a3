# Float formatting with format specs: f, e, g, %, precision, width, sign, grouping.
x = 1234.56789
for spec in ["", "f", ".2f", "10.3f", "<10.1f", "^12.2f", "+.1f", " .1f", "08.3f", ",.2f", "_.1f",
             "e", ".3e", "E", "g", ".3g", ".10g", "%", ".1%", "G", "012,.2f", "=+12.2f", "*^15.1f"]:
    print(repr(spec), format(x, spec))
for v in [0.0001, 1e-5, 123456789.0, 1e16, 0.5, 1.0, 100.0, -0.0, float("inf"), float("nan"), 1e100]:
    print(format(v, "g"), format(v, ".2e"), format(v, ".3f"), format(v, ""), str(v))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(1.5, ".0e"))
print("%.3f|%10.2f|%-10.2f|%e|%g|%G" % (3.14159, 2.5, 2.5, 12345.678, 0.00001234, 1e20))
print(f"{1/3:.5f} {2/3:.1%} {1e6:,.0f} {-1.5:+08.2f} {12.0:#.3g} {12.0:.3g}")
print(format(1e16, ".17g"), format(0.1, ".20f"), format(123.0, "#g"))
