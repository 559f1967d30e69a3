# Without the `if __name__ == "__main__":` guard, a spawned child that runs
# this file again tries to start a process while importing it: CPython's
# bootstrapping RuntimeError, in the child, whose exit code is 1.
import multiprocessing as mp
import sys


def report(kind, value, tb):
    # The traceback names CPython's own files; print the error's first line.
    print("child:", kind.__name__, value.args[0].strip().splitlines()[0])


if __name__ == "__mp_main__":
    sys.excepthook = report


def f():
    print("never runs")


ctx = mp.get_context("spawn")
p = ctx.Process(target=f)
p.start()
p.join()
print("exit", p.exitcode)
