# A daemon thread still running at exit does not keep the program alive;
# non-daemon threads are waited for after the main module ends.
import threading
import time

never = threading.Event()
def forever():
    never.wait()

d = threading.Thread(target=forever, daemon=True, name="background")
d.start()
print(d.daemon, d.is_alive())

# A daemon thread that loops with short sleeps.
ticks = [0]
def ticker():
    while True:
        ticks[0] += 1
        time.sleep(0.005)
threading.Thread(target=ticker, daemon=True).start()

# A non-daemon thread that finishes after the main module's last line:
# the interpreter waits for it, so its output appears at the end.
gate = threading.Event()
def late():
    gate.wait(5)
    time.sleep(0.01)
    print("late thread done")

threading.Thread(target=late).start()
print("main module ends")
gate.set()
