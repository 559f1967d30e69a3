# Output to both streams then sys.exit(4); buffered stdout is flushed on exit.
import sys
for i in range(3):
    print("out", i)
    print("err", i, file=sys.stderr)
sys.exit(4)
