# Value and Array passed to spawned processes as arguments: they arrive by
# pickle, as the same shared memory and the same lock.
import multiprocessing as mp


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, rv, ra, i):
    arr[i] = (i + 1) * 10
    ra[i] = rv.value * i


def report(v, a, s, raw, lock):
    # The child sees the values the parent set, and the lock it passed.
    print('child:', v.value, a[:], s.value, raw.value, v.get_lock() is lock, type(v).__name__)
    with lock:
        v.value += 1
        s.value = b'child'
        raw.value = -raw.value


def main():
    ctx = mp.get_context('spawn')
    print('-- a counter under its lock, 3 spawned processes x 500')
    counter = ctx.Value('i', 0)
    ps = [ctx.Process(target=add_many, args=(counter, 500)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value, [p.exitcode for p in ps])

    print('-- Arrays filled by spawned processes')
    arr = ctx.Array('i', 4)
    rv = ctx.RawValue('d', 1.5)
    ra = ctx.RawArray('d', 4)
    ps = [ctx.Process(target=fill, args=(arr, rv, ra, i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(arr[:], ra[:])

    print('-- one lock for a Value, passed alongside it')
    lock = ctx.RLock()
    v = ctx.Value('q', 41, lock=lock)
    a = ctx.Array('H', [1, 2, 3])
    s = ctx.Array('c', 8)
    s.value = b'parent'
    raw = ctx.RawValue('b', 5)
    p = ctx.Process(target=report, args=(v, a, s, raw, lock))
    p.start()
    p.join()
    print('parent:', v.value, s.value, s.raw, raw.value, p.exitcode)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    main()
