# A race condition: 4 threads add 1 to a shared counter by reading it, pausing
# and writing it back. Without a lock, updates get lost; with one, never.
import threading
import time

THREADS, ADDS = 4, 1000
counter = 0
lock = threading.Lock()

def add_unsafely():
    global counter
    for _ in range(ADDS):
        value = counter          # read
        time.sleep(0)            # let another thread run right here
        counter = value + 1      # write: may overwrite another thread's update

def add_with_lock():
    global counter
    for _ in range(ADDS):
        with lock:               # only one thread at a time reads and writes
            value = counter
            time.sleep(0)
            counter = value + 1

def run(target):
    global counter
    counter = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter

print(f"expected:     {THREADS * ADDS}")
unsafe = run(add_unsafely)
print(f"without lock: {unsafe} ({THREADS * ADDS - unsafe} updates lost)")
print(f"with lock:    {run(add_with_lock)}")
