# Exceptions escaping a thread go to threading.excepthook; the program goes on.
import threading

reports = []
def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                    type(args.exc_traceback).__name__))

print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook

def fails():
    raise ValueError("boom")

def fails_with_key():
    {}["missing"]

t = threading.Thread(target=fails)
t.start()
t.join()
t = threading.Thread(target=fails_with_key, name="keyed")
t.start()
t.join()
print(reports)
print("thread ended:", t.is_alive())

# SystemExit goes to the hook too (the default hook ignores it).
reports.clear()
def exits():
    raise SystemExit(5)
t = threading.Thread(target=exits)
t.start()
t.join()
print(reports)

# The hook sees an ExceptHookArgs with four fields.
seen = []
def hook2(args):
    seen.append((len(args), args[0] is args.exc_type, args[1] is args.exc_value,
                 args.thread is threading.current_thread()))
threading.excepthook = hook2
t = threading.Thread(target=fails)
t.start()
t.join()
print(seen, type(seen[0]))

# Back to the default hook.
threading.excepthook = threading.__excepthook__

# SystemExit in a thread is silent with the default hook.
t = threading.Thread(target=exits)
t.start()
t.join()
print("silent SystemExit")

# Exceptions caught inside the target never reach the hook.
caught = []
def careful():
    try:
        raise KeyError("k")
    except KeyError as e:
        caught.append(repr(e))
t = threading.Thread(target=careful)
t.start()
t.join()
print(caught)

# Errors inside a Thread subclass's run() are reported with the thread's name.
threading.excepthook = hook
reports.clear()
class Failing(threading.Thread):
    def run(self):
        raise RuntimeError("in run of " + self.name)
f = Failing(name="failing-worker")
f.start()
f.join()
print(reports)
print("main continues")
