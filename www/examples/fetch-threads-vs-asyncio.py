# Fetch several files two ways: blocking calls on a ThreadPoolExecutor, and
# coroutines under asyncio.gather. Both overlap the waits for the network.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

URLS = ["data/fox.txt", "data/poem-1.txt", "data/poem-2.txt", "data/poem-3.txt"]

try:
    # Spindle's module: URLs are relative to the playground page.
    from spindle.web import fetch_text, fetch_text_sync
except ImportError:
    # Elsewhere (python3): read the same files from disk, next to this script.
    import os
    WWW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

    def fetch_text_sync(url):
        with open(os.path.join(WWW, url), encoding="utf-8") as f:
            return f.read()

    async def fetch_text(url):
        return await asyncio.to_thread(fetch_text_sync, url)

def first_line(text):
    return text.splitlines()[0]

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:   # one blocking fetch per thread
    texts = list(pool.map(fetch_text_sync, URLS))
print(f"threads: {len(texts)} files in {time.perf_counter() - start:.2f} s")
for url, text in zip(URLS, texts):
    print(f"  {url:16} {first_line(text)}")

async def main():
    # Each fetch_text() waits without blocking the event loop, so all overlap.
    return await asyncio.gather(*(fetch_text(url) for url in URLS))

start = time.perf_counter()
texts = asyncio.run(main())
print(f"asyncio: {len(texts)} files in {time.perf_counter() - start:.2f} s")
print("same texts both ways:", texts == [fetch_text_sync(url) for url in URLS])
