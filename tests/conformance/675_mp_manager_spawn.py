# Manager under the spawn start method: the server and the children run the
# main module again as __mp_main__; proxies reach them by pickle, as Process
# arguments and as Pool tasks. get_context('spawn').Manager() too.
import multiprocessing as mp

def child(d, l, ns):
    d['from child'] = True
    d.update({'k%d' % i: i for i in range(3)})
    l.extend(range(3))
    l += ['end']
    ns.name = 'spawned'


def square(args):
    d, i = args
    d[i] = i * i
    return d.get(i)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    with mp.Manager() as m:
        d, l, ns = m.dict(), m.list(), m.Namespace()
        p = mp.Process(target=child, args=(d, l, ns))
        p.start()
        p.join()
        print(p.exitcode, sorted(d.items(), key=str), l, ns)
        with mp.Pool(2) as pool:
            print(pool.map(square, [(d, i) for i in range(4)]))
        print(len(d), 3 in d, d.get(3), d.get('zz', 'default'))
    ctx = mp.get_context('spawn')
    with ctx.Manager() as m2:
        q = m2.Queue()
        p = ctx.Process(target=q.put, args=('put by a child',))
        p.start()
        p.join()
        print(q.get(), q.qsize(), q.empty())
    print(mp.Process().name)
