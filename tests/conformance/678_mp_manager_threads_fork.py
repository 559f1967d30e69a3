# Manager proxies used by several threads at once (each thread has its own
# connection), big values, proxies passed through a Queue and a Pipe, a
# proxy and the manager itself inherited by a forked child as globals, and
# a second manager object connected to the same server by its address.
import multiprocessing as mp
import threading
from multiprocessing.managers import SyncManager


def fill(d, base):
    for j in range(25):
        d[base + j] = threading.current_thread().name


def from_queue(q, conn):
    d = q.get()
    d['via queue'] = 1
    l = conn.recv()
    l.append('via pipe')


def use_globals():
    shared['child saw'] = sorted(k for k in shared.keys() if isinstance(k, str))
    made = manager.list(['made', 'by', 'child'])
    made.reverse()
    shared['child made'] = made[:]


if __name__ == '__main__':
    manager = mp.Manager()
    shared = manager.dict()
    ts = [threading.Thread(target=fill, args=(shared, 100 * i), name='T%d' % i) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(len(shared), shared[0], shared[124], shared[324])
    shared.clear()

    big = 'x' * 300000 + 'end'
    shared['big'] = big
    back = shared['big']
    print(len(back), back == big, back[-3:])
    nums = manager.list(range(50000))
    print(len(nums), sum(nums), nums[49999])
    del shared['big']

    q = mp.Queue()
    a, b = mp.Pipe()
    lst = manager.list()
    q.put(shared)
    a.send(lst)
    p = mp.Process(target=from_queue, args=(q, b))
    p.start()
    p.join()
    print(shared.copy(), lst[:])

    p = mp.Process(target=use_globals)
    p.start()
    p.join()
    print(shared['child saw'], shared['child made'])

    other = SyncManager(address=manager.address)
    other.connect()
    d2 = other.dict(k='made through another manager object')
    print(d2, other.address == manager.address)
    manager.shutdown()
    print('shut down')
