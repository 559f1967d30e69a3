# sys.stdin: readline, iteration over remaining lines, read() of the rest (fed from the .stdin file).
import sys
first = sys.stdin.readline()
print(repr(first))
second = input()
print(repr(second))
for i, line in enumerate(sys.stdin):
    print(i, repr(line))
    if i == 1:
        break
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.readline()))
