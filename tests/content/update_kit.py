"""A TUF repository with test keys, served by a real HTTP server on 127.0.0.1, with faults."""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from privacyapp.content import build_bundle
from privacyapp.engine.library import hash_content

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "fixtures" / "examples"

#: What a path may be overridden with: bytes, or a function returning chunks to send slowly.
Override = bytes | Callable[[], Iterator[bytes]]


def example_bundle() -> dict[str, Any]:
    """The example flows' bundle as JSON data."""
    data: dict[str, Any] = json.loads(build_bundle(EXAMPLES))
    return data


def make_bundle(
    base: dict[str, Any],
    version: str,
    *,
    title: str | None = None,
    break_reference: bool = False,
) -> bytes:
    """A bundle with another content version; optionally a new advice title or a dead link."""
    bundle = json.loads(json.dumps(base))
    bundle["registry"]["content_version"] = version
    bundle["content_version"] = version
    for each in bundle["flows"]:  # what users see; the examples are still in review
        each["status"] = "published"
        each["review"] = each.get("review") or {
            "reviewed_at": "2026-11-20",
            "reviewed_by": "Redactie",
            "sources_checked": ["AVG art. 15"],
        }
    flow = bundle["flows"][0]
    if title is not None:
        advice = next(n for n in flow["nodes"].values() if n["type"] == "advice")
        advice["title"] = title
    if break_reference:
        node = next(
            n for f in bundle["flows"] for n in f["nodes"].values() if n["type"] == "question"
        )
        node["choices"][0]["next"] = "bestaat-niet"
    content = {"registry": bundle["registry"], "flows": bundle["flows"]}
    bundle["content_hash"] = hash_content(content)
    bundle.pop("bundle_hash", None)  # edited by hand: checked against content_hash instead
    return (json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def first_advice_title(library: Any) -> str:
    """The title of the first advice of the first flow (what a user would read)."""
    flow = next(iter(library.flows.values()))
    return str(next(n for n in flow.nodes.values() if n.type == "advice").title)


class Server:
    """Serves a folder; ``overrides`` replace a path's answer; ``requests`` logs what came in."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.overrides: dict[str, Override] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.set_cookie = False
        kit = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                kit.requests.append((self.path, dict(self.headers.items())))
                override = kit.overrides.get(self.path)
                if override is not None and not isinstance(override, bytes):
                    self.send_response(200)
                    self.end_headers()
                    with contextlib.suppress(OSError):
                        for chunk in override():
                            self.wfile.write(chunk)
                            self.wfile.flush()
                    return
                if isinstance(override, bytes):
                    body = override
                else:
                    path = (kit.root / self.path.lstrip("/")).resolve()
                    if not path.is_file() or not path.is_relative_to(kit.root.resolve()):
                        self.send_error(404)
                        return
                    body = path.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                if kit.set_cookie:
                    self.send_header("Set-Cookie", "track=me; Path=/")
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        """The paths asked for, in order."""
        return [path for path, _ in self.requests]


def endless() -> Iterator[bytes]:
    """An answer that never ends (until the client hangs up)."""
    while True:
        yield b"x" * 65536


def slow() -> Iterator[bytes]:
    """An answer that drips one byte every 0.2 s."""
    for _ in range(200):
        time.sleep(0.2)
        yield b"{"


def copy_tree(source: Path, target: Path) -> Path:
    """A copy of a repository as it is now (to serve later: a replay)."""
    shutil.copytree(source, target)
    return target


def fixed_clock(moment: datetime) -> Callable[[], datetime]:
    """A clock that always says ``moment``."""
    return lambda: moment


NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
