# Uncaught AttributeError on a built-in type: "'int' object has no attribute 'foo'".
x = 41
print(x + 1)
x.foo()
