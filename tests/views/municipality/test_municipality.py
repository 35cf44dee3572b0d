"""The "Je gemeente" screen (/gemeente) and the disclaimer, built and driven without a client."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import flet as ft
import httpx
import pytest
from viewkit import click, find, heard, idents, texts, ui_phrases, walk

from privacyapp.opendata import Address, Municipality, MunicipalityDirectory, OpenDataCode
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Lazy
from privacyapp.views.municipality.screen import (
    ROUTES,
    MunicipalityScreen,
    MunicipalityState,
    detail_card,
    municipality_view,
    tel_url,
)
from privacyapp.views.shell import more

sys.path.insert(0, str(Path(__file__).parents[2]))  # the register export built by the feed tests

from opendata.conftest import CSV_FILE  # noqa: E402
from opendata.roo_xml import full_register_xml  # noqa: E402

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
PDOK_FILE = Path(__file__).parents[2] / "opendata" / "fixtures" / "pdok_free_postcode_3584CC.json"
NL = Translator("nl")
NO_EMAIL = NL("municipality.no_email")
PDOK_NOTICE = NL("municipality.pdok")


def run_async(coroutine: Any) -> Any:
    """Run a coroutine to the end on its own loop, in a worker thread: the browser tests of the
    same session keep Playwright's loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def press(control: Any, event: Any = None) -> None:
    """Click, and run the handler to the end when it is async (as Flet does)."""
    outcome = click(control, event)
    if asyncio.iscoroutine(outcome):
        run_async(outcome)


def label(root: Any, ident: str) -> str:
    """What a screen reader reads for an identifier: its label, else its text."""
    node = next(c for c in walk(root) if isinstance(c, ft.Semantics) and c.identifier == ident)
    return str(node.label or " ".join(texts(node)))


def screen_for(client: httpx.Client | None = None, **kwargs: Any) -> MunicipalityScreen:
    directory = MunicipalityDirectory(None, client, clock=lambda: NOW)
    return MunicipalityScreen(directory, **kwargs)


def refusing_client() -> httpx.Client:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    return httpx.Client(transport=httpx.MockTransport(refuse))


def pdok_client(body: bytes) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(200, content=body)))


def test_a_deep_link_to_a_code_opens_its_card(ctx: ViewContext) -> None:
    deep = ROUTES[1]
    assert deep.enter is not None
    ctx.params = {"code": "gm0268"}
    assert deep.enter(ctx) == "/gemeente"
    assert "municipality-card-gm0268" in idents(municipality_view(ctx))
    ctx.params = {"code": "onzin"}
    assert deep.enter(ctx) == "/gemeente"  # an unknown code just shows the screen


def test_route_and_strings() -> None:
    assert [r.pattern for r in ROUTES] == ["/gemeente", "/gemeente/{code}"]
    assert NL("municipality.title") == "Je gemeente"
    assert Translator("en")("municipality.title") == "Your municipality"


def test_the_disclaimer_leads_to_the_municipality(ctx: ViewContext) -> None:
    about = more.about_view(ctx)
    press(find(about, "about-municipality"))
    assert ctx.nav.routes == ["/gemeente"]  # type: ignore[attr-defined]
    assert "Niet eens met de hulp zelf? Neem contact op met je gemeente" in texts(about)
    screen = municipality_view(ctx)
    shown = " ".join(texts(screen))
    assert "Deze app gaat alleen over privacy en gegevens, niet over de zorg of hulp zelf." in shown


def test_search_by_name_shows_the_card_with_usable_details(ctx: ViewContext) -> None:
    view = municipality_view(ctx)
    find(view, "municipality-search").on_submit(
        type("E", (), {"control": type("C", (), {"value": "den bosch"})()})()
    )
    view = municipality_view(ctx)  # the shell re-renders after nav.refresh()
    card = find(view, "municipality-card-gm0796")
    assert "Gemeente 's-Hertogenbosch" in texts(card)
    assert find(card, "municipality-call").url == "tel:0736155155"
    assert find(card, "municipality-mail").url == "mailto:gemeente@s-hertogenbosch.nl"
    assert find(card, "municipality-website").url == "https://www.s-hertogenbosch.nl"
    assert find(card, "municipality-form").url.startswith("https://formulier.s-hertogenbosch.nl/")
    assert "Wolvenhoek 1\n5211 HH  'S-HERTOGENBOSCH" in texts(card)
    assert "Postbus 12345\n5200 GZ  'S-HERTOGENBOSCH" in texts(card)
    assert label(card, "municipality-source") == (
        "Bron: Register van Overheidsorganisaties, bijgewerkt op 15-04-2026"
    )


def test_typing_updates_results_in_place_without_a_full_render(ctx: ViewContext) -> None:
    view = municipality_view(ctx)
    field = find(view, "municipality-search")
    field.on_change(type("E", (), {"control": type("C", (), {"value": "Nijmegen"})()})())
    assert "municipality-card-gm0268" in idents(view)  # same controls, updated
    assert ctx.nav.refreshes == 0  # type: ignore[attr-defined]


def test_several_matches_are_listed_and_one_can_be_chosen() -> None:
    screen = screen_for()
    screen.search("bergen")
    shown = idents(screen.control)
    assert {"municipality-result-gm0893", "municipality-result-gm0373"} <= set(shown)
    assert not any(i.startswith("municipality-card-") for i in shown)
    press(find(screen.control, "municipality-result-gm0373"))
    assert "municipality-card-gm0373" in idents(screen.control)


def test_nothing_found_is_said() -> None:
    screen = screen_for()
    screen.search("xyzzyq")
    assert label(screen.control, "municipality-message") == NL("municipality.none")


def test_without_general_email_the_form_and_phone_are_offered_and_why() -> None:
    directory = MunicipalityDirectory()
    amsterdam = directory.get("GM0363")
    assert amsterdam is not None and amsterdam.email is None
    card = detail_card(amsterdam, directory.source_line, lambda *_: None)
    assert NO_EMAIL in texts(card)
    assert "municipality-mail" not in idents(card)
    assert find(card, "municipality-form").url == "https://www.amsterdam.nl/contact/"
    assert find(card, "municipality-call").url == "tel:14020"


def test_copy_buttons_copy_the_value_and_say_so() -> None:
    copied: list[str] = []
    screen = screen_for(on_copy=copied.append)
    screen.search("Nijmegen")
    press(find(screen.control, "municipality-copy-phone"))
    press(find(screen.control, "municipality-copy-postal"))
    assert copied == ["14 024", "Postbus 9105\n6500 HG  NIJMEGEN"]
    assert label(screen.control, "municipality-message") == "Postadres gekopieerd."


def test_every_interactive_control_has_an_identifier_and_a_name() -> None:
    screen = screen_for()
    screen.open_postcode()
    screen.search("Nijmegen")
    named = {
        id(c.content)
        for c in walk(screen.control)
        if isinstance(c, ft.Semantics) and c.identifier and c.label
    }
    kinds = (ft.FilledButton, ft.OutlinedButton, ft.IconButton, ft.TextButton, ft.TextField)
    controls = [c for c in walk(screen.control) if isinstance(c, kinds)]
    assert len(controls) >= 10
    assert all(id(c) in named for c in controls)


def test_postcode_search_is_opt_in_and_tells_what_is_sent() -> None:
    screen = screen_for()
    assert "municipality-postcode" not in idents(screen.control)
    assert PDOK_NOTICE not in texts(screen.control)
    press(find(screen.control, "municipality-postcode-open"))
    assert PDOK_NOTICE in texts(screen.control)
    assert "municipality-postcode" in idents(screen.control)


def test_postcode_lookup_opens_the_municipality() -> None:
    screen = screen_for(pdok_client(PDOK_FILE.read_bytes()))
    screen.open_postcode()
    find(screen.control, "municipality-postcode").value = "3584 CC"
    press(find(screen.control, "municipality-postcode-go"))
    assert "municipality-card-gm0344" in idents(screen.control)


def test_postcode_on_a_border_lets_the_user_choose() -> None:
    docs = [
        {"type": "postcode", "postcode": "6564AA", "gemeentecode": "0268",
         "gemeentenaam": "Nijmegen", "woonplaatsnaam": "Nijmegen"},
        {"type": "postcode", "postcode": "6564AA", "gemeentecode": "1945",
         "gemeentenaam": "Berg en Dal", "woonplaatsnaam": "Heilig Landstichting"},
    ]  # fmt: skip
    body = json.dumps({"response": {"numFound": 2, "docs": docs}}).encode()
    screen = screen_for(pdok_client(body))
    run_async(screen.lookup_postcode("6564 AA"))
    assert label(screen.control, "municipality-message") == NL("municipality.choose")
    assert {"municipality-result-gm0268", "municipality-result-gm1945"} <= set(
        idents(screen.control)
    )
    press(find(screen.control, "municipality-result-gm1945"))
    assert "municipality-card-gm1945" in idents(screen.control)


def test_postcode_without_network_keeps_name_search_working() -> None:
    screen = screen_for(refusing_client())
    run_async(screen.lookup_postcode("3584 CC"))
    assert "Zoek je gemeente op naam" in label(screen.control, "municipality-message")
    screen.search("Utrecht")
    assert "municipality-card-gm0344" in idents(screen.control)


def test_an_invalid_postcode_is_explained_and_not_sent() -> None:
    calls: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=b"{}")

    screen = screen_for(httpx.Client(transport=httpx.MockTransport(record)))
    run_async(screen.lookup_postcode("12 AB"))
    assert "geen postcode" in label(screen.control, "municipality-message")
    assert calls == []


def test_opening_without_connection_says_which_data_is_used() -> None:
    screen = screen_for(refusing_client())
    assert label(screen.control, "municipality-status") == "Gegevens van 15-04-2026."
    assert screen.needs_auto_refresh()  # the built-in list was never checked
    run_async(screen.opened())
    assert label(screen.control, "municipality-status") == (
        "Geen verbinding — we gebruiken de gegevens van 15-04-2026."
    )
    assert len(screen.directory.all()) == 342
    assert not screen.needs_auto_refresh()  # tried once this session; the button stays


def test_the_web_build_has_no_refresh_button_and_says_why() -> None:
    """The static web build never asks the register: no button that cannot work, no automatic
    try, and a line saying which list is shown (not "geen verbinding": the user may be online)."""
    directory = MunicipalityDirectory(
        None, refusing_client(), clock=lambda: NOW, asks_register=False
    )
    screen = MunicipalityScreen(directory)
    assert "municipality-refresh" not in idents(screen.control)
    assert not screen.needs_auto_refresh()
    assert label(screen.control, "municipality-status") == (
        "De webversie haalt de lijst van gemeenten niet zelf op. Je ziet de gegevens van "
        "15-04-2026, die bij de app horen."
    )
    assert "municipality-postcode-open" in idents(screen.control)  # PDOK, through the browser


def test_refresh_success_says_bijgewerkt(tmp_path: Path) -> None:
    # every municipality: a refresh that drops most of them is refused (the register's fault)
    xml = full_register_xml(CSV_FILE, timestamp="2026-11-21T22:00:00+01:00")
    client = pdok_client(xml)
    screen = MunicipalityScreen(MunicipalityDirectory(tmp_path, client, clock=lambda: NOW))
    press(find(screen.control, "municipality-refresh"))
    assert label(screen.control, "municipality-status") == "Bijgewerkt op 21-11-2026."
    screen.search("Nijmegen")
    assert label(screen.control, "municipality-source").endswith("bijgewerkt op 21-11-2026")


def test_state_survives_a_re_render(ctx: ViewContext) -> None:
    screen = MunicipalityScreen(
        ctx.services.directory,
        ctx.state.features.get(MunicipalityState),
        on_change=ctx.nav.refresh,
    )
    screen.search("Utrecht")
    assert ctx.nav.refreshes == 1  # type: ignore[attr-defined]
    assert "municipality-card-gm0344" in idents(municipality_view(ctx))


def test_without_a_directory_the_screen_says_so(ctx: ViewContext) -> None:
    ctx.services = dataclasses.replace(ctx.services, directory_service=None)
    view = municipality_view(ctx)
    assert NL("municipality.unavailable") in " ".join(texts(view))


def test_english_screen(ctx: ViewContext) -> None:
    ctx.t = Translator("en")
    assert "Find your municipality by name" in texts(municipality_view(ctx))


def test_tel_url() -> None:
    assert tel_url("(073) 615 51 55") == "tel:0736155155"
    assert tel_url("14 024") == "tel:14024"
    assert tel_url("+31 20 123 4567") == "tel:+31201234567"


@pytest.mark.parametrize("with_address", [False, True])
def test_a_record_with_few_fields_still_renders(with_address: bool) -> None:
    visit = Address("Markt", "1", "1234 AB", "TESTDORP") if with_address else None
    record = Municipality(code="GM9999", name="Testdorp", visit_address=visit)
    card = detail_card(record, "Bron: test", lambda *_: None)
    assert NO_EMAIL in texts(card)
    assert "municipality-call" not in idents(card)
    assert ("municipality-copy-visit" in idents(card)) == with_address


# ---------------------------------------------------------------------------- English UI

EN = Translator("en")
DUTCH_UI = ui_phrases("nl", "municipality.")


@pytest.fixture
def en_ctx(ctx: ViewContext) -> ViewContext:
    """The same context with English chosen in the settings (the shell makes ``t`` from it)."""
    ctx.state.settings = dataclasses.replace(ctx.state.settings, language="en")
    ctx.t = Translator(ctx.state.settings.language)
    return ctx


def no_dutch(control: Any) -> str:
    """What the screen shows, after checking that none of the Dutch UI text is in it."""
    shown = heard(control)
    assert [phrase for phrase in DUTCH_UI if phrase in shown] == []
    assert "Bron:" not in shown and "bijgewerkt" not in shown
    return shown


def search_event(value: str) -> Any:
    return type("E", (), {"control": type("C", (), {"value": value})()})()


def test_english_search_results_and_card(en_ctx: ViewContext) -> None:
    view = municipality_view(en_ctx)
    find(view, "municipality-search").on_submit(search_event("bergen"))
    results = municipality_view(en_ctx)
    assert "municipality-result-gm0893" in idents(results)
    shown = no_dutch(results)
    assert "Find your municipality by name" in shown
    assert "For example Den Bosch or Súdwest-Fryslân" in shown
    assert "This app is only about privacy and personal data" in shown
    assert "Data of 15 Apr 2026." in shown
    assert "Update the list of municipalities" in shown  # the refresh button's name

    find(results, "municipality-search").on_submit(search_event("den bosch"))
    view = municipality_view(en_ctx)
    card = find(view, "municipality-card-gm0796")
    assert label(view, "municipality-card-gm0796") == (
        "Contact details of Gemeente 's-Hertogenbosch"  # the name is the register's (Dutch)
    )
    shown = no_dutch(card)
    for text in (
        "Call (073) 615 51 55",
        "Email gemeente@s-hertogenbosch.nl",
        "Copy phone number",
        "Copy e-mail address",
        "Visiting address",
        "Postal address",
        "Contact form",
        "Wolvenhoek 1\n5211 HH  'S-HERTOGENBOSCH",  # the address stays as registered
    ):
        assert text in shown
    assert label(card, "municipality-source") == (
        "Source: Register van Overheidsorganisaties, updated on 15 Apr 2026"
    )


def test_english_copy_nothing_found_and_no_email() -> None:
    copied: list[str] = []
    screen = screen_for(t=EN, on_copy=copied.append)
    screen.search("xyzzyq")
    assert label(screen.control, "municipality-message") == (
        "No municipality found. Try another spelling."
    )
    screen.search("Nijmegen")
    press(find(screen.control, "municipality-copy-visit"))
    assert label(screen.control, "municipality-message") == "Visiting address copied."
    screen.search("Amsterdam")
    assert "This municipality lists no general e-mail address" in no_dutch(screen.control)


def test_english_postcode_notice_and_problems() -> None:
    screen = screen_for(refusing_client(), t=EN)
    press(find(screen.control, "municipality-postcode-open"))
    shown = no_dutch(screen.control)
    assert "Your postcode is sent to PDOK (Kadaster) to find your municipality." in shown
    assert "Find municipality for postcode" in shown
    run_async(screen.lookup_postcode("12 AB"))
    assert label(screen.control, "municipality-message") == (
        "'12 AB' is not a postcode. A postcode is 4 digits and 2 letters, like 1234 AB."
    )
    run_async(screen.lookup_postcode("3584 CC"))  # no network: the service is not reached
    assert label(screen.control, "municipality-message") == EN("municipality.postcode_offline")
    no_dutch(screen.control)


def test_english_postcode_service_with_a_bad_answer() -> None:
    screen = screen_for(pdok_client(b"not json"), t=EN)
    run_async(screen.lookup_postcode("3584 CC"))
    assert label(screen.control, "municipality-message") == EN("municipality.postcode_failed")
    dutch = screen_for(pdok_client(b"not json"))
    run_async(dutch.lookup_postcode("3584 CC"))  # the same code, worded in Dutch
    assert label(dutch.control, "municipality-message") == (
        "De postcodedienst gaf geen bruikbaar antwoord. Zoek je gemeente op naam."
    )


def test_english_status_lines_after_a_refresh(tmp_path: Path) -> None:
    offline = screen_for(refusing_client(), t=EN)
    run_async(offline.opened())
    assert label(offline.control, "municipality-status") == (
        "No connection — we use the data of 15 Apr 2026."
    )
    broken = MunicipalityScreen(
        MunicipalityDirectory(tmp_path, pdok_client(b"<html>down</html>"), clock=lambda: NOW),
        t=EN,
    )
    press(find(broken.control, "municipality-refresh"))
    assert label(broken.control, "municipality-status") == (
        "Update failed — we use the data of 15 Apr 2026. "
        "The register sent something we cannot read."
    )
    no_dutch(broken.control)


def test_english_status_when_the_register_file_is_too_large(tmp_path: Path) -> None:
    directory = MunicipalityDirectory(
        tmp_path, pdok_client(b"<x>" * 1000), clock=lambda: NOW, max_bytes=100
    )
    screen = MunicipalityScreen(directory, t=EN)
    run_async(screen.refresh())
    assert label(screen.control, "municipality-status").endswith(
        "The register's file was too large, so we stopped downloading."
    )


def test_dutch_failed_status_says_what_the_register_sent(tmp_path: Path) -> None:
    directory = MunicipalityDirectory(
        tmp_path, pdok_client(b"<html>down</html>"), clock=lambda: NOW
    )
    screen = MunicipalityScreen(directory)
    result = run_async(screen.refresh())
    assert result.error is not None and result.error.code is OpenDataCode.FEED_FORMAT
    assert label(screen.control, "municipality-status") == (
        "Bijwerken lukte niet — we gebruiken de gegevens van 15-04-2026. "
        "Het register stuurde iets dat we niet kunnen lezen."
    )


def test_switching_language_leaves_no_dutch_message_behind(ctx: ViewContext) -> None:
    ctx.services = dataclasses.replace(
        ctx.services, directory_service=Lazy.ready(MunicipalityDirectory(None, refusing_client()))
    )
    screen = MunicipalityScreen(
        ctx.services.directory,
        ctx.state.features.get(MunicipalityState),
        t=ctx.t,
    )
    screen.search("xyzzyq")
    run_async(screen.refresh())
    assert "Geen gemeente gevonden" in heard(municipality_view(ctx))
    ctx.state.settings = dataclasses.replace(ctx.state.settings, language="en")
    ctx.t = Translator("en")
    view = municipality_view(ctx)
    assert "municipality-message" not in idents(view)  # the one-off message is gone
    assert label(view, "municipality-status") == (
        "No connection — we use the data of 15 Apr 2026."  # the same refresh, said in English
    )
    no_dutch(view)


def test_a_postcode_typed_as_a_name_leads_to_the_postcode_search(tmp_path: Path) -> None:
    """User walk: "3584CC" in the name field said "Probeer een andere spelling"."""
    screen = MunicipalityScreen(MunicipalityDirectory(tmp_path, None, clock=lambda: NOW))
    screen.search("3584CC")
    assert "postcode" in screen.state.message and "spelling" not in screen.state.message
    assert screen.state.postcode_open and screen.state.postcode == "3584CC"
    assert "municipality-postcode" in idents(screen.control)
