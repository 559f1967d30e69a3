# Timer: fires after its interval unless cancelled.
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=["first"])
print(t.name, t.is_alive(), t.interval)
t.start()
t.join()
print(fired, t.is_alive(), t.finished.is_set())

# Cancelled before it fires: the function never runs.
t = threading.Timer(0.05, fired.append, args=["never"])
t.start()
t.cancel()
t.join()
print(fired, t.finished.is_set())

# kwargs, and cancel() after firing is harmless.
result = {}
def store(key, value=None):
    result[key] = value
t = threading.Timer(0.001, store, args=("k",), kwargs={"value": 7})
t.start()
t.join()
t.cancel()
print(result)

# Several timers; they all fire, in order of their intervals.
order = []
lock = threading.Lock()
def note(i):
    with lock:
        order.append(i)
timers = [threading.Timer(0.01 * (3 - i), note, args=(i,)) for i in range(3)]
for tm in timers:
    tm.start()
for tm in timers:
    tm.join()
print(sorted(order))

# A Timer is a Thread.
print(isinstance(t, threading.Thread), t.daemon)

# Timer subclass with its own function args default.
class Alarm(threading.Timer):
    pass
a = Alarm(0.001, lambda: fired.append("alarm"))
a.start()
a.join()
print(fired[-1], a.args, a.kwargs)
