# Error messages of misused threads and primitives.
import threading

def job():
    pass

t = threading.Thread(target=job)
try:
    t.join()
except RuntimeError as e:
    print("join before start:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)
t.join()
try:
    t.start()
except RuntimeError as e:
    print("start after end:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("daemon of started thread:", e)

# Joining yourself.
errors = []
def self_join():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))
s = threading.Thread(target=self_join)
s.start()
s.join()
print("self join:", errors)
try:
    threading.main_thread().join()
except RuntimeError as e:
    print("main joins itself:", e)

# A subclass that forgets Thread.__init__.
class Forgetful(threading.Thread):
    def __init__(self):
        pass
f = Forgetful()
try:
    f.start()
except RuntimeError as e:
    print("no __init__, start:", e)
try:
    f.join()
except RuntimeError as e:
    print("no __init__, join:", e)
try:
    f.daemon = True
except RuntimeError as e:
    print("no __init__, daemon:", e)

# group must be None.
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("group:", e)

# Locks.
lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("Lock:", e)
rlock = threading.RLock()
try:
    rlock.release()
except RuntimeError as e:
    print("RLock:", e)
try:
    with rlock:
        rlock.release()
        rlock.release()
except RuntimeError as e:
    print("RLock twice:", e)

# Conditions need their lock held.
cond = threading.Condition()
for name in ("wait", "notify", "notify_all"):
    try:
        getattr(cond, name)()
    except RuntimeError as e:
        print("Condition.%s:" % name, e)
try:
    cond.wait_for(lambda: False, 0)
except RuntimeError as e:
    print("Condition.wait_for:", e)

# Semaphores.
for make in (lambda: threading.Semaphore(-2), lambda: threading.BoundedSemaphore(-1)):
    try:
        make()
    except ValueError as e:
        print("Semaphore:", e)
bs = threading.BoundedSemaphore(1)
try:
    bs.release()
except ValueError as e:
    print("BoundedSemaphore:", e)
try:
    bs.acquire(blocking=False, timeout=2)
except ValueError as e:
    print("acquire:", e)

# Barrier errors are RuntimeErrors.
b = threading.Barrier(2)
b.abort()
try:
    b.wait()
except RuntimeError as e:
    print("Barrier:", type(e).__name__, repr(str(e)))

print(isinstance(threading.ThreadError(), RuntimeError))
print("done")
