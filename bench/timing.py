# Benchmark timing helper for bench/run.sh: runs a command N times, prints the median wall time
# in seconds, and saves the stdout of the last run (plus exit status) to a file for comparison.
import statistics
import subprocess
import sys
import time

def main():
    args = sys.argv[1:]
    runs, out, timeout = 3, None, 300.0
    while args and args[0] != "--":
        if args[0] == "--runs":
            runs = int(args[1]); args = args[2:]
        elif args[0] == "--out":
            out = args[1]; args = args[2:]
        elif args[0] == "--timeout":
            timeout = float(args[1]); args = args[2:]
        else:
            sys.exit(f"timing.py: unknown option {args[0]}")
    cmd = args[1:]
    times = []
    stdout = b""
    status = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, timeout=timeout)
            stdout, status = p.stdout, p.returncode
        except subprocess.TimeoutExpired:
            stdout, status = b"TIMEOUT\n", -1
        times.append(time.perf_counter() - t0)
    if out:
        with open(out, "wb") as f:
            f.write(stdout)
            f.write(b"exit status %d\n" % status)
    print("%.3f" % statistics.median(times))

main()
