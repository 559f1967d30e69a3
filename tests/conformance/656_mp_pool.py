# Pool: map (with chunksize), imap, imap_unordered, starmap, apply, apply_async
# with callbacks, map_async, initializer, maxtasksperchild; a CPU-bound function.
from multiprocessing import Pool
import multiprocessing

def sum_squares(n):
    return sum(i * i for i in range(n))

def power(base, exp):
    return base ** exp

def init(value):
    global SCALE
    SCALE = value

def scaled(x):
    return x * SCALE

pool = Pool(2)
print(pool)
print(pool.map(sum_squares, range(12)))
print(pool.map(sum_squares, [20000] * 6, chunksize=4))
print(pool.map(sum_squares, []))
print(list(pool.imap(sum_squares, range(6))))
print(list(pool.imap(sum_squares, range(7), chunksize=3)))
print(sorted(pool.imap_unordered(sum_squares, range(6))))
print(pool.starmap(power, [(2, 10), (3, 3), (10, 0)]))
print(pool.apply(power, (7, 2)))
r = pool.apply_async(sum_squares, (1000,))
print(r.get(timeout=10), r.ready(), r.successful())
collected = []
m = pool.map_async(sum_squares, range(5), callback=collected.append)
m.wait(10)
print(m.get(), m.ready())
s = pool.starmap_async(power, [(2, 2), (2, 3)])
print(s.get(10))
it = pool.imap(sum_squares, range(3))
print(it.next(10), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
pool.close()
pool.join()
print(collected)
try:
    pool.apply(sum_squares, (1,))
except ValueError as e:
    print("ValueError", e)

p2 = Pool(processes=2, initializer=init, initargs=(3,), maxtasksperchild=2)
print(p2.map(scaled, range(8), chunksize=1))
p2.close()
p2.join()
ctx = multiprocessing.get_context("fork")
p3 = ctx.Pool(1)
print(p3.map(sum_squares, [3, 4]))
p3.close()
p3.join()
for bad in (lambda: Pool(0), lambda: Pool(1, maxtasksperchild=0), lambda: Pool(1, initializer=3)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
