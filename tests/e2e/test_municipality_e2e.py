"""Journey 5 in Chromium: from "Over deze app" to the municipality's contact details.

The app runs with its built-in list (offline, as on first start); nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from browserkit import ServerThread, open_app, opened, shot, tap, type_into, wait_for

pytestmark = pytest.mark.e2e


def test_resident_finds_their_municipality_by_name(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app(page, app_url + "/meer/over", first="about-title")
    tap(page, "about-municipality")
    page.wait_for_url("**/gemeente")
    wait_for(page, "municipality-search")
    disclaimer = wait_for(page, "municipality-about").text_content() or ""
    assert "niet over de zorg of hulp zelf" in disclaimer
    shot(page, "municipality-01-search")

    type_into(page, "municipality-search", "den bosch")
    wait_for(page, "municipality-card-gm0796")
    call = wait_for(page, "municipality-call")
    assert "(073) 615 51 55" in (call.text_content() or call.get_attribute("aria-label") or "")
    mail = wait_for(page, "municipality-mail")
    assert "gemeente@s-hertogenbosch.nl" in (
        mail.text_content() or mail.get_attribute("aria-label") or ""
    )
    source = wait_for(page, "municipality-source")
    assert "bijgewerkt op 15-04-2026" in str(source.text_content())
    shot(page, "municipality-02-card")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    tap(page, "municipality-copy-phone")
    message = wait_for(page, "municipality-message")
    assert "Telefoonnummer gekopieerd." in str(message.text_content())
    assert page.evaluate("navigator.clipboard.readText()") == "(073) 615 51 55"

    tap(page, "municipality-call")
    tap(page, "municipality-website")
    page.wait_for_function("window.__opened.length >= 2")
    assert opened(page)[-2:] == ["tel:0736155155", "https://www.s-hertogenbosch.nl"]


def test_without_general_email_the_form_is_offered(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app(page, app_url + "/gemeente", first="municipality-search")
    type_into(page, "municipality-search", "Amsterdam")
    wait_for(page, "municipality-card-gm0363")
    notice = wait_for(page, "municipality-no-email")
    assert "geen algemeen e-mailadres" in (
        notice.text_content() or notice.get_attribute("aria-label") or ""
    )
    tap(page, "municipality-form")
    page.wait_for_function("window.__opened.length >= 1")
    assert opened(page) == ["https://www.amsterdam.nl/contact/"]
    shot(page, "municipality-03-no-email")


# ------------------------------------------------------------------ refresh in the real client
# An app whose directory refreshes from a scripted register on 127.0.0.1 (server side: the
# browser itself still talks only to the app).

sys.path.insert(0, str(Path(__file__).parents[1]))  # the scripted HTTP server of the feed tests

from opendata.conftest import CSV_FILE  # noqa: E402
from opendata.http_server import Reply, ScriptedServer, refused_url  # noqa: E402
from opendata.roo_xml import full_register_xml  # noqa: E402


@contextmanager
def app_with_register(data_dir: Path, url: str) -> Iterator[str]:
    from privacyapp.app import build_services, web_app
    from privacyapp.opendata import MunicipalityDirectory

    client = httpx.Client(timeout=httpx.Timeout(5.0))
    services = build_services(data_dir, web=True, http_client=client)
    services.directory = MunicipalityDirectory(data_dir, client, url=url)
    with ServerThread(web_app(services), lifespan=False) as server:
        yield server.url
    client.close()


def status(page: Any) -> str:
    return str(wait_for(page, "municipality-status").text_content() or "").strip()


def wait_for_status(page: Any, start: str) -> None:
    page.wait_for_function(
        "s => (document.querySelector('[flt-semantics-identifier=\"municipality-status\"]')"
        "?.textContent || '').trim().startsWith(s)",
        arg=start,
    )


def test_opening_the_screen_refreshes_an_old_list(browser_page: Any, tmp_path: Path) -> None:
    page = browser_page
    body = full_register_xml(CSV_FILE, timestamp="2026-11-21T22:00:00+01:00")
    with ScriptedServer() as register:
        url = register.on("/exportOO_gemeenten.xml", Reply(body=body))
        with app_with_register(tmp_path, url) as app:
            open_app(page, app + "/gemeente", first="municipality-search")
            wait_for_status(page, "Bijgewerkt")
            assert status(page) == "Bijgewerkt op 21-11-2026."
            type_into(page, "municipality-search", "Nijmegen")
            source = wait_for(page, "municipality-source")
            assert "bijgewerkt op 21-11-2026" in str(source.text_content())
            shot(page, "municipality-04-refreshed")
        assert len(register.requests) == 1


def test_without_connection_the_screen_says_which_data_it_uses(
    browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    with app_with_register(tmp_path, refused_url()) as app:
        open_app(page, app + "/gemeente", first="municipality-search")
        wait_for_status(page, "Geen verbinding")
        assert status(page) == "Geen verbinding — we gebruiken de gegevens van 15-04-2026."
        # the long status wraps and the refresh button stays on a 390 px phone (user walk)
        width = page.viewport_size["width"]
        for ident in ("municipality-status", "municipality-refresh"):
            box = wait_for(page, ident).bounding_box()
            assert box is not None and box["x"] + box["width"] <= width, (ident, box, width)
        type_into(page, "municipality-search", "Utrecht")
        wait_for(page, "municipality-card-gm0344")
        shot(page, "municipality-05-offline")
