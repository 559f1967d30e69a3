# An operator with no right operand: CPython says only "invalid syntax".
x = 1
print(x +)
