# SyntaxError: cannot assign to a literal / function call.
print("never")
1 = x
