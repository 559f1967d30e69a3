# os and sys basics: getpid int, cpu_count >= 1, argv[0], version_info, recursion limit get/set.
import os
import sys
print(isinstance(os.getpid(), int), os.getpid() > 0, os.cpu_count() >= 1)
print(sys.argv[0].endswith("215_os_sys_basics.py"), len(sys.argv))
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, isinstance(sys.version_info.minor, int))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), type(sys.platform).__name__)
print(type(sys.stdout).__name__ != "", hasattr(sys.stdout, "write"), hasattr(sys.stderr, "flush"))
print(sys.modules["sys"] is sys, "os" in sys.modules, __name__)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d < 1000)
sys.setrecursionlimit(200)
print(150 < depth(0) < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
