# threading.local: attributes per thread; subclasses initialise per thread.
import threading

data = threading.local()
data.x = "main"
seen = {}
lock = threading.Lock()

def worker(i):
    has = hasattr(data, "x")
    data.x = i
    data.y = i * 10
    with lock:
        seen[i] = (has, data.x, data.y, sorted(data.__dict__))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))
print(data.x, hasattr(data, "y"), data.__dict__)

try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
try:
    del data.x
except AttributeError as e:
    print("AttributeError:", e)

try:
    threading.local(1, key=2)
except TypeError as e:
    print("TypeError:", e)

print(type(data).__name__, type(data).__module__)

# A subclass: __init__ runs again in each thread, with the original arguments.
inits = []
class Counter(threading.local):
    start = -1                      # class attribute, shared
    def __init__(self, start, step=1):
        with lock:
            inits.append(threading.current_thread().name)
        self.value = start
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value
    @property
    def doubled(self):
        return self.value * 2

c = Counter(100, step=5)
print(c.bump(), c.doubled, c.start)

results = {}
def use(i):
    for _ in range(i + 1):
        c.bump()
    with lock:
        results[i] = (c.value, c.doubled)

threads = [threading.Thread(target=use, args=(i,), name="user-%d" % i) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(sorted(inits))
print(c.value)

try:
    c.nothing
except AttributeError as e:
    print("AttributeError:", e)

# Values don't leak between sequential threads either.
box = threading.local()
out = []
def first():
    box.v = "first"
    out.append(box.v)
def second():
    out.append(getattr(box, "v", "unset"))
for f in (first, second):
    t = threading.Thread(target=f)
    t.start()
    t.join()
print(out)
