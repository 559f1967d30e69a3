# sys.exit inside an except block: no traceback for the handled error, exit status 2.
import sys
try:
    int("bad")
except ValueError as e:
    print("error:", e)
    sys.exit(2)
