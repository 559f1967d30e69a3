# Module-level functions, foreign (_thread) threads, deprecated aliases.
import sys
import threading
import _thread

print(isinstance(threading.get_ident(), int), isinstance(threading.get_native_id(), int))
print(threading.get_ident() == threading.main_thread().ident)
print(threading.get_native_id() == threading.main_thread().native_id)
print(threading.TIMEOUT_MAX > 1e6, threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX)
print(threading.Lock is _thread.allocate_lock, type(threading.Lock()) is _thread.LockType)
print(threading.active_count(), len(threading.enumerate()))
print(threading.stack_size())
print(threading.gettrace(), threading.getprofile())
def tracer(*args):
    return None
threading.settrace(tracer)
threading.setprofile(tracer)
print(threading.gettrace() is tracer, threading.getprofile() is tracer)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())

# A thread started with _thread is a _DummyThread to threading.
done = threading.Event()
info = []
def foreign():
    t = threading.current_thread()
    info.append((type(t).__name__, t.name, t.daemon, t.is_alive(), t is threading.current_thread(),
                 t in threading.enumerate(), t.ident == threading.get_ident()))
    done.set()
_thread.start_new_thread(foreign, ())
done.wait(5)
print(info)
# The next Thread's default name continues the same counter.
print(threading.Thread().name)

# Thread idents of live threads are distinct.
barrier = threading.Barrier(3)
idents = []
def record():
    idents.append(threading.get_ident())
    barrier.wait()
ts = [threading.Thread(target=record) for _ in range(2)]
for t in ts:
    t.start()
barrier.wait()
for t in ts:
    t.join()
print(len(set(idents + [threading.get_ident()])))
print([t.ident for t in ts] == idents or sorted(t.ident for t in ts) == sorted(idents))

# The deprecated camelCase aliases work (their DeprecationWarnings go to a sink).
class Sink:
    def write(self, s):
        return len(s)
    def flush(self):
        pass
saved, sys.stderr = sys.stderr, Sink()
try:
    t = threading.Thread(name="old-style")
    before = t.getName()
    t.setName("renamed")
    t.setDaemon(True)
    daemon = t.isDaemon()
    cur = threading.currentThread() is threading.current_thread()
    count = threading.activeCount() == threading.active_count()
    e = threading.Event()
    e.set()
    is_set = e.isSet()
    c = threading.Condition()
    with c:
        c.notifyAll()
finally:
    sys.stderr = saved
print(before, t.name, daemon, cur, count, is_set)

# ExceptHookArgs built by hand.
args = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(args.exc_type.__name__, args.exc_value, args.exc_traceback, args.thread)
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError")

print(sorted(n for n in ["Thread", "Timer", "Lock", "RLock", "Condition", "Semaphore",
                         "BoundedSemaphore", "Event", "Barrier", "local", "excepthook"]
             if hasattr(threading, n)))
print(threading.main_thread().is_alive())
