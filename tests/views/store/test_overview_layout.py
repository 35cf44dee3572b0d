"""Mijn overzicht at the largest text size on a phone: an item's title keeps most of the row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import flet as ft
import pytest
from store_app import App, open_store
from viewkit import PHONE, find, room_for, walk

from privacyapp.rights import RECORD_KIND, RequestKind, RightsRequest, typed_recipient
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreService


@pytest.fixture
def app(state: AppState, services: Services, tmp_path: Path) -> App:
    lock = open_store(state, pin="24680")
    vault = lock.vault
    assert vault is not None
    vault.create("path", "Delen met de huisarts", {"flow_id": "x"}, flow_id="x")
    late = RightsRequest(  # sent on 1 September: its term passed before the fixed clock's day
        id="req-1", kind=RequestKind.INZAGE, recipient=typed_recipient("Zorg BV", email="a@b.nl"),
        subject="Inzageverzoek", sender="Sam", sent=date(2026, 9, 1), letter="Aan: Zorg BV",
    )  # fmt: skip
    vault.create(RECORD_KIND, "Inzageverzoek", late.to_dict(), status="open")
    return App(state, replace(services, store=StoreService(tmp_path, web=False)))


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_an_items_title_has_most_of_its_row_at_any_text_size(app: App, scale: float) -> None:
    """At 200 % the title had what the rename and delete buttons (and an overdue mark) left
    of the row: about half of it, so a saved item's name broke into pieces of a word."""
    app.state.settings = replace(app.state.settings, text_scale=scale)
    app.open("/overzicht")
    items = list(_list(app).controls)
    assert len(items) == 2
    for index, item in enumerate(items):
        tile = find(item, f"overview-record-{index}")
        assert isinstance(tile, ft.ListTile) and isinstance(tile.title, ft.Text)
        row = room_for(app.content, item, PHONE)
        title = room_for(app.content, tile.title, PHONE)
        assert title >= 0.6 * row, f"{tile.title.value!r}: {title:.0f} of {row:.0f} px"
        # rename and delete stay with their item, each a 48 px target
        assert find(item, f"overview-rename-{index}") is not None
    marked = [find(item, f"overview-record-{n}").leading for n, item in enumerate(items)]
    assert any(marked)  # the overdue request keeps its mark (it takes room from the title)


def _list(app: App) -> ft.Column:
    return next(c for c in walk(app.content) if getattr(c, "key", None) == "overview-list")
