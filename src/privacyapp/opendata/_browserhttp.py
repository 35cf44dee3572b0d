"""The static web build's HTTP client: the browser's own request, to the hosts it may ask.

In the browser (Pyodide) Python has no sockets, so httpx's own transport cannot connect. This
transport hands each request to the browser (a synchronous ``XMLHttpRequest``: the app's Python
runs in a web worker, where that is allowed, and the directory's code is synchronous). The
browser then applies CORS and the page's Content-Security-Policy, as for any web page.

Only the hosts in ``allowed`` are asked; any other request fails at once with
``httpx.ConnectError`` before the browser sees it. The web build allows only PDOK's Locatieserver
(CORS open, no key; ``domain/research-juridisch.md`` §6.2), for the postcode lookup the user asks
for. The register refresh is not attempted there (``MunicipalityDirectory(asks_register=False)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import httpx

__all__ = ["BrowserTransport", "browser_client"]

#: Headers a browser refuses to let a page set (the Fetch standard's forbidden names).
_BROWSER_SETS = {"host", "connection", "content-length", "accept-encoding", "user-agent"}


def _xhr() -> Any:  # pragma: no cover - Pyodide (web worker) only
    import js  # type: ignore[import-not-found]

    return js.XMLHttpRequest.new()


class BrowserTransport(httpx.BaseTransport):
    """An httpx transport that sends each request through the browser (see the module doc)."""

    def __init__(
        self, allowed: Iterable[str], *, xhr: Callable[[], Any] = _xhr, timeout_ms: int = 15_000
    ) -> None:
        self._allowed = frozenset(host.lower() for host in allowed)
        self._xhr = xhr
        self._timeout_ms = timeout_ms

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host.lower()
        if request.url.scheme != "https" or host not in self._allowed:
            raise httpx.ConnectError(f"the web build does not ask {host}", request=request)
        xhr = self._xhr()
        xhr.open(request.method, str(request.url), False)
        for name, value in request.headers.items():
            if name.lower() not in _BROWSER_SETS:
                xhr.setRequestHeader(name, value)
        xhr.responseType = "arraybuffer"  # allowed for a synchronous request in a worker
        xhr.timeout = self._timeout_ms  # a synchronous request holds Python until it ends
        body = request.read()
        try:
            xhr.send(body if body else None)
        except Exception as exc:  # NetworkError (offline, CORS, the CSP) or TimeoutError
            if "timeout" in str(exc).lower():
                raise httpx.ReadTimeout(f"{host} did not answer in time", request=request) from exc
            raise httpx.ConnectError(
                f"the browser could not reach {host}", request=request
            ) from exc
        if int(xhr.status) == 0:  # refused without an exception (same causes)
            raise httpx.ConnectError(f"the browser could not reach {host}", request=request)
        return httpx.Response(
            int(xhr.status),
            headers=_headers(str(xhr.getAllResponseHeaders() or "")),
            content=_body(xhr),
            request=request,
        )


def browser_client(allowed: Iterable[str]) -> httpx.Client:
    """An ``httpx.Client`` for the web build that asks only ``allowed`` hosts."""
    return httpx.Client(transport=BrowserTransport(allowed))


#: The browser has already undone these: the body it hands over is the plain, whole body.
_UNDONE = {"content-encoding", "content-length", "transfer-encoding"}


def _headers(raw: str) -> list[tuple[str, str]]:
    pairs = []
    for line in raw.split("\r\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip() and name.strip().lower() not in _UNDONE:
            pairs.append((name.strip(), value.strip()))
    return pairs


def _body(xhr: Any) -> bytes:
    response = xhr.response
    if response is None:
        return b""
    if isinstance(response, bytes | bytearray):  # a fake in tests
        return bytes(response)
    import js

    return bytes(js.Uint8Array.new(response).to_py())
