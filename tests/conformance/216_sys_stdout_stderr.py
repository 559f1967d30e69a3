# sys.stdout.write / sys.stderr.write, print(file=), flush; stdout and stderr are compared separately.
import sys
sys.stdout.write("line one\n")
sys.stderr.write("err one\n")
sys.stdout.write("partial ")
sys.stdout.write("line\n")
print("via print", file=sys.stderr)
sys.stdout.flush()
sys.stderr.flush()
n = sys.stdout.write("12345\n")
print(n)
print("multi", "args", sep="|", file=sys.stderr, end="$\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout.isatty(), sys.stderr.isatty())
