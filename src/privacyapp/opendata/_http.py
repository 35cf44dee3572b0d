"""The HTTP client the app injects into the directory: one place for its timeouts.

The app's only outbound requests are the register's export and, when the user asks, a postcode
lookup at PDOK (DESIGN.md §5). Services never make their own client; the composition roots (the
app and the CLI) make this one and pass it in, so tests can pass a mock transport instead.
"""

from __future__ import annotations

import httpx

__all__ = ["HTTP_TIMEOUT", "default_client"]

#: 30 s for each read (httpx counts per read, not per request), 10 s to connect. The register
#: download adds its own overall deadline (``DEFAULT_DEADLINE`` in ``_feed``) and follows
#: redirects only within the register's host.
HTTP_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def default_client() -> httpx.Client:
    """Return a new client with bounded timeouts that follows redirects (close it when done)."""
    return httpx.Client(timeout=HTTP_TIMEOUT, follow_redirects=True)
