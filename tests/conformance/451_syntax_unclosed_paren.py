# SyntaxError: an unclosed parenthesis reported at the opening paren.
print("never")
values = [1, 2, 3]
total = sum(values
print(total)
