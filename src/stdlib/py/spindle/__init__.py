"""Spindle's own modules (not part of Python's standard library).

spindle.web fetches resources from the page's origin (or CORS-enabled ones),
so that I/O-bound examples do real I/O in the browser.
"""
