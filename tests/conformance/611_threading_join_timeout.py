# join(timeout) on a thread that is still running.
import threading
import time

stop = threading.Event()
def sleeper():
    stop.wait(5)
    time.sleep(0.01)

t = threading.Thread(target=sleeper)
t.start()
t.join(0.02)
print("alive after join(0.02):", t.is_alive())
t.join(0)
print("alive after join(0):", t.is_alive())
t.join(-1)
print("alive after join(-1):", t.is_alive())
stop.set()
t.join()
print("alive after join():", t.is_alive())
t.join()
t.join(0.01)
print("joining again is fine")

# A short sleep in the thread: join with a long timeout returns early.
def short():
    time.sleep(0.02)
t = threading.Thread(target=short)
start = time.monotonic()
t.start()
t.join(5)
print("joined well before the timeout:", time.monotonic() - start < 4, t.is_alive())

# Several threads joined with a shared deadline.
events = [threading.Event() for _ in range(3)]
threads = [threading.Thread(target=e.wait, args=(5,)) for e in events]
for th in threads:
    th.start()
events[1].set()
threads[1].join(2)
print([th.is_alive() for th in threads][1])
for e in events:
    e.set()
for th in threads:
    th.join()
print([th.is_alive() for th in threads])

# is_alive() before start and after the end.
t = threading.Thread(target=lambda: None)
print(t.is_alive())
t.start()
t.join()
print(t.is_alive())
