"""spindle.web: fetch resources over HTTP from Spindle programs.

Not part of Python's standard library: it exists because a browser tab has no
sockets. URLs are resolved against the page, so "data/words.txt" fetches a
file the playground serves; other origins must allow CORS.

    text = await fetch_text(url)       # in a coroutine: runs on a thread,
    data = await fetch_bytes(url)      # so the event loop keeps going
    text = fetch_text_sync(url)        # in threads and processes: blocks the caller

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
    return await _asyncio.to_thread(fetch_bytes_sync, url)


async def fetch_text(url, encoding="utf-8"):
    """GET url and return the body as text, without blocking the event loop."""
    return await _asyncio.to_thread(fetch_text_sync, url, encoding)
