# SyntaxError: an else with no matching if.
x = 1
print(x)
else:
    print("no")
