# repr of nested containers, recursive list/dict ([...], {...}), strings with quotes, special floats.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a))
d = {"k": 1}
d["self"] = d
print(d)
nested = [(1, "a"), {"x": [None, True]}, (), [[]], ("single",), 2.0, -0.0, float("inf")]
print(nested)
print(repr(nested))
print([["it's"], 'say "hi"', "both ' and \""])
t = ([],)
t[0].append(t)
print(t)
print({1: {2: {3: {}}}}, [[[[[]]]]], ((((1,),),),))
print(repr("a\\b"), repr("line\nbreak"), repr("\u00e9"), repr("\x7f\x80\xa0"))
print([1e16, 1e-7, 0.1, 123.0, 1e300 * 10])
print(repr(range(3)), repr(slice(1, 2)), repr(None), repr(NotImplemented), repr(Ellipsis))
print(repr([print][0].__name__), repr(len)[:20])
print(repr(int), repr(str), repr(ValueError), repr(type(None)))
