"""The citizen app and municipal overlays: a municipality the user chose shows its own text,
marked as local; another municipality (or none) sees the national text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from viewkit import RecordingNavigator, texts

from overlaykit import (
    AMSTERDAM_CONTACTS,
    AMSTERDAM_STEP,
    FLOW_ID,
    amsterdam,
    content,
    national,
    write_overlay,
)
from privacyapp.engine import FlowSession, load_flows
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.municipality.screen import _screen
from privacyapp.views.shell.routes import route_table
from privacyapp.views.shell.shell import render_route

ROUTES = route_table()
ROUTE = f"/vraag/{FLOW_ID}/advies-inzage"
LOCAL_MARK = "Lokale informatie van gemeente Amsterdam"


@pytest.fixture
def local_services(services: Services, tmp_path: Path) -> Services:
    root = content(tmp_path)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(national(root)))
    result = load_flows([root])
    assert result.library is not None
    return replace(services, library=result.library.published())


def _advice(state: AppState, services: Services, code: str | None) -> list[str]:
    state.municipality = code
    flow = services.library.get(FLOW_ID)
    start = FlowSession.start(flow, content_hash="test", clock=services.clock)
    state.set_session(replace(start, current_id="advies-inzage"))
    shown = render_route(ROUTES, ROUTE, state, services, RecordingNavigator())
    return texts(shown.content)


def test_the_chosen_municipality_shows_its_own_contacts_marked_local(
    state: AppState, local_services: Services
) -> None:
    seen = _advice(state, local_services, "GM0363")
    contact = seen.index("Contactgegevens")
    assert seen[contact + 1 : contact + 3] == [LOCAL_MARK, AMSTERDAM_CONTACTS[0]["name"]]
    assert "Bel 14 020" in seen
    # the steps are national here, and not marked
    assert seen.count(LOCAL_MARK) == 1


@pytest.mark.parametrize("code", [None, "GM0599"])
def test_other_municipalities_see_the_national_text(
    state: AppState, local_services: Services, code: str | None
) -> None:
    seen = _advice(state, local_services, code)
    contact = seen.index("Contactgegevens")
    assert seen[contact + 1] == "Het Juridisch Loket"
    assert AMSTERDAM_CONTACTS[0]["name"] not in seen
    assert LOCAL_MARK not in seen


def test_choosing_a_municipality_on_its_screen_sets_it_for_the_flows(
    state: AppState, services: Services
) -> None:
    ctx = ViewContext(state, services, RecordingNavigator(), Translator("nl"))
    screen = _screen(ctx)
    assert screen is not None
    screen.select("GM0363")
    assert state.municipality == "GM0363"


def test_typing_a_name_that_opens_a_card_sets_it_too(state: AppState, services: Services) -> None:
    ctx = ViewContext(state, services, RecordingNavigator(), Translator("nl"))
    screen = _screen(ctx)
    assert screen is not None
    screen.type_query("Amsterdam")
    assert state.municipality == "GM0363"


def _step(state: AppState, services: Services, code: str | None, node: str) -> list[str]:
    state.municipality = code
    flow = services.library.get(FLOW_ID)
    start = FlowSession.start(flow, content_hash="test", clock=services.clock)
    state.set_session(replace(start, current_id=node))
    shown = render_route(ROUTES, f"/vraag/{FLOW_ID}/{node}", state, services, RecordingNavigator())
    return texts(shown.content)


def test_a_local_info_step_shows_the_municipalitys_text_marked_local(
    state: AppState, local_services: Services
) -> None:
    seen = _step(state, local_services, "GM0363", "lokale-stap")
    assert LOCAL_MARK in seen
    assert "Zo vraag je het aan in Amsterdam" in seen and AMSTERDAM_STEP in seen
    assert "Zo vraag je het aan" not in seen  # not the national title as well


@pytest.mark.parametrize("code", [None, "GM0599"])
def test_the_info_step_is_national_for_other_municipalities(
    state: AppState, local_services: Services, code: str | None
) -> None:
    seen = _step(state, local_services, code, "lokale-stap")
    assert "Zo vraag je het aan" in seen and AMSTERDAM_STEP not in seen
    assert LOCAL_MARK not in seen


def test_a_step_without_local_text_has_no_mark(state: AppState, local_services: Services) -> None:
    assert LOCAL_MARK not in _step(state, local_services, "GM0363", "vraag-wat")
