# BaseManager subclasses with register(): an AutoProxy for a class of the
# program, a proxy type of its own (BaseProxy subclass), errors raised by
# the referent's methods, method_to_typeid returning a new proxy, and a
# manager initializer.
import multiprocessing as mp
import threading
from multiprocessing.managers import BaseManager, BaseProxy


class Counter:
    # The server runs each client's calls in that client's own thread, so a
    # read-modify-write needs a lock (as it would with threads).
    def __init__(self, start=0):
        self.n = start
        self.lock = threading.Lock()

    def incr(self, k=1):
        with self.lock:
            self.n += k
            return self.n

    def get(self):
        return self.n

    def fail(self):
        raise ValueError('bad counter %d' % self.n)

    def _private(self):
        return 'hidden'


class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, x):
        if x <= 0:
            raise ValueError('deposit must be positive')
        self.balance += x

    def report(self):
        return {'balance': self.balance}

    def history(self):
        return Counter(self.balance)


class AccountProxy(BaseProxy):
    _exposed_ = ('deposit', 'report', 'history')
    _method_to_typeid_ = {'history': 'SharedCounter'}

    def deposit(self, x):
        return self._callmethod('deposit', (x,))

    def report(self):
        return self._callmethod('report')

    def history(self):
        return self._callmethod('history')


def set_up(greeting):
    global GREETING
    GREETING = greeting


def greeting():
    return GREETING


class MyManager(BaseManager):
    pass


MyManager.register('Counter', Counter)
MyManager.register('Account', Account, AccountProxy)
MyManager.register('greeting', greeting)
MyManager.register('SharedCounter', create_method=False)


def bump(c, n):
    for _ in range(n):
        c.incr()


if __name__ == '__main__':
    with MyManager() as mm:
        c = mm.Counter(10)
        print(type(c).__name__, c.get())
        ps = [mp.Process(target=bump, args=(c, 25)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print('after 3 x 25 increments', c.get(), str(c).startswith('<__main__.Counter object'))
        try:
            c.fail()
        except ValueError as e:
            print('ValueError', e)
        print(hasattr(c, 'incr'), hasattr(c, '_private'), hasattr(c, 'nothing'))
        a = mm.Account()
        a.deposit(5)
        p = mp.Process(target=a.deposit, args=(7,))
        p.start()
        p.join()
        print(type(a).__name__, a.report())
        try:
            a.deposit(-1)
        except ValueError as e:
            print('ValueError', e)
        h = a.history()
        print(type(h).__name__, h.get(), h.incr(), c.get())
    m2 = MyManager()
    m2.start(set_up, ('hello from the initializer',))
    print(str(m2.greeting()))
    m2.shutdown()
    try:
        MyManager().start(initializer=42)
    except TypeError as e:
        print('TypeError', e)
