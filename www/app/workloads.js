// Compare's two starter workloads: the seed article's lesson in one pair.
// The same eight jobs, once computing (CPU-bound) and once waiting (I/O-bound).

export const CPU_BOUND = `# A CPU-bound workload: each job computes all the time.
# Compare runs work(x) for every x in INPUTS under each model.

def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

INPUTS = [400_000] * 8
`;

export const IO_BOUND = `# An I/O-bound workload: each job mostly waits (as for a network reply).
# asyncio uses awork(x), the same job written with await.
import time
import asyncio

def work(x):
    time.sleep(0.2)  # waiting, not computing
    return x * x

async def awork(x):
    await asyncio.sleep(0.2)
    return x * x

INPUTS = list(range(8))
`;

export const WORKLOADS = [
  { label: 'CPU-bound workload', code: CPU_BOUND },
  { label: 'I/O-bound workload', code: IO_BOUND },
];
