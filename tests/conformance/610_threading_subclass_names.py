# Thread subclasses overriding run(); names, repr, daemon flags, current_thread.
import threading

class Worker(threading.Thread):
    def __init__(self, n, **kw):
        super().__init__(**kw)
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
        self.where = threading.current_thread() is self

w = Worker(100)
print(w.name, repr(w))
w.start()
w.join()
print(w.result, w.where, w.is_alive())

named = Worker(10, name="custom")
print(named.name, repr(named))
named.name = 42
print(repr(named.name))

# Default names: Thread-N, plus the target's name when there is one.
def job():
    pass
class Callable:
    def __call__(self):
        pass
t1 = threading.Thread(target=job)
t2 = threading.Thread()
t3 = threading.Thread(target=lambda: None)
t4 = threading.Thread(target=Callable())
print([t.name for t in (t1, t2, t3, t4)])
print(repr(t1), repr(t2))
t5 = threading.Thread(target=job, name="")
print(t5.name)

# Daemon flags: explicit, inherited, settable before start.
d = threading.Thread(target=job, daemon=True)
print(d.daemon, repr(d))
d.daemon = False
print(d.daemon)
inherit = []
def child_daemon():
    inherit.append(threading.Thread(target=job).daemon)
p = threading.Thread(target=child_daemon, daemon=True)
p.start()
p.join()
print("inherited daemon:", inherit)
print(threading.current_thread().daemon)

# current_thread / main_thread inside and outside threads.
info = []
def who():
    ct = threading.current_thread()
    info.append((ct.name, ct is threading.main_thread(), ct.ident == threading.get_ident(),
                 isinstance(ct.native_id, int)))
t = threading.Thread(target=who, name="who-thread")
t.start()
t.join()
print(info)
mt = threading.main_thread()
print(mt.name, type(mt).__name__, mt is threading.current_thread(), mt.is_alive(), mt.daemon)
print(isinstance(t.ident, int), t.ident is not None, threading.Thread().ident)

# enumerate() and active_count() while threads run.
release = threading.Event()
started = threading.Barrier(4)
def held():
    started.wait()
    release.wait()
ts = [threading.Thread(target=held, name="held-%d" % i) for i in range(3)]
for t in ts:
    t.start()
started.wait()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
release.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])

# run() can be called directly, in the calling thread.
direct = Worker(5)
direct.run()
print(direct.result, direct.where)

# A target with args and kwargs via a subclass that keeps the default run().
class Plain(threading.Thread):
    pass
out = []
p = Plain(target=out.append, args=("plain",))
p.start()
p.join()
print(out, p.name)
