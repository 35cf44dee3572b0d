"""Journey 4 in a real browser: compose a request, see the mail link, save it, see its term.

Self-contained: starts the real app (``app.web_app``) on 127.0.0.1 with an in-memory encrypted
store, and drives Debian's Chromium through Playwright. When the shell's shared e2e fixtures
(``tests/e2e/conftest.py``: ``app_url``, ``browser_page``) exist, this module can move onto them.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.e2e

playwright_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

CHROMIUM = Path("/usr/bin/chromium")
FOOTER = "Dit bericht is gegenereerd door de PrivacyApp ondersteuning en zorg."
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Record what the app asks the browser to open (Flet's URL launcher uses window.open on web).
RECORD_OPENED = (
    "window.__opened = [];"
    "window.open = (url, target) => { window.__opened.push(String(url)); return null; };"
)


def _sel(ident: str) -> str:
    return f'[flt-semantics-identifier="{ident}"]'


@pytest.fixture
def rights_app(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    from privacyapp.app import build_services, web_app
    from privacyapp.dossier import AppLock, KdfParams, MemoryBackend

    services = build_services(tmp_path, web=True)
    kdf = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)  # tiny cost for tests
    vault = AppLock(MemoryBackend(), kdf=kdf).set_pin("24680")
    services.store = vault
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        web_app(services, clock=lambda: NOW),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="websockets-sansio",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", vault
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def browser_tab(tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    requests: list[str] = []
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        # A tall window: Flutter scrolls inside its canvas, so keep the whole form in view.
        page = browser.new_page(viewport={"width": 1000, "height": 4200})
        # Requests that got an answer. (The web client tries a CDN for its Rive runtime; the
        # app's Content-Security-Policy blocks that in the browser, so it never finishes.)
        page.on("requestfinished", lambda r: requests.append(r.url))
        page.add_init_script(RECORD_OPENED)
        try:
            yield page, requests
        finally:
            browser.close()


def _type(page: Any, ident: str, text: str) -> None:
    """Type into a text field; retried because a busy machine can drop the first keys."""
    box = page.locator(f"{_sel(ident)} input, {_sel(ident)} textarea").first
    for _attempt in range(3):
        box.click()
        # Flutter moves focus to its own editing element a moment after the click.
        page.wait_for_function(
            "() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName)",
            timeout=10_000,
        )
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(text, delay=20)
        if page.evaluate("t => document.activeElement?.value === t", text):
            return
    raise AssertionError(f"could not type into {ident}")


def test_compose_send_and_save_a_request(
    rights_app: tuple[str, Any], browser_tab: tuple[Any, list[str]]
) -> None:
    url, vault = rights_app
    page, requests = browser_tab
    page.goto(f"{url}/verzoek/inzage")
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=30_000)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    page.wait_for_selector(_sel("rights-kind-inzage"), timeout=30_000)

    page.locator(_sel("rights-mode-organisatie")).click()
    page.wait_for_selector(_sel("rights-field-org_email"), timeout=10_000)
    _type(page, "rights-field-org_name", "Zorg BV")
    _type(page, "rights-field-org_email", "privacy@zorg.nl")
    _type(page, "rights-field-name", "Sam de Vries")
    _type(page, "rights-field-data", "mijn dossier&cc=evil@example.com")
    page.locator(_sel("rights-preview-button")).click()
    page.wait_for_selector(_sel("rights-open-mail"), timeout=10_000)
    page.wait_for_selector(_sel("rights-copy"), timeout=10_000)
    page.wait_for_selector(_sel("rights-save-pdf"), timeout=10_000)

    page.locator(_sel("rights-open-mail")).click()
    page.wait_for_function("window.__opened.length > 0", timeout=10_000)
    opened = page.evaluate("window.__opened")[0]
    parts = urlsplit(opened)
    assert parts.scheme == "mailto" and parts.path == "privacy@zorg.nl"
    fields = parse_qs(parts.query)
    assert set(fields) == {"subject", "body"}
    assert fields["body"][0].endswith(FOOTER)

    page.locator(_sel("rights-store")).click()
    page.wait_for_selector(_sel("rights-stage"), timeout=10_000)
    stage = page.locator(_sel("rights-stage")).evaluate(
        "e => [e.innerText, e.getAttribute('aria-label')].join(' ')"
    )
    assert "Verstuurd" in stage
    (record,) = vault.list("request")
    assert record.payload["sent"] == "2026-11-22"
    assert record.payload["recipient"]["email"] == "privacy@zorg.nl"

    hosts = {urlsplit(r).hostname for r in requests if r.startswith("http")}
    assert hosts <= {"127.0.0.1"}, hosts
