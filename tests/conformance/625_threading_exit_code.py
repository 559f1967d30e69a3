# sys.exit() in the main thread still waits for non-daemon threads, keeps the
# exit code, and abandons daemon threads; threading atexit hooks run first.
import sys
import threading
import time

# Called last to first: the append runs before the print.
hook_calls = []
threading._register_atexit(lambda: print("atexit hooks ran:", hook_calls))
threading._register_atexit(hook_calls.append, "registered second, called first")

go = threading.Event()

def worker():
    go.wait(5)
    time.sleep(0.01)
    print("non-daemon worker finished")

def daemon():
    go.wait(5)
    time.sleep(1)
    print("daemon should never print this")

threading.Thread(target=worker).start()
threading.Thread(target=daemon, daemon=True).start()

# SystemExit raised inside a thread only ends that thread.
def quitter():
    sys.exit(9)
t = threading.Thread(target=quitter)
t.start()
t.join()
print("thread's sys.exit ended only the thread")

go.set()
print("main calls sys.exit(3)")
sys.exit(3)
