"""The composition root: services, the web app's privacy headers, and how the CLI starts it."""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from privacyapp import app as app_module
from privacyapp.app import CONTENT_SECURITY_POLICY, build_services, web_app
from privacyapp.cli import main


def test_services_load_the_built_in_content(tmp_path: Path) -> None:
    services = build_services(tmp_path, web=True)
    assert len(services.library) == services.content.flows > 0
    assert services.content.version == services.library.content_version
    assert services.search.search("dossier")
    # every feature is wired: the encrypted store, the municipality directory, PDF records
    assert services.store is not None
    assert services.directory is not None and services.directory.find("Utrecht")
    assert services.signer is not None
    # web mode keeps user data in the browser: nothing is written to the server's data dir
    assert not any(tmp_path.iterdir())


def test_a_lazy_service_is_built_once_for_every_copy_and_again_after_a_failure(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from privacyapp.views.kit.services import Lazy

    made: list[int] = []

    def build() -> int:
        made.append(len(made))
        if len(made) == 1:
            raise OSError("disk not ready")
        return 42

    lazy = Lazy(build)
    assert not lazy.built
    with pytest.raises(OSError, match="disk not ready"):
        lazy.get()
    assert not lazy.built  # the next ask tries again
    services = build_services(tmp_path, web=True)
    services.signer_service = lazy  # type: ignore[assignment]
    copy = replace(services, clock=services.clock)  # what each page of a test server gets
    assert copy.signer == services.signer == 42  # type: ignore[comparison-overlap]
    assert made == [0, 1]  # built once, shared by the copy


def _get(app: Any, *paths: str) -> list[httpx.Response]:
    async def fetch() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return [await c.get(path) for path in paths]

    # A thread of its own: the browser tests' Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch()).result()


def test_web_app_serves_everything_itself_behind_a_strict_csp(tmp_path: Path) -> None:
    page, deep, icon = _get(
        web_app(build_services(tmp_path, web=True)),
        "/",
        "/vraag/algemeen-inzage-dossier",
        "/icon.png",
    )
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "connect-src 'self'" in CONTENT_SECURITY_POLICY
    assert "cdn.jsdelivr.net" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY  # the PIN cannot be clickjacked
    html = page.text
    # no_cdn: the engine (CanvasKit) and fallback fonts come from this server
    assert 'flet.canvasKitBaseUrl="/canvaskit/"' in html
    assert 'flet.fontFallbackBaseUrl="assets/fonts/"' in html
    # deep links are served the same page (the client then shows that route)
    assert deep.status_code == 200
    assert deep.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert icon.status_code == 200 and icon.content.startswith(b"\x89PNG")


def test_cli_web_prints_the_url_and_serves_on_the_given_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, Any] = {}

    def fake_serve(app: Any, host: str, port: int, on_listening: Any) -> int:  # it would block
        served.update(app=app, host=host, port=port, on_listening=on_listening)
        return 0

    monkeypatch.setattr(app_module, "_serve", fake_serve)
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    code = main(["--data-dir", str(tmp_path), "--web", "--port", "8765"], env={})
    assert code == 0
    assert "http://127.0.0.1:8765/" in out.getvalue()
    assert served["host"] == "127.0.0.1" and served["port"] == 8765
    assert callable(served["app"])
    assert callable(served["on_listening"])  # the first screens are rehearsed once it listens


def test_without_a_display_the_app_runs_as_web_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert app_module.desktop_available() is False
