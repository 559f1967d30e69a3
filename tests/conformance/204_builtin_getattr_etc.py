# hasattr/getattr/setattr/delattr with defaults, vars, dir-like checks, AttributeError messages.
class Box:
    size = 3
    def __init__(self):
        self.content = "toy"
b = Box()
print(getattr(b, "content"), getattr(b, "size"), getattr(b, "missing", "dflt"), getattr(Box, "size"))
setattr(b, "content", "book")
setattr(b, "color", "red")
print(b.content, b.color, hasattr(b, "color"), hasattr(Box, "color"), vars(b))
delattr(b, "color")
print(hasattr(b, "color"))
try:
    getattr(b, "nothing_here")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(Box, "nothing_here")
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".qqq
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.zzz
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].push(1)
except AttributeError as e:
    print("AttributeError:", e)
import math
try:
    math.tau2zz
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr([], "append").__name__, "upper" in dir(str), "content" in dir(b))
