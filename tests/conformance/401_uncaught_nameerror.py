# Uncaught NameError at module level (a name with no close match, so no "Did you mean").
print("start")
value = 3
print(qwxyzzy_undefined + value)
