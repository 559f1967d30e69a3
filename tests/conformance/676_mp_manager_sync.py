# Manager queues, locks, events, conditions, barriers and semaphores shared
# with children: each blocking call blocks only its caller (the server has a
# thread per connection), and the order of events is forced by the program.
import multiprocessing as mp
import queue


def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


def consumer(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.append(item * 10)
        jq.task_done()


def waiter(ev, cond, log, bar, ident):
    bar.wait()
    ev.wait()
    with cond:
        log.append('woken')
        cond.notify_all()


def holder(lock, started, release, log):
    with lock:
        started.set()
        release.wait()
        log.append('holder done')


if __name__ == '__main__':
    with mp.Manager() as m:
        q = m.Queue()
        print(type(q).__name__)
        p = mp.Process(target=producer, args=(q, 5))
        p.start()
        got = []
        while True:
            item = q.get()
            if item is None:
                break
            got.append(item)
        p.join()
        print('queue', got, q.empty(), q.qsize())
        try:
            q.get_nowait()
        except queue.Empty:
            print('queue.Empty from get_nowait')
        try:
            q.get(timeout=0.01)
        except queue.Empty:
            print('queue.Empty after a timeout')
        bq = m.Queue(1)
        bq.put('one')
        try:
            bq.put('two', block=False)
        except queue.Full:
            print('queue.Full', bq.full())

        jq, results = m.JoinableQueue(), m.list()
        c = mp.Process(target=consumer, args=(jq, results))
        c.start()
        for i in range(4):
            jq.put(i)
        jq.put(None)
        jq.join()
        c.join()
        print('joinable', list(results))

        ev, cond, log, bar = m.Event(), m.Condition(), m.list(), m.Barrier(3)
        print('barrier', bar.parties, bar.n_waiting, bar.broken, 'event', ev.is_set())
        ps = [mp.Process(target=waiter, args=(ev, cond, log, bar, i)) for i in range(2)]
        for p in ps:
            p.start()
        bar.wait()
        ev.set()
        for p in ps:
            p.join()
        print(list(log), ev.is_set())
        ev.clear()
        print('cleared', ev.is_set(), ev.wait(0.01))

        lock, started, release, log2 = m.Lock(), m.Event(), m.Event(), m.list()
        h = mp.Process(target=holder, args=(lock, started, release, log2))
        h.start()
        started.wait()
        print('held elsewhere: acquire(False) ->', lock.acquire(False))
        print('acquire(timeout=0.01) ->', lock.acquire(timeout=0.01))
        release.set()
        print('acquire() ->', lock.acquire())
        log2.append('parent has it')
        lock.release()
        h.join()
        print(list(log2))

        rl = m.RLock()
        with rl:
            with rl:
                print('RLock taken twice')
        sem = m.BoundedSemaphore(2)
        print('semaphore', sem.acquire(), sem.acquire(), sem.acquire(False))
        sem.release()
        sem.release()
        try:
            sem.release()
        except ValueError as e:
            print('ValueError', e)
        cv = m.Condition(m.Lock())
        with cv:
            print('wait_for', cv.wait_for(lambda: True, 0.01), cv.wait(0.01))
