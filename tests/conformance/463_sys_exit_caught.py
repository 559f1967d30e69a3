# SystemExit can be caught like any exception; then a later raise SystemExit(5) exits with 5.
import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
try:
    sys.exit("text")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit
except BaseException as e:
    print("BaseException catches", type(e).__name__, isinstance(e, Exception))
raise SystemExit(5)
