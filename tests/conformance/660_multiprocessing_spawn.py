# The spawn start method: the child runs this file again as __mp_main__ (so
# the guard keeps it from starting processes), then calls the target, which
# travels by pickle: a lambda can't.
import multiprocessing as mp

print("module runs as", __name__)


def f(x):
    print("child got", x, __name__)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    p = mp.Process(target=f, args=(42,))
    p.start()
    p.join()
    print("exit", p.exitcode)
    q = mp.Process(target=lambda: 1)
    try:
        q.start()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
    ctx = mp.get_context("fork")
    r = ctx.Process(target=f, args=("fork context",))
    r.start()
    r.join()
