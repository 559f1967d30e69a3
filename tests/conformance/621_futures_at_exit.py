# At exit the interpreter finishes queued pool work and joins the workers,
# even when the executor was never shut down.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(max_workers=2, thread_name_prefix="exit")
gate = threading.Event()
lock = threading.Lock()
log = []

def step(i):
    gate.wait(5)
    time.sleep(0.002)
    with lock:
        log.append(i)
        last = len(log) == 6
    if last:
        print("all six steps ran:", sorted(log))

futures = [ex.submit(step, i) for i in range(6)]
print("submitted", len(futures))

# A non-daemon thread that prints after the main module has finished.
def closer():
    gate.wait(5)
    for f in futures:
        f.result()
    print("closer saw every future done:", all(f.done() for f in futures))

threading.Thread(target=closer).start()
gate.set()
print("main module done")
