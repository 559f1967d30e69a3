# CPU-bound versus I/O-bound: the same 4 jobs on 1 thread, then on 4 threads.
# Threads overlap waiting everywhere, but computing only without a GIL.
import threading
import time

def cpu_job():
    total = 0
    for i in range(500_000):    # pure-Python arithmetic: needs the CPU all along
        total += i * i % 7

def io_job():
    time.sleep(0.25)            # stands for waiting on a network or a disk

def run_jobs(job, n_threads, n_jobs=4):
    """Run n_jobs calls of job, shared out between n_threads threads."""
    def worker():
        for _ in range(n_jobs // n_threads):
            job()
    threads = [threading.Thread(target=worker) for _ in range(n_threads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start

run_jobs(cpu_job, 2)   # warm-up, untimed: a fresh interpreter starts out slower
for name, job in [("I/O-bound", io_job), ("CPU-bound", cpu_job)]:
    one = run_jobs(job, 1)
    four = run_jobs(job, 4)
    print(f"{name}: 1 thread {one:.2f} s, 4 threads {four:.2f} s "
          f"({one / four:.1f}x speedup)")
