# Uncaught exception several frames deep through methods, a lambda and a class body-free call chain.
class Pipeline:
    def __init__(self, steps):
        self.steps = steps
    def run(self, x):
        for step in self.steps:
            x = step(x)
        return x
def halve(x):
    return x // 2
p = Pipeline([halve, lambda v: v - 5, lambda v: 100 // v])
print(p.run(40))
print(p.run(10))
