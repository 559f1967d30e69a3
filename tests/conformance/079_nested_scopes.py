# Nested scopes: closures over loop vars, class bodies not enclosing methods, nonlocal in nested levels, shadowing.
x = "global"
def f():
    x = "f-local"
    class C:
        x = "class-level"
        def m(self):
            return x
        y = x
    return C().m(), C.y
print(f())
def counter_factory():
    counts = {}
    def hit(k):
        counts[k] = counts.get(k, 0) + 1
        return counts
    return hit
hit = counter_factory()
hit("a"); hit("b")
print(hit("a"))
def make():
    funcs = []
    for i in range(3):
        def g(i=i):
            return i * 10
        funcs.append(g)
    return [fn() for fn in funcs]
print(make())
def shadow_builtin():
    len = 5
    return len
print(shadow_builtin(), len("abc"))
def outer():
    v = 1
    def mid():
        def inn():
            nonlocal v
            v += 100
            return v
        return inn()
    r = mid()
    return r, v
print(outer())
def gen_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for n in range(5):
        add(n)
    return total
print(gen_closure())
try:
    exec_like = None
    def use_before():
        print(late)
    use_before()
except NameError as e:
    print("NameError:", e)
late = "defined later"
use_before()
