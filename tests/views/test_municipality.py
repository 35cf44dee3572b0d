"""The "Over deze app" and "Je gemeente" screens, built and driven without a Flet client."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import flet as ft
import httpx
import pytest

from privacyapp.opendata import Address, Municipality, MunicipalityDirectory
from privacyapp.views.municipality import (
    ABOUT_TEXT,
    NO_EMAIL_TEXT,
    PDOK_NOTICE,
    MunicipalityScreen,
    about_view,
    detail_card,
    tel_url,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
PDOK_FILE = Path(__file__).parents[1] / "opendata" / "fixtures" / "pdok_free_postcode_3584CC.json"


def walk(control: Any) -> Iterator[Any]:
    yield control
    for name in ("content", "title", "subtitle", "leading", "trailing"):
        child = getattr(control, name, None)
        if isinstance(child, ft.Control):
            yield from walk(child)
    for child in getattr(control, "controls", None) or []:
        yield from walk(child)


def by_id(root: Any, identifier: str) -> ft.Semantics:
    found = [c for c in walk(root) if isinstance(c, ft.Semantics) and c.identifier == identifier]
    assert len(found) == 1, f"{identifier}: {len(found)} found"
    return found[0]


def ids(root: Any) -> set[str]:
    return {c.identifier for c in walk(root) if isinstance(c, ft.Semantics) and c.identifier}


def texts(root: Any) -> list[str]:
    return [c.value for c in walk(root) if isinstance(c, ft.Text) and isinstance(c.value, str)]


def interactive(root: Any) -> list[Any]:
    kinds = (ft.Button, ft.IconButton, ft.TextButton, ft.TextField, ft.ListTile)
    return [c for c in walk(root) if isinstance(c, kinds)]


def click(control: Any, event: Any = None) -> None:
    handler = control.on_click
    outcome = handler(event)
    if asyncio.iscoroutine(outcome):
        asyncio.run(outcome)


def pdok_transport(body: bytes, status: int = 200) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        if "locatieserver" in request.url.path:
            return httpx.Response(status, content=body)
        return httpx.Response(503)

    return httpx.MockTransport(handle)


@pytest.fixture
def directory() -> MunicipalityDirectory:
    return MunicipalityDirectory(clock=lambda: NOW)


def test_about_says_what_the_app_is_about_and_leads_to_the_municipality() -> None:
    opened: list[bool] = []
    view = about_view(lambda: opened.append(True))
    assert ABOUT_TEXT in texts(view)
    link = by_id(view, "about-naar-gemeente")
    assert link.label == "Niet eens met de hulp zelf? Neem contact op met je gemeente"
    click(link.content)
    assert opened == [True]


def test_search_by_name_shows_the_card_with_actionable_details(
    directory: MunicipalityDirectory,
) -> None:
    screen = MunicipalityScreen(directory)
    screen.search("den bosch")
    card = by_id(screen.control, "gemeente-kaart-GM0796")
    assert "Gemeente 's-Hertogenbosch" in texts(card)
    assert by_id(card, "gemeente-bel").content.url == "tel:0736155155"
    assert by_id(card, "gemeente-mail").content.url == "mailto:gemeente@s-hertogenbosch.nl"
    assert by_id(card, "gemeente-website").content.url == "https://www.s-hertogenbosch.nl"
    assert by_id(card, "gemeente-formulier").content.url.startswith(
        "https://formulier.s-hertogenbosch.nl/"
    )
    assert "Wolvenhoek 1\n5211 HH  'S-HERTOGENBOSCH" in texts(card)
    assert "Postbus 12345\n5200 GZ  'S-HERTOGENBOSCH" in texts(card)
    assert by_id(card, "gemeente-bron").label == (
        "Bron: Register van Overheidsorganisaties, bijgewerkt op 15-04-2026"
    )


def test_several_matches_are_listed_and_one_can_be_chosen(
    directory: MunicipalityDirectory,
) -> None:
    screen = MunicipalityScreen(directory)
    screen.search("bergen")
    found = ids(screen.control)
    assert {"gemeente-resultaat-GM0893", "gemeente-resultaat-GM0373"} <= found
    assert not any(i.startswith("gemeente-kaart-") for i in found)
    click(by_id(screen.control, "gemeente-resultaat-GM0373").content)
    assert "gemeente-kaart-GM0373" in ids(screen.control)


def test_nothing_found_is_said(directory: MunicipalityDirectory) -> None:
    screen = MunicipalityScreen(directory)
    screen.search("xyzzyq")
    assert by_id(screen.control, "gemeente-melding").label == "Geen gemeente gevonden."


def test_without_general_email_the_form_and_phone_are_offered_and_why(
    directory: MunicipalityDirectory,
) -> None:
    amsterdam = directory.get("GM0363")
    assert amsterdam is not None and amsterdam.email is None
    card = detail_card(amsterdam, directory.source_line, lambda *_: None)
    assert by_id(card, "gemeente-geen-email").label == NO_EMAIL_TEXT
    assert "gemeente-mail" not in ids(card)
    assert by_id(card, "gemeente-formulier").content.url == "https://www.amsterdam.nl/contact/"
    assert by_id(card, "gemeente-bel").content.url == "tel:14020"


def test_copy_buttons_copy_the_value_and_say_so(directory: MunicipalityDirectory) -> None:
    copied: list[str] = []
    screen = MunicipalityScreen(directory, on_copy=copied.append)
    screen.search("Nijmegen")
    click(by_id(screen.control, "gemeente-kopieer-telefoon").content)
    click(by_id(screen.control, "gemeente-kopieer-postadres").content)
    assert copied == ["14 024", "Postbus 9105\n6500 HG  NIJMEGEN"]
    assert by_id(screen.control, "gemeente-melding").label == "Postadres gekopieerd."


def test_every_interactive_control_has_an_identifier_and_a_name(
    directory: MunicipalityDirectory,
) -> None:
    screen = MunicipalityScreen(directory)
    screen.open_postcode()
    screen.search("Nijmegen")
    semantics = [c for c in walk(screen.control) if isinstance(c, ft.Semantics)]
    wrapped = {id(s.content) for s in semantics if s.identifier and s.label}
    controls = interactive(screen.control)
    assert len(controls) >= 10
    assert all(id(c) in wrapped for c in controls)


def test_postcode_search_is_opt_in_and_tells_what_is_sent(
    directory: MunicipalityDirectory,
) -> None:
    screen = MunicipalityScreen(directory)
    assert "gemeente-postcode-veld" not in ids(screen.control)
    assert PDOK_NOTICE not in texts(screen.control)
    click(by_id(screen.control, "gemeente-postcode-open").content)
    assert by_id(screen.control, "gemeente-pdok-melding").label == PDOK_NOTICE
    assert "gemeente-postcode-veld" in ids(screen.control)


def test_postcode_lookup_opens_the_municipality() -> None:
    client = httpx.Client(transport=pdok_transport(PDOK_FILE.read_bytes()))
    screen = MunicipalityScreen(MunicipalityDirectory(None, client, clock=lambda: NOW))
    screen.open_postcode()
    field = by_id(screen.control, "gemeente-postcode-veld").content
    field.value = "3584 CC"
    click(by_id(screen.control, "gemeente-postcode-zoek").content)
    assert "gemeente-kaart-GM0344" in ids(screen.control)


def test_postcode_on_a_border_lets_the_user_choose() -> None:
    docs = [
        {
            "type": "postcode",
            "postcode": "6564AA",
            "gemeentecode": "0268",
            "gemeentenaam": "Nijmegen",
            "woonplaatsnaam": "Nijmegen",
        },
        {
            "type": "postcode",
            "postcode": "6564AA",
            "gemeentecode": "1945",
            "gemeentenaam": "Berg en Dal",
            "woonplaatsnaam": "Heilig Landstichting",
        },
    ]
    body = json.dumps({"response": {"numFound": 2, "docs": docs}}).encode()
    client = httpx.Client(transport=pdok_transport(body))
    screen = MunicipalityScreen(MunicipalityDirectory(None, client, clock=lambda: NOW))
    asyncio.run(screen.lookup_postcode("6564 AA"))
    assert by_id(screen.control, "gemeente-melding").label == (
        "Deze postcode ligt in meer dan één gemeente. Kies je gemeente."
    )
    assert {"gemeente-resultaat-GM0268", "gemeente-resultaat-GM1945"} <= ids(screen.control)
    screen.select("GM1945")
    assert "gemeente-kaart-GM1945" in ids(screen.control)


def test_postcode_without_network_keeps_name_search_working() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    screen = MunicipalityScreen(MunicipalityDirectory(None, client, clock=lambda: NOW))
    asyncio.run(screen.lookup_postcode("3584 CC"))
    assert "Zoek je gemeente op naam" in by_id(screen.control, "gemeente-melding").label
    screen.search("Utrecht")
    assert "gemeente-kaart-GM0344" in ids(screen.control)


def test_an_invalid_postcode_is_explained_and_not_sent() -> None:
    calls: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=b"{}")

    client = httpx.Client(transport=httpx.MockTransport(record))
    screen = MunicipalityScreen(MunicipalityDirectory(None, client, clock=lambda: NOW))
    asyncio.run(screen.lookup_postcode("12 AB"))
    assert "geen postcode" in by_id(screen.control, "gemeente-melding").label
    assert calls == []


def test_refresh_without_connection_says_which_data_is_used() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    screen = MunicipalityScreen(MunicipalityDirectory(None, client, clock=lambda: NOW))
    assert by_id(screen.control, "gemeente-status").label == "Gegevens van 15-04-2026."
    asyncio.run(screen.opened())  # never checked: opening the page refreshes
    assert by_id(screen.control, "gemeente-status").label == (
        "Geen verbinding — we gebruiken de gegevens van 15-04-2026."
    )
    assert len(screen.directory.all()) == 342


def test_refresh_success_says_bijgewerkt(tmp_path: Path) -> None:
    xml = (
        b'<?xml version="1.0"?><p:overheidsorganisaties p:timestamp="2026-11-21T22:00:00+01:00" '
        b'xmlns:p="https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"><p:organisaties>'
        b"<p:organisatie><p:naam>Gemeente Nijmegen</p:naam><p:types><p:type>Gemeente</p:type>"
        b'</p:types><p:identificatiecodes><p:resourceIdentifier p:naam="Organisatiecode">gm0268'
        b"</p:resourceIdentifier></p:identificatiecodes></p:organisatie></p:organisaties>"
        b"</p:overheidsorganisaties>"
    )
    client = httpx.Client(
        transport=httpx.MockTransport(lambda _r: httpx.Response(200, content=xml))
    )
    screen = MunicipalityScreen(MunicipalityDirectory(tmp_path, client, clock=lambda: NOW))
    click(by_id(screen.control, "gemeente-vernieuwen").content)
    assert by_id(screen.control, "gemeente-status").label == "Bijgewerkt op 21-11-2026."
    screen.search("Nijmegen")
    assert by_id(screen.control, "gemeente-bron").label.endswith("bijgewerkt op 21-11-2026")


def test_an_offline_directory_does_not_refresh_on_open(directory: MunicipalityDirectory) -> None:
    screen = MunicipalityScreen(directory)
    asyncio.run(screen.opened())
    assert by_id(screen.control, "gemeente-status").label == "Gegevens van 15-04-2026."


def test_tel_url() -> None:
    assert tel_url("(073) 615 51 55") == "tel:0736155155"
    assert tel_url("14 024") == "tel:14024"
    assert tel_url("+31 20 123 4567") == "tel:+31201234567"


def test_a_record_without_optional_fields_still_renders() -> None:
    record = Municipality(code="GM9999", name="Testdorp")
    card = detail_card(record, "Bron: test", lambda *_: None)
    assert "gemeente-geen-email" in ids(card)
    assert "gemeente-bel" not in ids(card)
    full = Municipality(
        code="GM9998",
        name="Ander",
        visit_address=Address("Markt", "1", "1234 AB", "ANDER"),
    )
    assert "gemeente-kopieer-bezoekadres" in ids(detail_card(full, "Bron", lambda *_: None))
    assert date(2026, 4, 15)  # the snapshot date used throughout
