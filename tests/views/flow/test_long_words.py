"""Choices keep their words whole at the largest text size on a phone (390 px, 200 %).

Beside an icon and a chevron a choice's label had about 240 px: "vertegenwoordiger" (home)
and "Noordoostpolder" (municipality list) broke mid-word. From 150 % the label gets the whole
row. Words longer than the row can hold at 200 % (the content has a few, such as
"ondertoezichtstelling", 21 letters) still break; that is the rule of the row, not this test.
"""

from __future__ import annotations

import dataclasses

import flet as ft
import pytest
from viewkit import (
    GLYPH,
    PHONE,
    RecordingNavigator,
    find,
    find_all,
    font_size,
    longest_word_fits,
    room_for,
)
from viewkit import idents as all_idents

from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.municipality.screen import MunicipalityState
from privacyapp.views.shell.routes import route_table
from privacyapp.views.shell.shell import render_route

ROUTES = route_table()
LARGE = 2.0
#: The longest word a phone row holds at 200 %: the audience "vertegenwoordiger".
LONGEST_HELD = 17


def _label(choice: ft.Control) -> ft.Text:
    """A choice's label: its first text (the icons are above it or beside it)."""
    return next(iter(find_all(choice, ft.Text)))


def _open(state: AppState, services: Services, route: str) -> ft.Control:
    return render_route(ROUTES, route, state, services, RecordingNavigator()).content


@pytest.fixture
def large(state: AppState) -> AppState:
    state.settings = dataclasses.replace(state.settings, text_scale=LARGE, audience="inwoner")
    return state


@pytest.mark.parametrize("audience", [None, "inwoner"])
def test_home_audiences_and_sectors_keep_their_words_whole(
    large: AppState, services: Services, audience: str | None
) -> None:
    large.settings = dataclasses.replace(large.settings, audience=audience)
    view = _open(large, services, "/")
    keys = [*services.library.registry.audiences] if audience is None else []
    idents = [f"home-audience-{key}" for key in keys]
    if audience is not None:
        idents += [f"home-sector-{key}" for key in services.library.registry.sectors]
        shown = set(all_idents(view))  # a sector without questions for this audience is left out
        idents = [i for i in idents if i in shown] + ["home-sector-all"]
    assert idents
    for ident in idents:
        label = _label(find(view, ident))
        assert not (problem := longest_word_fits(view, label, LARGE)), f"{ident}: {problem}"


def test_every_municipality_name_fits_its_result_row(large: AppState, services: Services) -> None:
    directory = services.directory
    assert directory is not None
    everything = directory.all()
    large.features.get(MunicipalityState).results = everything
    view = _open(large, services, "/gemeente")
    label = _label(find(view, f"municipality-result-{everything[0].code.lower()}"))
    held = room_for(view, label, PHONE) / _letter(label)  # every result row is laid out alike
    too_long = [m.name for m in everything if _longest(m.name) > held]
    assert too_long == [], f"a result row holds {held:.1f} letters"


@pytest.mark.parametrize(
    ("route", "start"),
    [
        ("/vraag/algemeen-inzage-dossier", "answer-"),
        ("/vragen", "flow-"),
        ("/zoeken?q=dossier", "search-result-"),
    ],
)
def test_answers_questions_and_hits_get_the_whole_row(
    large: AppState, services: Services, route: str, start: str
) -> None:
    view = _open(large, services, route)
    choices = [
        c
        for c in find_all(view, ft.Semantics)
        if str(getattr(c, "identifier", "") or "").startswith(start)
    ]
    assert choices, f"no {start}* on {route}"
    for choice in choices:
        label = _label(choice)
        held = room_for(view, label, PHONE) / _letter(label)
        assert held >= LONGEST_HELD, f"{label.value!r}: the row holds {held:.1f} letters"


def _letter(label: ft.Text) -> float:
    """A letter's width (px) in ``label`` at 200 %, the safe estimate."""
    return GLYPH * font_size(label, LARGE)


def _longest(name: str) -> int:
    """The longest piece of ``name`` a line may not break (lines break after a hyphen)."""
    return max(len(part) for part in name.replace("-", "- ").split())


def test_a_wide_window_keeps_icons_beside_the_words_at_200_percent(
    large: AppState, services: Services
) -> None:
    """Only a phone-width window stacks a choice: at 1280 px a long word fits beside them."""
    large.settings = dataclasses.replace(large.settings, audience=None)
    large.width = 1280
    button = find(_open(large, services, "/"), "home-audience-vertegenwoordiger")
    assert isinstance(button.content, ft.Row), "stacked on a wide window"
    large.width = PHONE
    button = find(_open(large, services, "/"), "home-audience-vertegenwoordiger")
    assert isinstance(button.content, ft.Column), "not stacked on a phone"
