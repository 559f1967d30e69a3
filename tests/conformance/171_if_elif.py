# if/elif/else chains, conditional expressions, truthiness of objects, pass statement.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in [-3, 0, 5, 50]])
x = 7
print("odd" if x % 2 else "even", "big" if x > 5 else "small" if x > 2 else "tiny")
class Falsy:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
if not Falsy():
    print("Falsy is falsy")
if Truthy():
    print("__bool__ wins over __len__")
if []:
    pass
elif {}:
    pass
else:
    print("empty containers are falsy")
class BadBool:
    def __bool__(self):
        return 1
try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)
y = 0
if y:
    pass
print("done", y or "zero-ish", y and "never")
