# Manager proxies as Pool task arguments and through a Pool initializer:
# workers update a shared dict and list, and a manager Lock keeps a shared
# Value's read-modify-write whole; list proxies kept inside a dict proxy.
import multiprocessing as mp


def init(shared_counter, shared_lock):
    global counter, lock
    counter, lock = shared_counter, shared_lock


def work(args):
    d, l, i = args
    d[i] = i * i
    l.append(i)
    with lock:
        counter.value = counter.value + 1
    return d[i] + 1


def tally(args):
    d, word = args
    with lock:
        d[word] = d.get(word, 0) + 1
    return word


def add_to_group(args):
    groups, key, value = args
    groups[key].append(value)
    return key


if __name__ == '__main__':
    with mp.Manager() as m:
        d, l = m.dict(), m.list()
        counter, lk = m.Value('i', 0), m.Lock()
        with mp.Pool(3, initializer=init, initargs=(counter, lk)) as pool:
            print(pool.map(work, [(d, l, i) for i in range(8)]))
            words = 'a b a c b a d a'.split()
            print(sorted(pool.imap_unordered(tally, [(d, w) for w in words])))
            r = pool.apply_async(work, ((d, l, 100),))
            print(r.get())
        print(sorted(d.items(), key=str))
        print(sorted(l), len(l))
        print('counter', counter.value)
        # A dict of lists: the list proxies themselves are stored in the dict,
        # and a worker appends through the proxy it gets from it.
        groups = m.dict()
        for k in 'xy':
            groups[k] = m.list()
        with mp.Pool(2) as pool:
            print(pool.map(add_to_group, [(groups, k, i) for k, i in zip('xyxy', range(4))]))
        print({k: sorted(v) for k, v in sorted(groups.items())})
        print(type(groups['x']).__name__)
