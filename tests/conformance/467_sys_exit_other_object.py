# sys.exit with a non-int, non-None object: its str goes to stderr and status is 1.
import sys
print("exiting with a list")
sys.exit([1, 2, 3])
