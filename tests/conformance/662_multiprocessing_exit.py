# At the end of the main program, non-daemon children are waited for and
# daemonic ones terminated, as multiprocessing's exit hook does.
from multiprocessing import Process
import time
def f():
    time.sleep(0.2)
    print("child done")
def g():
    time.sleep(5)
    print("daemon never prints")
Process(target=f).start()
d = Process(target=g, daemon=True); d.start()
print("parent done")
