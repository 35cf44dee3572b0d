"""Real browser: save a path, reload, unlock, find it; localStorage holds no plaintext.

Runs the real web app in-process (ASGI on 127.0.0.1) and Debian's Chromium through Playwright.
The fixtures here are local to this module so they cannot clash with the shell's shared e2e
fixtures (``tests/e2e/conftest.py`` on the shell's branch); switch to those when merged.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
REFERENCE = "CASUS-E2E-77"
FLOW_TITLE = "Mag ik mijn dossier inzien?"
WAIT = 45_000  # ms; the machine is shared, the first render can be slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from privacyapp.app import build_services, web_app

    data_dir = tmp_path / "server-data"
    data_dir.mkdir()
    app = web_app(build_services(data_dir, web=True))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", data_dir
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        page = context.new_page()
        page.requests = []  # type: ignore[attr-defined]
        # Responses only: the CSP blocks the client's Rive CDN request before it is sent.
        page.on("response", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
        yield page
        context.close()
        browser.close()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def _enable_semantics(page: Any) -> None:
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=30_000)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")


def _el(page: Any, ident: str) -> Any:
    locator = page.locator(f'[flt-semantics-identifier="{ident}"]').first
    locator.wait_for(timeout=WAIT)
    return locator


def _tap(page: Any, ident: str) -> None:
    _el(page, ident).click()


def _type(page: Any, ident: str, text: str) -> None:
    _tap(page, ident)
    page.wait_for_timeout(200)  # let the field take focus before typing
    page.keyboard.type(text)


def test_saved_path_survives_reload_behind_the_pin_and_is_encrypted_in_the_browser(
    server: tuple[str, Path], page: Any
) -> None:
    url, server_data = server
    page.goto(url + "/vraag/algemeen-inzage-dossier")
    _enable_semantics(page)
    _tap(page, "answer-0")
    _tap(page, "answer-0")
    _tap(page, "action-save-path")
    # First time: the forgotten-PIN warning, then a PIN.
    _tap(page, "lock-understood")
    _type(page, "lock-new-pin", "24680")
    _type(page, "lock-new-pin-again", "24680")
    _tap(page, "lock-set-pin")
    _type(page, "overview-save-reference", REFERENCE)
    _tap(page, "overview-save-confirm")
    page.wait_for_url(url + "/overzicht", timeout=WAIT)
    assert FLOW_TITLE in _el(page, "overview-record-0").inner_text()

    stored = dict(page.evaluate("() => Object.entries(localStorage)"))
    ours = {k: v for k, v in stored.items() if "privacyapp.v1." in k}
    assert any(".rec-" in k for k in ours) and any("keys.json" in k for k in ours)
    for value in stored.values():
        for plaintext in (REFERENCE, FLOW_TITLE, "dossier inzien", "algemeen-inzage-dossier"):
            assert plaintext not in value
    assert not any(server_data.iterdir()), "web mode wrote user data on the server"

    # Reload as a new visit (Flet keeps a session per tab in sessionStorage; clear it so the
    # server starts a fresh session, as after closing and reopening the browser).
    page.evaluate("() => sessionStorage.clear()")
    page.reload()  # the page is at /overzicht: a new session must unlock first
    _enable_semantics(page)
    _type(page, "lock-pin", "24680")
    _tap(page, "lock-open")
    item = _el(page, "overview-record-0").inner_text()
    assert FLOW_TITLE in item and REFERENCE in item

    # Export everything: the browser downloads a zip with the readable JSON and the PDF.
    with page.expect_download(timeout=WAIT) as download:
        _tap(page, "overview-export")
    with zipfile.ZipFile(download.value.path()) as bundle:
        assert REFERENCE in bundle.read("mijn-overzicht.json").decode()
        assert bundle.read("mijn-overzicht.pdf").startswith(b"%PDF")

    # Delete, then undo within the snackbar's few seconds.
    _tap(page, "overview-delete-0")
    page.locator('[flt-semantics-identifier="overview-record-0"]').wait_for(
        state="detached", timeout=WAIT
    )
    page.get_by_role("button", name="Ongedaan maken").click(timeout=WAIT)
    assert FLOW_TITLE in _el(page, "overview-record-0").inner_text()

    # Part of the browser storage is cleared (the key only): a clear message, nothing reset.
    page.evaluate("() => localStorage.removeItem('flutter.privacyapp.v1.keys.json')")
    page.evaluate("() => sessionStorage.clear()")
    page.reload()
    _enable_semantics(page)
    assert "sleutel van je bewaarde gegevens ontbreekt" in _el(page, "lock-error").inner_text()
    assert any(".rec-" in k for k in page.evaluate("() => Object.keys(localStorage)"))
    # All of it cleared: the app says earlier data is gone and offers a fresh start.
    page.evaluate("() => localStorage.clear()")
    page.evaluate("() => sessionStorage.clear()")
    page.reload()
    _enable_semantics(page)
    assert "gewist" in _el(page, "lock-note").inner_text()
    _el(page, "lock-set-pin")

    local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")
    assert [u for u in page.requests if not u.startswith(local)] == []
