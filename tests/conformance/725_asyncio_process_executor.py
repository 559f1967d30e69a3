# loop.run_in_executor with a ProcessPoolExecutor: CPU-bound work in other
# processes, awaited by the event loop.
import asyncio
from concurrent.futures import ProcessPoolExecutor

def cpu(n):
    return sum(i * i for i in range(n))

async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = await asyncio.gather(*(loop.run_in_executor(ex, cpu, n) for n in (10, 100, 1000)))
    print(results)

asyncio.run(main())
