# bool arithmetic and identity, truthiness of builtins, None behaviour.
print(True + True, True * 3, True - False, True / 2, -True, True ** 2, True // True)
print(True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int))
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(()), bool(set()), bool(None), bool(range(0)))
print(bool(1), bool(-1), bool(" "), bool([0]), bool({0: 0}), bool(0j), bool(1j), bool(float("nan")))
print(str(True), repr(False), int(True), float(False), True and 3, 0 or "x", None or 0, 1 and 0)
print(not None, not 1, not [], None is None, None == None, type(None).__name__)
print(sum([True, True, False, True]), max(True, 2), sorted([True, False, 0, 1]))
print({True: "a", 1: "b", 1.0: "c"})
print(hash(True) == hash(1), f"{True}", f"{True:d}", f"{False:>6}", format(True, "05"))
x = None
print(x is None, x is not None, repr(x), str(x))
print(bool.__name__, bool(), True.real, True.bit_length())
