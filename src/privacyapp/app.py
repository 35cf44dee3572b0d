"""Composition root: builds the services and starts the Flet UI (DESIGN.md §4).

The CLI (``privacyapp [--web]``), the browser tests and the benchmark all start the app through
the same two factories: :func:`build_services` and :func:`web_app`.

Web mode serves the Flet web client from this machine (``no_cdn``) behind a
Content-Security-Policy that only allows this origin: the prebuilt client would otherwise ask a
CDN for a Rive runtime, telling a third party that the app was opened.

Memory and privacy on the server (issue 21): a page whose tab is gone keeps its session (and with
it the unlocked store) only ``SESSION_TIMEOUT_SECONDS``, not Flet's default hour; the web client
(14.5 MB, mostly WebAssembly) is sent gzip-compressed to browsers that accept it, each file
compressed once and then served from memory.
"""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import os
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import flet as ft

from privacyapp._asgi import CONTENT_SECURITY_POLICY, ASGIApp, with_security_headers
from privacyapp.views.kit.services import ContentInfo, Lazy, Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreService
from privacyapp.views.shell.shell import Shell
from privacyapp.views.shell.warm import rehearse_soon

if TYPE_CHECKING:
    from privacyapp.dossier import RecordService
    from privacyapp.opendata import MunicipalityDirectory

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "build_services",
    "desktop_available",
    "make_main",
    "run",
    "run_browser",
    "run_device",
    "signing_available",
    "web_app",
]


#: How long a session whose tab is gone is kept (then Flet closes it and its data is freed).
#: The app locks the store after 5 idle minutes anyway. ``FLET_SESSION_TIMEOUT`` overrides it.
SESSION_TIMEOUT_SECONDS = 300
#: The exit code when the server could not start (the port is taken), as ``uvicorn.run``'s.
STARTUP_FAILURE = 3


def build_services(
    data_dir: Path,
    *,
    web: bool,
    http_client: Any = None,
    library: Any = None,
    clock: Callable[[], datetime] | None = None,
) -> Services:
    """Build every service the screens use.

    Args:
        data_dir: where encrypted user data lives (not used for user data in web mode).
        web: True when serving browsers (user data then stays in the browser).
        http_client: an ``httpx.Client`` for services that may go online, or a function that
            makes it when one first goes online (the app's start then builds none); None:
            offline.
        library: a ``privacyapp.engine.Library`` to use instead of the built-in content (tests).
        clock: the time the screens use (tests and benchmarks pass a fixed one); None: now.
    """
    from privacyapp.engine import SearchIndex

    updates = _content_updates(data_dir, http_client)
    if library is None:  # issue 17: an installed update when intact and newer, else built-in
        library = updates.active_library().published()  # drafts never reach users
    services = Services(
        data_dir=data_dir,
        web=web,
        library=library,
        search=SearchIndex(library),
        content=_content_info(library),
        content_updates=updates,
    )
    if clock is not None:
        services.clock = clock
    updates.on_installed = lambda new: _use_content(services, new)
    updates.start_background()  # after 5 s, then daily; only with a source and a client
    services.store = StoreService(data_dir, web=web)  # issue 5: web keeps data in the browser
    # Built on first use, not before the first screen (issue 21): the municipality directory
    # (built-in list, cached refreshes, register/PDOK via the client) and the record signer.
    services.directory_service = Lazy(lambda: _directory(data_dir, http_client))
    if signing_available():  # pyHanko, or in the browser asn1crypto + @noble/curves
        services.signer_service = Lazy(_signer)
    return services


def _directory(data_dir: Path, http_client: Any) -> MunicipalityDirectory:
    from privacyapp.opendata import MunicipalityDirectory

    client = http_client() if callable(http_client) else http_client
    return MunicipalityDirectory(data_dir, client)


def _browser_directory(data_dir: Path) -> MunicipalityDirectory:
    """The static web build's directory: the built-in list (no register refresh: its export is
    tens of megabytes and its CORS is unknown) and the postcode lookup through the browser,
    which may ask PDOK only (the page's CSP allows that one host as well)."""
    import httpx

    from privacyapp.opendata import PDOK_URL, MunicipalityDirectory
    from privacyapp.opendata._browserhttp import browser_client

    client = browser_client([httpx.URL(PDOK_URL).host])
    return MunicipalityDirectory(data_dir, client, asks_register=False)


def _online() -> Callable[[], Any]:
    """The app's one ``httpx`` client, made when a service first goes online: importing httpx
    and building the client (its TLS context) is not on the way to the first screen. The only
    outbound requests go through it: the register's export, PDOK when asked, content updates
    (DESIGN.md §5)."""

    def client() -> Any:
        from privacyapp.opendata import default_client

        return default_client()

    return Lazy(client).get


def _signer() -> RecordService:
    from privacyapp.dossier import RecordService  # signing identities, signed PDF records

    return RecordService()


def _content_info(library: Any) -> ContentInfo:
    dates = [f.valid_from for f in library.flows.values() if getattr(f, "valid_from", None)]
    return ContentInfo(
        version=str(library.content_version),
        date=max(dates).isoformat() if dates else "",
        flows=len(library),
    )


def _content_updates(data_dir: Path, http_client: Any) -> Any:
    """The content updater (issue 17): the shipped root and address, or none in this build."""
    from privacyapp.content import ContentError
    from privacyapp.content.updater import ContentUpdater, configured_source

    try:
        source = configured_source()
    except ContentError:
        source = None
    return ContentUpdater(data_dir, http_client, source=source)


def _use_content(services: Services, library: Any) -> None:
    """New content for new flows: a flow in progress keeps the flow object it started with,
    and a saved path keeps the content hash of the content it came from."""
    from privacyapp.engine import SearchIndex

    search = SearchIndex(library)
    services.library, services.search = library, search
    services.content = _content_info(library)


def make_main(
    services: Services, clock: Callable[[], datetime] | None = None
) -> Callable[[ft.Page], Awaitable[None]]:
    """The Flet entry point: one fresh state and shell per page (browser tab or window)."""

    async def main(page: ft.Page) -> None:
        ready = services if clock is None else replace(services, clock=clock)
        state = AppState()
        shell = Shell(page, state, ready)
        await shell.load_settings()
        state.route = page.route or "/"
        shell.render()

    return main


#: Content types worth compressing (the client's code, WebAssembly, fonts, text).
_COMPRESSIBLE = (
    b"text/",
    b"application/javascript",
    b"application/json",
    b"application/wasm",
    b"application/octet-stream",
    b"application/x-font",
    b"font/otf",
    b"font/ttf",
    b"image/svg+xml",
)
_GZIP_MIN_BYTES = 1024
_GZIP_CACHE_BYTES = 64 * 1024 * 1024
#: Seconds before a file is compressed: not while the first visitor's client is starting (on a
#: small server the compression would take CPU from that start).
_GZIP_DELAY = 10.0


_Key = tuple[str, bytes, bytes]


def _with_gzip(app: ASGIApp, *, delay: float = _GZIP_DELAY) -> ASGIApp:
    """Send compressible responses gzip-compressed to browsers that accept it.

    Only whole ``200`` answers to ``GET`` are compressed (not ranges, not what is already
    encoded). The static client does not change while the server runs, so each file is
    compressed once (keyed by path and ETag / Last-Modified) and kept, up to 64 MB: the first
    request for a file gets it uncompressed while a worker thread compresses it, so nobody
    waits for the compression (on a fast connection it would cost more than it saves). The
    compressing starts ``delay`` seconds later, so it does not compete with a starting client.
    """
    return _Gzip(app, delay)


class _Gzip:
    def __init__(self, app: ASGIApp, delay: float) -> None:
        self.app = app
        self.delay = delay
        self.cache: dict[_Key, bytes] = {}
        self.compressing: set[_Key] = set()

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        headers = dict(scope.get("headers") or [])
        if (
            scope.get("type") != "http"
            or scope.get("method") != "GET"
            or b"gzip" not in headers.get(b"accept-encoding", b"").lower()
            or b"range" in headers
        ):
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] | None = None
        chunks: list[bytes] = []
        passing = False

        async def compressing_send(message: Any) -> None:
            nonlocal start, passing
            if passing:
                await send(message)
            elif message.get("type") == "http.response.start":
                if _compressible(message):
                    start = dict(message)
                else:
                    passing = True
                    await send(message)
            elif message.get("type") != "http.response.body" or start is None:
                await send(message)
            else:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._finish(str(scope.get("path", "")), start, b"".join(chunks), send)

        await self.app(scope, receive, compressing_send)

    async def _finish(
        self, path: str, start: dict[str, Any], body: bytes, send: Callable[[Any], Awaitable[None]]
    ) -> None:
        kept = [(k, v) for k, v in start.get("headers") or [] if k != b"content-length"]
        found = dict(kept)
        key = (path, found.get(b"etag", b""), found.get(b"last-modified", b""))
        packed = self.cache.get(key)
        if packed is None and len(body) >= _GZIP_MIN_BYTES:
            if key[1] or key[2]:  # a file: as it is now, compressed for the next visitor
                if key not in self.compressing:
                    self.compressing.add(key)
                    loop = asyncio.get_running_loop()
                    if self.delay > 0:
                        loop.call_later(self.delay, self._start, key, body)
                    else:
                        self._start(key, body)
            else:  # no validator: made for this request (small pages)
                packed = gzip.compress(body, 6, mtime=0)
        if packed is None:
            await send({**start, "headers": [*kept, (b"content-length", b"%d" % len(body))]})
            await send({"type": "http.response.body", "body": body})
            return
        kept += [
            (b"content-encoding", b"gzip"),
            (b"vary", b"Accept-Encoding"),
            (b"content-length", b"%d" % len(packed)),
        ]
        await send({**start, "headers": kept})
        await send({"type": "http.response.body", "body": packed})

    def _start(self, key: _Key, body: bytes) -> None:
        try:
            task = asyncio.get_running_loop().run_in_executor(None, self._keep, key, body)
        except RuntimeError:  # "Executor shutdown has been called": the server is stopping
            self.compressing.discard(key)
            return
        task.add_done_callback(lambda _: self.compressing.discard(key))

    def _keep(self, key: _Key, body: bytes) -> None:
        """Compress on a worker thread (zlib lets go of the GIL) and keep it."""
        packed = gzip.compress(body, 6, mtime=0)
        if sum(map(len, self.cache.values())) + len(packed) <= _GZIP_CACHE_BYTES:
            self.cache[key] = packed


def _compressible(start: Any) -> bool:
    headers = dict(start.get("headers") or [])
    kind = headers.get(b"content-type", b"").lower()
    return (
        start.get("status") == 200
        and b"content-encoding" not in headers
        and kind.startswith(_COMPRESSIBLE)
    )


def web_app(services: Services, clock: Callable[[], datetime] | None = None) -> ASGIApp:
    """The app as an ASGI application: the web client from this machine, behind a strict CSP,
    compressed, with sessions of closed tabs kept ``SESSION_TIMEOUT_SECONDS``."""
    # Flet reads this for every new connection; ft.run(export_asgi_app=True) takes no timeout.
    os.environ.setdefault("FLET_SESSION_TIMEOUT", str(SESSION_TIMEOUT_SECONDS))
    assets = Path(__file__).resolve().parent.parent / "assets"
    app = ft.run(
        make_main(services, clock),
        export_asgi_app=True,
        no_cdn=True,
        assets_dir=str(assets) if assets.is_dir() else None,
        route_url_strategy=ft.RouteUrlStrategy.PATH,
    )
    return with_security_headers(_with_gzip(app))


def desktop_available() -> bool:
    """True when a Flet desktop client can open a window here (a display, flet-desktop)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return False
    return importlib.util.find_spec("flet_desktop") is not None


def run(*, web: bool, host: str, port: int, data_dir: Path) -> int:
    """Start the app: a desktop window where possible, otherwise (or with ``--web``) a web app.

    Returns the process exit code.
    """
    web = web or not desktop_available()
    services = build_services(data_dir, web=web, http_client=_online())
    if not services.web:
        ft.run(make_main(services))
        return 0
    url_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"PrivacyApp draait op http://{url_host}:{port}/ (stop met Ctrl+C)", flush=True)
    # once it listens, the first screen is rehearsed while the browser loads the web client
    return _serve(web_app(services), host, port, on_listening=lambda: rehearse_soon(services))


def _serve(app: ASGIApp, host: str, port: int, on_listening: Callable[[], object]) -> int:
    """``uvicorn.run``, calling ``on_listening`` once the socket listens; the exit code.

    Started before the socket listens, the rehearsal took the GIL from uvicorn's own start-up
    (spawn -> listening 1.09 s -> 1.34 s, ``benchmarks/app_bench.py``).
    """
    server = _listening_server(app, host, port, on_listening)
    server.run()
    return 0 if server.started else STARTUP_FAILURE


def _listening_server(
    app: ASGIApp, host: str, port: int, on_listening: Callable[[], object]
) -> Any:
    """A ``uvicorn.Server`` that calls ``on_listening`` when its socket listens."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[Any] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                on_listening()

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", ws="websockets-sansio")
    return Server(config)


def run_device() -> None:
    """Start the installed app (iOS, Android, desktop builds): files in the app's data folder."""
    from privacyapp.paths import default_data_dir

    # on the device: the register refresh and content updates go out through this one client
    ft.run(make_main(build_services(default_data_dir(), web=False, http_client=_online())))


def run_browser() -> None:
    """Start the app inside the browser (the static Pyodide web build, ``scripts/build-web``).

    Everything runs on the visitor's device: the store lives in the browser's storage
    (``web=True``; a file store would sit in Pyodide's memory and vanish on reload). The app's
    one request of its own is the postcode lookup the user asks for: the browser sends it to
    PDOK (CORS open); the register is never asked (``_browser_directory``). Signed PDF records
    are made and checked by the lite path (asn1crypto and @noble/curves: PyCA cryptography and
    pyHanko have no build for the browser), once the page has loaded the @noble modules.
    """
    data_dir = Path("/home/pyodide/privacyapp")
    services = build_services(data_dir, web=True)
    services.directory_service = Lazy(lambda: _browser_directory(data_dir))
    app_main = make_main(services)

    async def main(page: ft.Page) -> None:
        from pyodide.code import run_js  # type: ignore[import-not-found]  # Pyodide only

        from privacyapp.dossier._cryptobackend import BROWSER_LOADER

        await run_js(BROWSER_LOADER)  # the vendored @noble crypto, before the store needs it
        if services.signer_service is None and signing_available():  # needs @noble/curves
            services.signer_service = Lazy(_signer)
        await app_main(page)

    ft.run(main, route_url_strategy=ft.RouteUrlStrategy.PATH)


def signing_available() -> bool:
    """True when this build signs and checks PDF records (pyHanko, or the lite path)."""
    from privacyapp.capabilities import signing_available as available

    return available()


if __name__ == "__main__":  # `python -m privacyapp.app`; `flet build` runs src/main.py instead
    run_device()
