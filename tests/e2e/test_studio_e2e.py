"""The editors' studio in Chromium, as a new editorial team would use it (issue 18).

A beheerder makes three accounts; the author changes an advice text and a source, sees a
diagnostic (in Dutch) and fixes it (saved by autosave after a pause in typing), previews the
flow and submits; the author's own approval is refused (the author is also a jurist: the
four-eyes rule, not the buttons, stops it); the jurist reads the diff, comments and approves;
the publisher publishes; the app's bundle built from the result has the new text; the audit log
shows each step with who and when.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import ServerThread, content_repo, open_app, replace_text, tap, type_into, wait_for

from privacyapp.content.bundle import load_bundle
from privacyapp.studio import Studio
from privacyapp.studio.publishing import APP_BUNDLE

PASSWORD = "vier losse woorden hier"
FLOW = "flows/jeugd/jeugd-gezinsvoogd.yaml"
#: A save checks the whole content (about a second alone); with Chromium on the same two cores
#: it can take several, so steps that save or check wait longer than a plain click.
SLOW = 90_000
NEW_TEXT = "Vraagt de gezinsvoogd erom? Geef dan wat nodig is. Meer hoeft niet."


@pytest.fixture
def studio(tmp_path: Path) -> Studio:
    studio = Studio(content_repo(tmp_path / "content"), tmp_path / "studio-data")
    studio.add_account("bea", PASSWORD, ["beheerder"], display_name="Bea Beheer")
    return studio


@pytest.fixture
def studio_url(studio: Studio) -> Iterator[str]:
    from privacyapp.views.studio.app import web_app

    with ServerThread(web_app(studio)) as server:
        yield server.url


@pytest.fixture
def viewport() -> dict[str, int]:
    return {"width": 1100, "height": 900}


def _sign_in(page: Any, url: str, name: str) -> None:
    open_app(page, url, first="sign-in-title")
    type_into(page, "sign-in-name", name, submit=False)
    type_into(page, "sign-in-password", PASSWORD)
    wait_for(page, "list-title")


def _sign_out(page: Any) -> None:
    tap(page, "nav-sign-out")
    wait_for(page, "sign-in-title")


def _wait_text(page: Any, text: str) -> None:
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=SLOW)


def _text(page: Any) -> str:
    return str(page.evaluate("() => document.querySelector('flt-semantics-host, body').innerText"))


def test_an_editorial_team_edits_reviews_and_publishes(
    studio_url: str, studio: Studio, browser_page: Any
) -> None:
    page = browser_page
    _sign_in(page, studio_url, "bea")
    tap(page, "nav-admin")
    for name, full, roles in [
        ("anna", "Anna Auteur", ["auteur", "jurist"]),
        ("jet", "Jet Jurist", ["jurist"]),
        ("piet", "Piet Publicist", ["publicist"]),
    ]:
        type_into(page, "admin-name", name, submit=False)
        type_into(page, "admin-display", full, submit=False)
        type_into(page, "admin-password", PASSWORD, submit=False)
        for role in roles:
            tap(page, f"admin-role-{role}")
        tap(page, "admin-create")
        wait_for(page, f"admin-toggle-{name}")
    _sign_out(page)

    # the author: a new change set, an advice text with jargon (a diagnostic), fixed, a source
    _sign_in(page, studio_url, "anna")
    type_into(page, "list-new-title", "Uitleg gezinsvoogd korter", submit=False)
    tap(page, "list-new")
    wait_for(page, "cs-title", SLOW)
    tap(page, "cs-sector-jeugd")
    tap(page, "cs-file-jeugd-gezinsvoogd")
    wait_for(page, "editor-title")
    tap(page, "editor-node-advies-geven")
    wait_for(page, "form-explanation")
    page.wait_for_timeout(300)
    field = page.locator('[flt-semantics-identifier="form-explanation"] textarea, '
                         '[flt-semantics-identifier="form-explanation"] input').first  # fmt: skip
    replace_text(page, "form-explanation", NEW_TEXT + " Dit gaat conform de wet.")
    replace_text(page, "form-source-0-article", "7.3.8")
    tap(page, "editor-save")
    wait_for(page, "editor-summary", SLOW)
    assert "conform" in _text(page) and "ambtelijke taal" in _text(page)  # in Dutch
    # the fix is not saved by hand: a pause in typing saves it (autosave), in place
    replace_text(page, "form-explanation", NEW_TEXT)
    wait_for(page, "editor-clean", SLOW)
    _wait_text(page, "Opgeslagen om")
    del field
    tap(page, "editor-preview")
    wait_for(page, "preview-phone", SLOW)
    assert "Jeugdwet, artikel 7.3.8" in _text(page)  # the app's advice screen, new source
    tap(page, "preview-back")
    tap(page, "editor-back")
    tap(page, "cs-submit")
    _wait_text(page, "Status: Ter beoordeling")
    tap(page, "cs-approve")  # anna is also a jurist, but she wrote it
    wait_for(page, "error", SLOW)
    assert "meegeschreven" in _text(page)
    assert studio.change_set(1).state_label == "Ter beoordeling"
    _sign_out(page)

    # the jurist reads the diff, comments and approves
    _sign_in(page, studio_url, "jet")
    tap(page, "list-open-1")
    wait_for(page, "cs-diff-title")
    assert "bron toegevoegd: Jeugdwet art. 7.3.8" in _text(page)
    type_into(page, "cs-comment", "advies-geven: duidelijk, akkoord.", submit=False)
    tap(page, "cs-comment-send")
    _wait_text(page, "Opmerking van jet bij advies-geven: duidelijk, akkoord.")
    tap(page, "cs-approve")
    _wait_text(page, "Status: Goedgekeurd")
    _sign_out(page)

    # the publisher publishes
    _sign_in(page, studio_url, "piet")
    tap(page, "list-open-1")
    tap(page, "cs-publish")
    _wait_text(page, "Status: Gepubliceerd")
    assert studio.change_set(1).state_label == "Gepubliceerd"

    main = studio.repo.head("main") or ""
    bundle = load_bundle((studio.repo.read_file(main, APP_BUNDLE) or "").encode())
    advice = bundle.get("jeugd-gezinsvoogd").node("advies-geven")
    assert getattr(advice, "explanation", "") == NEW_TEXT
    steps = [(e.actor, e.action) for e in studio.audit(1)]
    # one save by hand and at least one by autosave (a slow machine may pause mid-typing)
    assert steps.count(("anna", "opgeslagen")) >= 2
    steps = [step for i, step in enumerate(steps) if i == 0 or step != steps[i - 1]]
    assert steps == [
        ("anna", "voorstel-gemaakt"),
        ("anna", "opgeslagen"),
        ("anna", "ingediend"),
        ("jet", "opmerking"),
        ("jet", "goedgekeurd"),
        ("piet", "gepubliceerd"),
    ]
    assert all(e.at for e in studio.audit(1))
    wait_for(page, f"audit-{studio.audit(1)[-1].id}")  # the log on screen, with who and when
