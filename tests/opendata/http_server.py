"""A real HTTP server on 127.0.0.1 that plays scripted replies, for the feed's fault tests.

Each path has a list of :class:`Reply` objects, played in order (the last one repeats). Every
request's headers are recorded, so tests can check conditional requests. A reply can stall
(timeout test), cut the connection, or stream a body of any size from a generator; the server
counts what it actually sent, so a test can prove the client stopped early.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: float = 0.0
    """Seconds to wait before answering (released early when the server stops)."""
    content_length: bool = True


@dataclass
class Script:
    replies: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet tests
        return

    def do_GET(self) -> None:
        script = self.server.script
        path = self.path.split("?", 1)[0]
        script.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        queue = script.replies.get(path)
        if not queue:
            self.send_error(404)
            return
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if reply.stall:
            script.stop.wait(reply.stall)
        # the client may hang up, as it should when a body is too large
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(reply, path)

    def _answer(self, reply: Reply, path: str) -> None:
        script = self.server.script
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if isinstance(reply.body, bytes):
            if reply.content_length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            script.sent[path] = script.sent.get(path, 0) + len(reply.body)
            return
        self.send_header("Connection", "close")
        self.end_headers()
        for chunk in reply.body():
            self.wfile.write(chunk)
            script.sent[path] = script.sent.get(path, 0) + len(chunk)
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, script: Script) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script


class ScriptedServer:
    """Start with ``with ScriptedServer() as server:``; ``server.url("/x")`` is a full URL."""

    def __init__(self) -> None:
        self.script = Script()
        self._server = _Server(self.script)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.script.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def on(self, path: str, *replies: Reply) -> str:
        """Script ``path``; returns its URL."""
        self.script.replies[path] = list(replies)
        return self.url(path)

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return self.script.requests


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/exportOO_gemeenten.xml"
