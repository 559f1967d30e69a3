# import forms: import, import as, from-import, from-import as, imports inside functions, module attributes.
import math
import math as m
from math import sqrt, pi as PI
from collections import deque as Deque, Counter
import itertools, functools
print(math.sqrt(9), m.floor(2.7), sqrt(16), PI, m is math)
print(Deque([1]).pop(), Counter("aab")["a"], list(itertools.repeat(1, 2)), functools.reduce(int.__add__, [1, 2]))
def local_import():
    import random
    from os import getpid
    return type(random.random()).__name__, isinstance(getpid(), int)
print(local_import())
print(type(math).__name__, math.__name__, m.__name__)
import sys
print("math" in sys.modules, "collections" in sys.modules)
from math import *
print(floor(3.5), ceil(3.5), e == m.e)
try:
    import no_such_module_qq
except ImportError as err:
    print(type(err).__name__, err.name)
try:
    from math import no_such_name_qq
except ImportError as err:
    print("ImportError:", type(err).__name__)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
