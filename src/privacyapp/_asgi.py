"""Small ASGI helpers shared by the citizen app's and the studio's web servers (no flet)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "ASGIApp",
    "with_headers",
    "with_security_headers",
]

#: Only this origin, for everything: the citizen app's web mode, the static web build (its page
#: and headers file, read by ``scripts/_web_site.py``) and the editors' studio.
#: 'unsafe-eval'/'wasm-unsafe-eval' are what Flutter's CanvasKit needs; 'unsafe-inline' covers
#: the client's inline bootstrap script and styles.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'none'",
        "frame-ancestors 'none'",  # no other site may frame it (clickjacking a PIN, a password)
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
)

#: The headers every HTTP response of the app's and the studio's web servers carries.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
)

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


def with_headers(app: ASGIApp, headers: Sequence[tuple[bytes, bytes]]) -> ASGIApp:
    """``app`` with ``headers`` added to every HTTP response (security headers, the CSP)."""
    extra = list(headers)

    async def wrapped(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message.get("type") == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """``app`` with :data:`SECURITY_HEADERS` on every HTTP response."""
    return with_headers(app, SECURITY_HEADERS)
