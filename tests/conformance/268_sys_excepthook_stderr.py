# sys.excepthook / sys.__excepthook__ write to the current sys.stderr object;
# sys.stderr is sys.__stderr__ at startup; an uncaught exception goes through
# sys.excepthook and so to a replaced sys.stderr.
import sys

print(sys.stderr is sys.__stderr__, sys.stdout is sys.__stdout__)

def clean(text):
    # Drop CPython's caret lines (a presentation detail).
    return [l for l in text.splitlines() if not (l.strip() and set(l.strip()) <= set("^~"))]

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def text(self):
        return "".join(self.parts)

def fail(n):
    if n == 0:
        raise ValueError("deep failure")
    fail(n - 1)

cap = Capture()
sys.stderr = cap
try:
    fail(2)
except ValueError:
    sys.excepthook(*sys.exc_info())
    sys.__excepthook__(*sys.exc_info())
sys.stderr = sys.__stderr__
lines = clean(cap.text())
print(len(lines), lines.count("Traceback (most recent call last):"), lines[-1])
for l in lines[:len(lines) // 2]:
    print("|", l.replace(__file__, "FILE"))

cap2 = Capture()
sys.stderr = cap2
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("while handling") from e
except RuntimeError:
    sys.excepthook(*sys.exc_info())
sys.stderr = sys.__stderr__
for l in clean(cap2.text()):
    print("|", l.replace(__file__, "FILE"))

# Not an exception instance.
cap3 = Capture()
sys.stderr = cap3
sys.__excepthook__(int, 5, None)
sys.stderr = sys.__stderr__
print(repr(cap3.text()))

sys.stderr = None
sys.excepthook(ValueError, ValueError("lost"), None)
sys.stderr = sys.__stderr__
print("after None stderr")

# The uncaught exception: sys.excepthook writes to the replaced sys.stderr,
# which forwards to stdout with a prefix.
class Forward:
    # CPython writes an uncaught traceback in fragments: forward whole lines.
    def __init__(self):
        self.buf = ""
    def write(self, s):
        self.buf += s
        while "\n" in self.buf:
            l, self.buf = self.buf.split("\n", 1)
            if not (l.strip() and set(l.strip()) <= set("^~")):
                sys.__stdout__.write("fwd: " + l.replace(__file__, "FILE") + "\n")
        return len(s)
    def flush(self):
        pass

sys.stderr = Forward()
print("done", flush=True)
fail(1)
