# global statement, name resolution (LEGB), UnboundLocalError, builtins shadowing.
g = 1
def read_global():
    return g
def write_global():
    global g
    g = 2
def shadow():
    g = 3
    return g
print(read_global(), shadow(), g)
write_global()
print(g)
def broken():
    print(g)
    g = 5
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(issubclass(UnboundLocalError, NameError))
def define_new():
    global brand_new
    brand_new = "created"
define_new()
print(brand_new)
len = lambda x: 42
print(len([1, 2]))
del len
print(len([1, 2]))
x = "module"
class K:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(K().m(), K.x, K.y)
def f():
    try:
        return undefined_thing_qq
    except NameError as e:
        return str(e)
print(f())
