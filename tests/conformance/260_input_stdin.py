# input() reads lines from stdin (fed from the sibling .stdin file); prompt goes to stdout; EOFError at end.
name = input()
print("hello,", name)
age = int(input("age? "))
print("next year", age + 1)
nums = list(map(int, input().split()))
print("sum", sum(nums), "max", max(nums))
line = input()
print(repr(line))
try:
    while True:
        print("extra:", input())
except EOFError as e:
    print("EOFError:", repr(e))
