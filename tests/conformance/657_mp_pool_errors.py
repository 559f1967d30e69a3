# Exceptions raised in Pool workers re-raise in the parent on get(); error_callback;
# imap yields results up to the failing item; unpicklable tasks fail on get().
from multiprocessing import Pool, TimeoutError
import time

class MyError(Exception):
    pass

def check(x):
    if x % 4 == 3:
        raise MyError(f"bad item {x}")
    return x * 2

def slow(x):
    time.sleep(x)
    return x

pool = Pool(2)
try:
    pool.map(check, range(6))  # one bad item: which of two fails first is a race
except MyError as e:
    print("map raised", repr(e), type(e.__cause__).__name__)
r = pool.apply_async(check, (3,), error_callback=lambda e: print("error_callback", repr(e)))
try:
    r.get(10)
except MyError as e:
    print("apply_async raised", e)
print(r.ready(), r.successful())
out = []
for x in pool.imap(check, range(6)):
    out.append(x)
    if len(out) == 3:
        break
print(out)
it = pool.imap(check, range(5))
res = []
while True:
    try:
        res.append(next(it))
    except MyError as e:
        res.append("raised " + str(e))
    except StopIteration:
        break
print(res)
try:
    pool.apply(lambda: 1)
except Exception as e:
    print(type(e).__module__, type(e).__name__, str(e).split(" at 0x")[0])
try:
    pool.map(check, [lambda: 2])
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
a = pool.apply_async(slow, (0.5,))
try:
    a.get(timeout=0.01)
except TimeoutError as e:
    print("TimeoutError", repr(e), a.ready())
try:
    a.successful()
except ValueError as e:
    print("ValueError", str(e).split(" object at ")[0])
print(a.get(10))
pool.close()
pool.join()
print("done")
