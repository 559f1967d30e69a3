# Uncaught RecursionError from unbounded recursion: CPython collapses repeated frames.
def down(n):
    return down(n + 1)
print("recursing")
down(0)
