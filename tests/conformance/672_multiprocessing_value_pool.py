# Value and Array with pools (through the initializer, as CPython allows),
# through a child's own child, and refused as a task argument.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def init(v, a):
    global counter, hits
    counter, hits = v, a


def work(x):
    with counter.get_lock():
        counter.value += x
    with hits.get_lock():
        hits[x % 3] += 1
    return x * 2


def grandchild(v):
    with v.get_lock():
        v.value *= 10


def child(v):
    with v.get_lock():
        v.value += 1
    p = mp.Process(target=grandchild, args=(v,))
    p.start()
    p.join()


if __name__ == '__main__':
    v = mp.Value('i', 0)
    a = mp.Array('i', 3)
    with mp.Pool(3, initializer=init, initargs=(v, a)) as pool:
        print(sum(pool.map(work, range(100))), sorted(pool.imap_unordered(work, range(5))))
    print(v.value, a[:])

    w = mp.Value('q', 0)
    b = mp.Array('i', 3, lock=False)
    with ProcessPoolExecutor(2, initializer=init, initargs=(w, mp.Array('i', 3))) as ex:
        print(sum(ex.map(work, range(10))))
    print(w.value, b[:])

    g = mp.Value('i', 4)
    p = mp.Process(target=child, args=(g,))
    p.start()
    p.join()
    print(g.value, p.exitcode)

    try:
        with mp.Pool(2) as pool:
            pool.map(abs, [v])
    except Exception as e:
        print(type(e).__name__, e)
    try:
        with mp.Pool(2) as pool:
            pool.apply(abs, (a,))
    except Exception as e:
        print(type(e).__name__, e)
