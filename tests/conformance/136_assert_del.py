# assert with/without message, AssertionError args; del of names, items, attributes, slices.
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("AssertionError empty:", repr(e), e.args)
try:
    assert False, {"detail": 1}
except AssertionError as e:
    print(e.args)
assert True, "never"
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
lst = [0, 1, 2, 3, 4, 5]
del lst[0], lst[-1]
print(lst)
del lst[1:3]
print(lst)
class O:
    pass
o = O()
o.attr = 1
del o.attr
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
try:
    del undefined_name_zz
except NameError as e:
    print("NameError:", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
