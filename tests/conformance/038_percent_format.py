# printf-style % formatting: conversions, flags, width/precision, dict form, errors.
print("%s %d %i %f" % ("a", 3, 4, 2.5))
print("%5s|%-5s|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%e|%.2E" % ("r", "l", 42, 7, 7, 255, 255, 8, 255, 8, 1234.5, 0.000123))
print("%.3s|%10.2f|%-10.2f|%c|%c|%%|%r|%a" % ("abcdef", 3.14159, 2.5, "z", 65, "q", "é"))
print("%(name)s is %(age)d years" % {"name": "Eve", "age": 7})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%d%%" % 50)
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%g %g %g %G" % (0.0001, 1e-5, 123456789, 1e-10))
print("%d" % 3.9, "%i" % -2.5, "%s" % None, "%5.1f%%" % 99.44)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(b"%s-%d" % (b"ab", 5))
