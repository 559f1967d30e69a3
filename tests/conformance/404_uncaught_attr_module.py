# Uncaught AttributeError on a module object.
import math
print(math.floor(2.5))
print(math.no_such_functionzz(3))
