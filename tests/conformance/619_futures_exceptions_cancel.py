# Exceptions through futures, cancellation, shutdown, and the Future API.
import threading
import time
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, Future, CancelledError

def fail(msg):
    raise KeyError(msg)

with ThreadPoolExecutor(2) as ex:
    f = ex.submit(fail, "missing")
    try:
        f.result()
    except KeyError as e:
        print("result raised:", repr(e))
    print("exception():", repr(f.exception()), f.done(), f.cancelled(), f.running())
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    got = []
    try:
        for v in it:
            got.append(v)
    except ZeroDivisionError as e:
        print("map raised:", e, got)
    ok = ex.submit(lambda: "fine")
    print(ok.result(), ok.exception())

# cancel(): a call waiting behind a busy worker can be cancelled.
gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(gate.wait, 5)
queued = ex.submit(lambda: "never runs")
while not running.running():
    time.sleep(0.001)
print("running:", running.running(), "cancel running:", running.cancel())
print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done(), queued.cancel())
try:
    queued.result()
except CancelledError as e:
    print("CancelledError", repr(str(e)))
try:
    queued.exception()
except cf.CancelledError:
    print("exception() raises CancelledError too")
gate.set()
print(running.result())

# shutdown(cancel_futures=True) cancels what has not started.
gate = threading.Event()
first = ex.submit(gate.wait, 5)
while not first.running():
    time.sleep(0.001)
rest = [ex.submit(lambda i=i: i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print([f.cancelled() for f in rest], first.result())
try:
    ex.submit(print, "too late")
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()
ex.shutdown(wait=True)

# result(timeout) and exception(timeout) on a slow call.
gate = threading.Event()
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(gate.wait, 5)
    for get in (f.result, f.exception):
        try:
            get(timeout=0.01)
        except cf.TimeoutError as e:
            print("TimeoutError", type(e) is TimeoutError, repr(str(e)))
    gate.set()
    print(f.result(timeout=5))
    # map with a timeout that runs out.
    gate2 = threading.Event()
    results = ex.map(gate2.wait, [5, 5], timeout=0.02)
    try:
        list(results)
    except TimeoutError:
        print("map timed out")
    gate2.set()

# A Future driven by hand.
f = Future()
print(f.done(), f.running(), f.cancelled())
print(f.set_running_or_notify_cancel(), f.running())
f.set_result(42)
print(f.result(), f.done(), f.exception())
try:
    f.set_result(43)
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])
try:
    f.set_exception(ValueError())
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])
# (This one also logs the future's id to stderr: keep that out of the output.)
import sys
class Sink:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass
sink = Sink()
saved, sys.stderr = sys.stderr, sink
try:
    f.set_running_or_notify_cancel()
except RuntimeError as e:
    print("RuntimeError:", e)
finally:
    sys.stderr = saved
print("logged:", "in unexpected state: FINISHED" in sink.text)

f = Future()
f.set_exception(ValueError("by hand"))
print(repr(f.exception()), f.done())
f = Future()
print(f.cancel(), f.set_running_or_notify_cancel(), f.cancelled())

# Done callbacks: in order, once done; immediately if already done.
calls = []
f = Future()
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
f.add_done_callback(lambda fut: calls.append(("second", fut.result())))
f.set_result("v")
f.add_done_callback(lambda fut: calls.append(("late", fut.result())))
print(calls)
c = Future()
c.add_done_callback(lambda fut: calls.append(("cancelled", fut.cancelled())))
c.cancel()
print(calls[-1])

# Callback from a pool thread.
names = []
with ThreadPoolExecutor(1, thread_name_prefix="cb") as ex:
    gate = threading.Event()
    f = ex.submit(gate.wait, 5)
    f.add_done_callback(lambda fut: names.append(threading.current_thread().name))
    gate.set()
print(names)

# Exception hierarchy.
print(issubclass(cf.CancelledError, cf._base.Error) if hasattr(cf, "_base") else True)
print(issubclass(cf.BrokenExecutor, RuntimeError), cf.TimeoutError is TimeoutError)
print(issubclass(cf.InvalidStateError, Exception), issubclass(CancelledError, Exception))
print(CancelledError.__name__, cf.InvalidStateError.__name__, cf.BrokenExecutor.__name__)

# The base Executor cannot submit.
try:
    cf.Executor().submit(print)
except NotImplementedError:
    print("NotImplementedError")
with cf.Executor() as base:
    print(type(base).__name__)
