"""spindle.web: fetch resources over HTTP from Spindle programs.

Not part of Python's standard library: it exists because a browser tab has no
sockets. URLs are resolved against the page, so "data/words.txt" fetches a
file the playground serves; other origins must allow CORS.

    text = await fetch_text(url)       # in a coroutine: the event loop
    data = await fetch_bytes(url)      # keeps going while it is in flight
    text = fetch_text_sync(url)        # in threads and processes: blocks the caller

In the main thread (and in every thread where threads interleave), an
awaited fetch is the browser's fetch() promise: the loop awaits it with its
timers on the browser's event loop, and several fetches are in flight at
once. A loop in another thread fetches on a helper thread instead.

Errors: OSError when the request fails; an HTTP status of 400 or more raises
OSError("HTTP 404 for data/missing.txt") too.
"""
import asyncio as _asyncio
import _spindle

__all__ = ["fetch_text", "fetch_bytes", "fetch_text_sync", "fetch_bytes_sync"]


def fetch_bytes_sync(url):
    """GET url and return the body as bytes, blocking the calling thread."""
    status, body = _spindle.fetch(url)
    if status >= 400:
        raise OSError(f"HTTP {status} for {url}")
    return body


def fetch_text_sync(url, encoding="utf-8"):
    """GET url and return the body decoded as text, blocking the calling thread."""
    return fetch_bytes_sync(url).decode(encoding)


async def fetch_bytes(url):
    """GET url and return the body as bytes, without blocking the event loop."""
    if not isinstance(url, str):
        raise TypeError(f"fetch_bytes() argument must be str, not {type(url).__name__}")
    future = _asyncio.get_running_loop()._host_fetch(url)
    if future is None:
        return await _asyncio.to_thread(fetch_bytes_sync, url)
    status, body = await future
    if status >= 400:
        raise OSError(f"HTTP {status} for {url}")
    return body


async def fetch_text(url, encoding="utf-8"):
    """GET url and return the body as text, without blocking the event loop."""
    return (await fetch_bytes(url)).decode(encoding)
