# multiprocessing.Process with the fork start method: the child gets a copy of
# __main__ (functions, lambdas, classes, values) as it is at start(); nothing flows
# back; exceptions, sys.exit codes and subclasses with run() work as in CPython.
from multiprocessing import Process, current_process
import os

counter = 10
data = {"k": [1, 2]}

def print_numbers(tag):
    global counter
    counter += 1
    data["k"].append(3)
    print(f"{tag} in {current_process().name}, counter {counter}, data {data}")

class Headlines:
    """CPython's traceback passes through multiprocessing/process.py, so keep
    only the lines that are not frames, to make stderr comparable."""
    def __init__(self, real):
        self.real = real
    def write(self, text):
        for line in text.splitlines(True):
            if not line.startswith((" ", "Traceback")):
                self.real.write(line)
    def flush(self):
        self.real.flush()

def boom():
    import sys
    sys.stderr = Headlines(sys.stderr)
    raise ValueError("boom")

class Worker(Process):
    def __init__(self, n):
        super().__init__()
        self.n = n
    def run(self):
        print("subclass run", self.n, square(self.n))

def square(x):
    return x * x

p1 = Process(target=print_numbers, args=("numbers",))
p2 = Process(target=lambda: print("lambda child"))
p1.start(); p1.join()
p2.start(); p2.join()
print("parent counter", counter, data, p1.exitcode, p2.exitcode)
p3 = Process(target=boom); p3.start(); p3.join(); print("exitcode", p3.exitcode)
w = Worker(7); w.start(); w.join(); print(w.exitcode, w.name, p1.name, w.is_alive())
import sys
p4 = Process(target=sys.exit, args=(3,)); p4.start(); p4.join(); print("exit", p4.exitcode)
