# The default threading.excepthook writes "Exception in thread NAME:" and the
# traceback to sys.stderr. The traceback passes through threading's own frames
# (whose file names differ between implementations), so it is captured and
# only its first and last lines are compared.
import sys
import threading

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def lines(self):
        return "".join(self.parts).splitlines()

def fails():
    raise ValueError("boom")

def run_captured(**kw):
    cap = Capture()
    saved, sys.stderr = sys.stderr, cap
    try:
        t = threading.Thread(**kw)
        t.start()
        t.join()
    finally:
        sys.stderr = saved
    return cap.lines()

lines = run_captured(target=fails)
print(lines[0])
print(lines[-1])

lines = run_captured(target=fails, name="named")
print(lines[0], "|", lines[-1])

class Custom(Exception):
    pass
def custom():
    raise Custom("with message")
lines = run_captured(target=custom)
print(lines[0], "|", lines[-1])

def no_message():
    raise KeyError
lines = run_captured(target=no_message)
print(lines[0], "|", lines[-1])

# SystemExit is silent.
print(run_captured(target=sys.exit, args=(3,)))
print("main continues")
