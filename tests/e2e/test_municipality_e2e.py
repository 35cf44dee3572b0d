"""Journey 5 in Chromium: from "Over deze app" to the municipality's contact details.

The app runs with its built-in list (offline, as on first start); nothing leaves 127.0.0.1.
"""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import open_app, opened, shot, tap, type_into, wait_for

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
    assert "bijgewerkt op 15-04-2026" in (
        source.text_content() or source.get_attribute("aria-label") or ""
    )
    shot(page, "municipality-02-card")

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
