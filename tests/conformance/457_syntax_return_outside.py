# SyntaxError: 'return' outside function (a compile-time, not parse-time, error).
print("never")
return 5
