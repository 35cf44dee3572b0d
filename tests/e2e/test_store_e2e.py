"""Real browser: save a path, reload, unlock, find it; browser storage holds no plaintext.

Uses the shell's browser fixtures (``browser_page``: fresh storage, every request checked) and
serves its own app so the test can also check that web mode wrote nothing on the server's disk.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import ServerThread, shot, tap, type_into, wait_for, wait_gone

pytestmark = pytest.mark.e2e

REFERENCE = "CASUS-E2E-77"
FLOW_TITLE = "Mag ik mijn dossier inzien?"
PIN = "24680"


@pytest.fixture(scope="module")
def server_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-data")


@pytest.fixture(scope="module")
def app_url(server_data: Path) -> Iterator[str]:
    """The real web app, with a data dir this module can inspect."""
    from privacyapp.app import build_services, web_app

    with ServerThread(web_app(build_services(server_data, web=True)), lifespan=False) as server:
        yield server.url


def _start(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("flt-semantics-placeholder", state="attached")
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")


def _new_visit(page: Any, first: str) -> None:
    """Reload as a new visit: Flet keeps a server session per tab in sessionStorage."""
    page.evaluate("() => sessionStorage.clear()")
    page.reload()
    page.wait_for_selector("flt-semantics-placeholder", state="attached")
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    wait_for(page, first)


def _storage(page: Any) -> dict[str, str]:
    return dict(page.evaluate("() => Object.entries(localStorage)"))


def test_save_reload_unlock_export_undo_and_cleared_storage(
    browser_page: Any, app_url: str, server_data: Path
) -> None:
    page = browser_page
    _start(page, app_url + "/vraag/algemeen-inzage-dossier")
    tap(page, "answer-0")
    tap(page, "answer-0")
    wait_for(page, "advice-title")
    tap(page, "action-save-path")
    # First time: the forgotten-PIN warning, confirmed, then the PIN twice.
    wait_for(page, "lock-understood")
    shot(page, "store-01-set-pin")
    tap(page, "lock-understood")
    type_into(page, "lock-new-pin", PIN, submit=False)
    type_into(page, "lock-new-pin-again", PIN, submit=False)
    tap(page, "lock-set-pin")
    type_into(page, "overview-save-reference", REFERENCE, submit=False)
    shot(page, "store-02-save-path")
    tap(page, "overview-save-confirm")
    page.wait_for_url(app_url + "/overzicht")
    assert FLOW_TITLE in wait_for(page, "overview-record-0").inner_text()
    shot(page, "store-03-overview")

    stored = _storage(page)
    assert any("privacyapp.v1.rec-" in k for k in stored)
    assert any("privacyapp.v1.keys.json" in k for k in stored)
    for value in stored.values():
        for plaintext in (REFERENCE, FLOW_TITLE, "dossier inzien", "algemeen-inzage-dossier"):
            assert plaintext not in value
    assert list(server_data.iterdir()) == [], "web mode wrote user data on the server"

    # A new visit: the PIN is asked (Enter submits), and the saved path is there.
    _new_visit(page, "lock-pin")
    shot(page, "store-04-lock")
    type_into(page, "lock-pin", PIN)
    item = wait_for(page, "overview-record-0").inner_text()
    assert FLOW_TITLE in item and REFERENCE in item

    # Export everything: the browser downloads a zip with the readable JSON and the PDF.
    with page.expect_download() as download:
        tap(page, "overview-export")
    with zipfile.ZipFile(download.value.path()) as bundle:
        assert REFERENCE in bundle.read("mijn-overzicht.json").decode()
        assert bundle.read("mijn-overzicht.pdf").startswith(b"%PDF")

    # Delete, then undo within the few seconds the snackbar offers.
    tap(page, "overview-delete-0")
    wait_gone(page, "overview-record-0")
    page.get_by_role("button", name="Ongedaan maken").click()
    assert FLOW_TITLE in wait_for(page, "overview-record-0").inner_text()

    # A plain reload keeps the tab's session, but locks the store: the PIN is asked again.
    page.reload()
    page.wait_for_selector("flt-semantics-placeholder", state="attached")
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    wait_for(page, "lock-pin")
    page.wait_for_url(app_url + "/slot?next=/overzicht")
    type_into(page, "lock-pin", PIN)
    assert FLOW_TITLE in wait_for(page, "overview-record-0").inner_text()

    # Only the key is gone (storage partly cleared): explained before any PIN is typed.
    page.evaluate("() => localStorage.removeItem('flutter.privacyapp.v1.keys.json')")
    _new_visit(page, "lock-error")
    assert "sleutel van je bewaarde gegevens ontbreekt" in wait_for(page, "lock-error").inner_text()
    assert any("privacyapp.v1.rec-" in k for k in _storage(page))  # nothing removed by the app
    shot(page, "store-05-missing-key")
    # Everything cleared: the app says earlier data is gone and offers a fresh start.
    page.evaluate("() => localStorage.clear()")
    _new_visit(page, "lock-note")
    assert "gewist" in wait_for(page, "lock-note").inner_text()
    wait_for(page, "lock-set-pin")
