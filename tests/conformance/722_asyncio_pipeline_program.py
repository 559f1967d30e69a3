# A small program: a crawler-like pipeline. A fixed pool of fetchers takes
# URLs from a queue, a semaphore limits "connections", results flow into a
# second queue, and a reporter summarises them.
import asyncio
import random

random.seed(7)

PAGES = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/"],
    "/b": ["/b/1", "/missing"],
    "/c": [],
    "/a/1": ["/a/2"],
    "/a/2": [],
    "/b/1": ["/c"],
}


class NotFound(Exception):
    pass


async def fetch(url, limit, stats):
    async with limit:
        stats["open"] += 1
        stats["peak"] = max(stats["peak"], stats["open"])
        await asyncio.sleep(random.choice([0.001, 0.002, 0.003]))
        stats["open"] -= 1
    if url not in PAGES:
        raise NotFound(url)
    return PAGES[url]


async def fetcher(name, todo, results, seen, limit, stats):
    while True:
        url = await todo.get()
        try:
            links = await fetch(url, limit, stats)
        except NotFound as e:
            await results.put((url, "404"))
        else:
            await results.put((url, len(links)))
            for link in links:
                if link not in seen:
                    seen.add(link)
                    todo.put_nowait(link)
        finally:
            todo.task_done()


async def reporter(results, report):
    while True:
        url, info = await results.get()
        report[url] = info
        results.task_done()


async def crawl(start):
    todo, results = asyncio.Queue(), asyncio.Queue(maxsize=2)
    seen = {start}
    stats = {"open": 0, "peak": 0}
    limit = asyncio.Semaphore(2)
    report = {}
    todo.put_nowait(start)
    workers = [asyncio.create_task(fetcher(f"f{i}", todo, results, seen, limit, stats))
               for i in range(4)]
    rep = asyncio.create_task(reporter(results, report))
    await todo.join()
    await results.join()
    for w in workers + [rep]:
        w.cancel()
    outcomes = await asyncio.gather(*workers, rep, return_exceptions=True)
    print("workers ended cancelled:",
          all(isinstance(o, asyncio.CancelledError) for o in outcomes))
    print("peak open connections:", stats["peak"])
    return report


report = asyncio.run(crawl("/"))
for url in sorted(report):
    print(f"{url:10} {report[url]}")
