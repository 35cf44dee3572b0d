"""Web mode serves the client compressed (gzip), keeps its security headers, and lets sessions
of closed tabs go after a few minutes."""

from __future__ import annotations

import asyncio
import gzip
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from privacyapp import app as app_module
from privacyapp._asgi import with_security_headers
from privacyapp.app import SESSION_TIMEOUT_SECONDS, _with_gzip

CLIENT = b"(function(){ /* the web client */ })();\n" * 2000


class StaticFiles:
    """What Flet's static file server answers: the file in chunks, with an ETag."""

    def __init__(self, body: bytes = CLIENT, kind: bytes = b"application/javascript") -> None:
        self.body, self.kind, self.calls = body, kind, 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        headers = [
            (b"content-type", self.kind),
            (b"content-length", b"%d" % len(self.body)),
            (b"etag", b'"abc"'),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        half = len(self.body) // 2
        await send({"type": "http.response.body", "body": self.body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": self.body[half:]})


def get(asgi: Any, *, accept: bytes = b"gzip, deflate, br", extra: list[Any] | None = None) -> Any:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/main.dart.js",
        "headers": [(b"accept-encoding", accept), *(extra or [])],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(asgi(scope, receive, send))
    headers = dict(sent[0]["headers"])
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return sent[0]["status"], headers, body


def test_the_client_is_sent_compressed_with_its_security_headers() -> None:
    served = with_security_headers(_with_gzip(StaticFiles(), delay=0))
    status, headers, body = get(served)  # the first visitor: as it is, compressed meanwhile
    assert status == 200 and body == CLIENT and b"content-encoding" not in headers
    assert b"default-src 'self'" in headers[b"content-security-policy"]
    status, headers, body = get(served)
    assert status == 200
    assert headers[b"content-encoding"] == b"gzip"
    assert gzip.decompress(body) == CLIENT
    assert int(headers[b"content-length"]) == len(body) < len(CLIENT) / 5
    assert b"default-src 'self'" in headers[b"content-security-policy"]
    assert headers[b"vary"] == b"Accept-Encoding"


def test_each_file_is_compressed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = gzip.compress
    monkeypatch.setattr(
        app_module.gzip, "compress", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    served = _with_gzip(StaticFiles(), delay=0)
    replies = [get(served) for _ in range(4)]
    assert replies[1] == replies[2] == replies[3] and len(calls) == 1
    assert replies[1][1][b"content-encoding"] == b"gzip"


def test_a_server_stopping_before_its_compression_starts_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The compression starts 10 s after a file's first request; a server stopped before
    that (its worker threads already shut down) left an error per pending file in the log."""
    served = _with_gzip(StaticFiles(), delay=0.05)

    async def stop_early() -> None:
        loop = asyncio.get_running_loop()
        await served(*_request(), _drop)  # the first visitor: compression is due in 0.05 s
        await loop.shutdown_default_executor()  # what stopping the server's loop does
        await asyncio.sleep(0.1)

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        asyncio.run(stop_early())
    assert [r.getMessage() for r in caplog.records] == []
    status, headers, _ = get(served)  # a later server run may still compress the file
    assert status == 200 and b"content-encoding" not in headers


def _request() -> tuple[dict[str, Any], Any]:
    scope = {"type": "http", "method": "GET", "path": "/main.dart.js",
             "headers": [(b"accept-encoding", b"gzip")]}  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    return scope, receive


async def _drop(message: Any) -> None:
    return None


@pytest.mark.parametrize(
    ("accept", "extra", "kind"),
    [
        (b"identity", None, b"application/javascript"),  # the browser does not accept gzip
        (b"gzip", [(b"range", b"bytes=0-99")], b"application/javascript"),  # a range
        (b"gzip", None, b"image/png"),  # already compressed
    ],
)
def test_sent_as_is_when_compressing_does_not_fit(
    accept: bytes, extra: list[Any] | None, kind: bytes
) -> None:
    status, headers, body = get(
        _with_gzip(StaticFiles(kind=kind), delay=0), accept=accept, extra=extra
    )
    assert status == 200 and b"content-encoding" not in headers and body == CLIENT


def test_small_answers_are_not_compressed() -> None:
    _, headers, body = get(_with_gzip(StaticFiles(body=b"ok"), delay=0))
    assert b"content-encoding" not in headers and body == b"ok"
    assert headers[b"content-length"] == b"2"


def test_sessions_of_closed_tabs_are_kept_minutes_not_an_hour(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FLET_SESSION_TIMEOUT", raising=False)
    app_module.web_app(app_module.build_services(tmp_path, web=True))
    assert os.environ["FLET_SESSION_TIMEOUT"] == str(SESSION_TIMEOUT_SECONDS)
    assert SESSION_TIMEOUT_SECONDS <= 600
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "120")  # an operator's own choice wins
    app_module.web_app(app_module.build_services(tmp_path, web=True))
    assert os.environ["FLET_SESSION_TIMEOUT"] == "120"


def test_compressing_waits_until_the_client_has_started() -> None:
    served = _with_gzip(StaticFiles(), delay=0.2)

    async def visit() -> bytes | None:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/main.dart.js",
                 "headers": [(b"accept-encoding", b"gzip")]}  # fmt: skip
        await served(scope, receive, send)
        return dict(sent[0]["headers"]).get(b"content-encoding")

    async def visits() -> list[bytes | None]:
        first, soon = await visit(), await visit()  # within the delay: nothing compressed yet
        for _ in range(200):
            await asyncio.sleep(0.01)
            if await visit() == b"gzip":
                return [first, soon, b"gzip"]
        return [first, soon, None]

    assert asyncio.run(visits()) == [None, None, b"gzip"]
