# Uncaught KeyError whose key is a tuple: the message shows the tuple repr.
grid = {(0, 0): "origin"}
print(grid[(0, 0)])
print(grid[(1, 2)])
