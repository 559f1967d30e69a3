# Uncaught ModuleNotFoundError for a module that does not exist.
import math
print(math.pi)
import spindle_no_such_module_xyz
