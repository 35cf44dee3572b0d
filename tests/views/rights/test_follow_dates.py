"""The follow-up's date fields (verlenging, weigering): a wrong date is summarised at the field
with a link to it, like every other form's error."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import flet as ft
import pytest
from store_app import open_store
from viewkit import RecordingNavigator, click, find, idents, texts

from privacyapp.rights import RequestKind, RightsRequest, typed_recipient
from privacyapp.views.kit.focus import FOCUS_REQUESTED
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreService
from privacyapp.views.rights.feedback import FEEDBACK_KEY
from privacyapp.views.rights.screen import RightsScreen
from privacyapp.views.shell.render import render_route
from privacyapp.views.shell.routes import route_table

TODAY = date(2026, 11, 22)


class _Actions:
    def open_url(self, url: str) -> ft.ClientAction | None:
        return None

    def copy_text(self, text: str) -> ft.ClientAction | None:
        return None


@pytest.fixture
def screen() -> RightsScreen:
    recipient = replace(
        typed_recipient("Gemeente Zwolle", email="privacy@zwolle.nl"), municipality_code="gm0193"
    )
    request = RightsRequest(
        id="req-z", kind=RequestKind.INZAGE, recipient=recipient, subject="Verzoek om inzage",
        sender="Sam", sent=date(2026, 10, 1), letter="Aan: Zwolle",
    )  # fmt: skip
    focused: list[ft.Control] = []

    def focus(control: ft.Control) -> None:
        focused.append(control)
        setattr(control, FOCUS_REQUESTED, True)

    made = RightsScreen(
        today=lambda: TODAY, actions=_Actions(), following=request, save_request=lambda _r: None,
        focus=focus,
    )  # fmt: skip
    made.focused = focused  # type: ignore[attr-defined]
    return made


def _submit(screen: RightsScreen, ident: str, text: str) -> None:
    field = find(screen.build(), ident)
    field.on_submit(type("E", (), {"control": type("C", (), {"value": text})})())


@pytest.mark.parametrize(
    ("ident", "typed", "link"),
    [
        ("rights-extension", "31-02-2026", "Ga naar: Datum van de verlenging"),
        ("rights-refused", "31-02-2026", "Ga naar: Datum van het besluit"),
        ("rights-refused", "1 januari 2030", "Ga naar: Datum van het besluit"),  # after today
    ],
)
def test_a_wrong_follow_up_date_is_summarised_under_its_field_with_a_link(
    screen: RightsScreen, ident: str, typed: str, link: str
) -> None:
    _submit(screen, ident, typed)
    view = screen.build()
    ids = idents(view)
    assert "rights-error-summary" in ids
    # under the field the user pressed Enter in, not at the top of the follow-up
    assert ids.index("rights-error-summary") == ids.index(f"{ident}-save") + 1  # its button
    first = find(view, "rights-error-summary-link-0")
    assert first.content.value == link
    assert getattr(first, FOCUS_REQUESTED, False)  # focus went to the summary's link
    assert find(view, ident).value == typed  # what was typed stays, to correct it
    click(first)
    assert screen.focused[-1] is find(view, ident)  # type: ignore[attr-defined]
    assert screen.take_reveal() is not None  # the shell scrolls the summary into view


def test_the_same_wrong_date_again_moves_focus_to_the_summary_again(screen: RightsScreen) -> None:
    _submit(screen, "rights-extension", "31-02-2026")
    _submit(screen, "rights-extension", "31-02-2026")
    focused: list[Any] = screen.focused  # type: ignore[attr-defined]
    assert [c.content.value for c in focused] == ["Ga naar: Datum van de verlenging"] * 2


def test_a_good_date_clears_the_summary_and_says_it_was_saved(screen: RightsScreen) -> None:
    _submit(screen, "rights-extension", "31-02-2026")
    _submit(screen, "rights-extension", "15-10-2026")
    view = screen.build()
    ids = idents(view)
    assert "rights-error-summary" not in ids
    assert ids.index("rights-notice") == ids.index("rights-extension-save") + 1
    assert "De verlenging is bewaard." in texts(view)


@pytest.mark.parametrize(("ident", "typed"), [("rights-extension", "15 oktober 2026"),
                                               ("rights-refused", "20-11-2026")])  # fmt: skip
def test_a_date_is_saved_with_its_button_too_not_only_with_enter(
    screen: RightsScreen, ident: str, typed: str
) -> None:
    """Nothing on screen said that Enter saves a date: each field has its own button, and
    a short label ("Datum van ...") under the question, with how to write the date."""
    view = screen.build()
    field = find(view, ident)
    assert field.label in ("Datum van de verlenging", "Datum van het besluit")
    assert "15-10-2026" in field.helper
    field.value = typed
    click(find(view, f"{ident}-save"))
    view = screen.build()
    assert "rights-error-summary" not in idents(view)
    assert find(view, ident).value == typed  # what was typed stays
    if ident == "rights-extension":
        assert "De verlenging is bewaard." in texts(view)
    else:
        assert "rights-objection" in idents(view)  # the bezwaar route, from that day


def test_the_follow_route_scrolls_to_the_summary_at_the_date(
    state: AppState, services: Services, tmp_path: Path
) -> None:
    lock = open_store(state, pin="24680")
    assert lock.vault is not None
    request = RightsRequest(
        id="req-9", kind=RequestKind.INZAGE, recipient=typed_recipient("Zorg BV", email="a@b.nl"),
        subject="Verzoek om inzage", sender="Sam", sent=date(2026, 10, 1), letter="Aan: Zorg BV",
    )  # fmt: skip
    record = lock.vault.create("request", request.subject, request.to_dict(), status="open")
    with_store = replace(services, store=StoreService(tmp_path, web=False))
    route, nav = f"/verzoek/volgen/{record.id}", RecordingNavigator()
    shown = render_route(route_table(), route, state, with_store, nav)
    assert shown.focus is None
    find(shown.content, "rights-extension").on_submit(
        type("E", (), {"control": type("C", (), {"value": "31-02-2026"})})()
    )
    shown = render_route(route_table(), route, state, with_store, nav)
    assert shown.focus == FEEDBACK_KEY  # the shell brings the summary at the field into view
    ids = idents(shown.content)
    assert ids.index("rights-error-summary") == ids.index("rights-extension-save") + 1
