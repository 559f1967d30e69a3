# SyntaxError: a missing colon after an if header; nothing runs, exit code 1.
print("this never prints")
x = 3
if x > 2
    print("big")
