# SyntaxError: plain invalid syntax between two names.
print("never")
a = 1
b = a a
