# callable(), id-free identity checks, bound method equality, print to sys.stdout/stderr via file=.
import sys
class K:
    def m(self):
        return 1
    def __call__(self):
        return "called"
k = K()
print(callable(K), callable(k), callable(k.m), callable(K.m), callable(len), callable("s"), callable(None))
print(k.m == k.m, k.m is k.m, K.m is K.m, k() + "!")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("a", "b", sep="", end="!\n", file=sys.stdout)
print(len.__name__, print.__name__, abs(-1), isinstance(len, type(print)))
x = [1]
y = x
z = [1]
print(x is y, x is z, x == z, None is None, (1, 2) == (1, 2))
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc")
print()
print("write returned", n)
sys.stderr.write("stderr write\n")
