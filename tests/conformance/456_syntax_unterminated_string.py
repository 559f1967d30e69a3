# SyntaxError: unterminated string literal.
print("ok")
s = "abc
print(s)
