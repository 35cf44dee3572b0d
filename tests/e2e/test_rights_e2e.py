"""Journey 4 in a real browser: compose a request, open the mail link, save it behind the PIN,
see its term, and find it in "Mijn overzicht".

Uses the shell's shared fixtures (``app_url``: the real app on 127.0.0.1; ``browser_page``:
Chromium with every request recorded and the privacy check at the end).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browserkit import open_app, opened, replace_text, sel, shot, tap, wait_for

pytestmark = pytest.mark.e2e

FOOTER = "Dit bericht is gegenereerd door de PrivacyApp ondersteuning en zorg."
SUBJECT = "Verzoek om inzage in persoonsgegevens (artikel 15 AVG)"


@pytest.fixture
def viewport() -> dict[str, int]:
    # Tall: the composer is one long form; fewer scroll steps on a shared, slow machine.
    return {"width": 1000, "height": 2400}


def _text(page: Any, ident: str) -> str:
    return str(
        wait_for(page, ident).evaluate("e => [e.innerText, e.getAttribute('aria-label')].join(' ')")
    )


def test_compose_send_save_and_find_a_request(app_url: str, browser_page: Any) -> None:
    page = browser_page
    open_app(page, f"{app_url}/verzoek/inzage", first="rights-kind-inzage")

    tap(page, "rights-mode-organisatie")
    wait_for(page, "rights-field-org_email")
    replace_text(page, "rights-field-org_name", "Zorg BV")
    replace_text(page, "rights-field-org_email", "privacy@zorg.nl")
    replace_text(page, "rights-field-name", "Sam de Vries")
    replace_text(page, "rights-field-data", "mijn dossier&cc=evil@example.com")
    tap(page, "rights-preview-button")
    for ident in ("rights-letter", "rights-copy", "rights-save-pdf"):
        wait_for(page, ident)

    # The mail link: only the organisation, a subject and a body; the user's text stays text.
    tap(page, "rights-open-mail")
    page.wait_for_function("window.__opened.length > 0")
    parts = urlsplit(opened(page)[0])
    assert parts.scheme == "mailto" and parts.path == "privacy@zorg.nl"
    fields = parse_qs(parts.query)
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == [SUBJECT]
    assert fields["body"][0].endswith(FOOTER)

    # The letter as a PDF: the browser downloads it (nothing is stored on the server).
    with page.expect_download() as download:
        tap(page, "rights-save-pdf")
    assert download.value.suggested_filename == "brief-inzage.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    # First save: the encrypted store has no PIN yet, so the app asks to set one first.
    tap(page, "rights-store")
    assert "op slot" in _text(page, "rights-error")
    tap(page, "rights-unlock")
    tap(page, "lock-understood")
    replace_text(page, "lock-new-pin", "24680")
    replace_text(page, "lock-new-pin-again", "24680")
    tap(page, "lock-set-pin")
    # Back on the composer with the letter still there; now saving works.
    tap(page, "rights-store")
    assert "Verstuurd" in _text(page, "rights-stage")
    wait_for(page, "rights-ics")

    # "Mijn overzicht" lists the request.
    tap(page, "tab-overzicht")
    assert SUBJECT in _text(page, "overview-record-0")
    assert page.locator(sel("overview-record-1")).count() == 0


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}])
def test_on_a_phone_a_wrong_date_is_said_where_the_user_is(
    app_url: str, browser_page: Any, viewport: dict[str, int]
) -> None:
    """User walk, problem 4: after "Bewaar in Mijn overzicht" with a date typed as people write
    it wrong, the error used to appear ~1,500 px above the button. Now it is in view."""
    page = browser_page
    open_app(page, f"{app_url}/verzoek/inzage", first="rights-kind-inzage")
    tap(page, "rights-mode-organisatie")
    replace_text(page, "rights-field-org_name", "Zorg BV")
    replace_text(page, "rights-field-org_email", "privacy@zorg.nl")
    replace_text(page, "rights-field-name", "Sam de Vries")
    tap(page, "rights-preview-button")
    replace_text(page, "rights-sent-date", "vorige week")
    tap(page, "rights-store")
    error = wait_for(page, "rights-error")
    page.wait_for_timeout(600)  # the shell scrolls the summary into view
    box = error.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    assert "geen datum" in _text(page, "rights-error")
    shot(page, "rights-10-date-error-phone")
