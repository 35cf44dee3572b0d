"""The rights screens, built and driven without a client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import flet as ft
import pytest
from store_app import open_store
from viewkit import RecordingNavigator, click, find, idents, texts

from privacyapp.rights import FOOTER, RequestKind, RightsRequest, Stage
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.rights.screen import RightsScreen, kind_picker
from privacyapp.views.rights.state import RightsState
from privacyapp.views.shell.routes import route_table
from privacyapp.views.shell.shell import render_route

TODAY = date(2026, 11, 22)


class FakeActions:
    def __init__(self) -> None:
        self.opened: list[str] = []
        self.copied: list[str] = []

    def open_url(self, url: str) -> Any:
        self.opened.append(url)
        return None

    def copy_text(self, text: str) -> Any:
        self.copied.append(text)
        return None


@dataclass(frozen=True)
class Addr:
    street: str
    house_number: str
    postcode: str
    city: str

    def lines(self) -> list[str]:
        return [f"{self.street} {self.house_number}", f"{self.postcode}  {self.city}"]


@dataclass(frozen=True)
class Gemeente:
    code: str
    name: str
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    contact_form: str | None = None
    visit_address: Addr | None = None
    postal_address: Addr | None = None


GEMEENTEN = [
    Gemeente(
        "GM0001",
        "Testdorp",
        email="privacy@testdorp.nl",
        postal_address=Addr("Postbus", "1", "1234 AB", "TESTDORP"),
    ),
    Gemeente("GM0002", "Zonderpost", contact_form="https://zonderpost.nl/contact"),
]


def _walk(control: Any) -> Iterator[Any]:
    yield control
    for attr in ("controls", "content", "title", "subtitle"):
        child = getattr(control, attr, None)
        if isinstance(child, list):
            for c in child:
                yield from _walk(c)
        elif isinstance(child, ft.Control):
            yield from _walk(child)


def _by_id(root: Any, identifier: str) -> Any:
    for c in _walk(root):
        if isinstance(c, ft.Semantics) and c.identifier == identifier:
            return c.content
    raise AssertionError(f"no control with identifier {identifier}")


def _ids(root: Any) -> set[str]:
    return {c.identifier for c in _walk(root) if isinstance(c, ft.Semantics) and c.identifier}


def _texts(root: Any) -> str:
    return "\n".join(str(c.value) for c in _walk(root) if isinstance(c, ft.Text) and c.value)


class _E:
    def __init__(self, value: Any) -> None:
        self.control = type("C", (), {"value": value})()


def _type(screen: RightsScreen, key: str, value: str) -> None:
    field = _by_id(screen.build(), f"rights-field-{key}")
    field.on_change(_E(value))


def _click(screen: RightsScreen, identifier: str) -> Any:
    return _by_id(screen.build(), identifier).on_click(None)


@pytest.fixture
def saved() -> list[RightsRequest]:
    return []


@pytest.fixture
def files() -> dict[str, bytes]:
    return {}


@pytest.fixture
def screen(saved: list[RightsRequest], files: dict[str, bytes]) -> RightsScreen:
    def search(q: str) -> list[Gemeente]:
        return [g for g in GEMEENTEN if q.lower() in g.name.lower()]

    def save_file(name: str, data: bytes) -> None:
        files[name] = data

    return RightsScreen(
        today=lambda: TODAY,
        actions=FakeActions(),
        search=search,
        save_request=saved.append,
        save_file=save_file,
        now=lambda: datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
    )


def test_kind_picker_has_one_line_per_kind() -> None:
    chosen: list[RequestKind] = []
    picker = kind_picker(RequestKind.INZAGE, chosen.append)
    ids = _ids(picker)
    assert ids == {f"rights-kind-{k.value}" for k in RequestKind}
    tile = _by_id(picker, "rights-kind-vernietiging")
    assert "drie maanden" in tile.subtitle.value
    tile.on_click(None)
    assert chosen == [RequestKind.VERNIETIGING]


def test_only_the_fields_of_the_chosen_kind_are_asked(screen: RightsScreen) -> None:
    ids = _ids(screen.build())
    assert {"rights-field-data", "rights-field-period", "rights-field-reference"} <= ids
    assert "rights-field-wrong" not in ids
    _by_id(screen.build(), "rights-kind-rectificatie").on_click(None)
    ids = _ids(screen.build())
    assert {"rights-field-wrong", "rights-field-correction", "rights-field-statement"} <= ids
    assert "rights-field-period" not in ids


def test_every_interactive_control_is_named(screen: RightsScreen) -> None:
    interactive = (
        ft.TextField,
        ft.Button,
        ft.TextButton,
        ft.ListTile,
        ft.Switch,
        ft.Radio,
        ft.Dropdown,
    )
    wrapped = {
        id(c.content) for c in _walk(screen.build()) if isinstance(c, ft.Semantics) and c.identifier
    }
    for c in _walk(screen.build()):
        if isinstance(c, interactive):
            assert id(c) in wrapped, f"{type(c).__name__} without identifier"


def test_compose_for_a_municipality_and_save(
    screen: RightsScreen, saved: list[RightsRequest], files: dict[str, bytes]
) -> None:
    _by_id(screen.build(), "rights-gemeente-search").on_change(_E("test"))
    _click(screen, "rights-gemeente-find")
    _click(screen, "rights-gemeente-GM0001")
    assert "Gekozen: Gemeente Testdorp" in _texts(screen.build())
    _type(screen, "name", "Sam de Vries")
    _type(screen, "data", "mijn Wmo-dossier & cc=evil@example.com")
    _click(screen, "rights-preview-button")
    root = screen.build()
    assert FOOTER in _by_id(root, "rights-letter").value
    mail = _by_id(root, "rights-open-mail")
    parts = urlsplit(mail.data)
    assert parts.path == "privacy@testdorp.nl"
    assert set(parse_qs(parts.query)) == {"subject", "body"}
    assert mail.data in screen.actions.opened  # type: ignore[attr-defined]
    # this letter is longer than a safe mail link: the short link, and the full letter copied
    assert "rights-mail-note" in _ids(root) and "rights-open-mail-full" in _ids(root)
    letter_text = _by_id(root, "rights-letter").value
    assert letter_text in screen.actions.copied  # type: ignore[attr-defined]
    full = parse_qs(urlsplit(_by_id(root, "rights-open-mail-full").data).query)
    assert full["body"][0].endswith(FOOTER)
    assert _by_id(root, "rights-copy").data.endswith(FOOTER + "\n")
    assert "KopieID" in _texts(root) and "niet via een server van ons" in _texts(root)
    asyncio.run(_click(screen, "rights-save-pdf"))
    assert files["brief-inzage.pdf"].startswith(b"%PDF")
    _by_id(screen.build(), "rights-sent-date").on_change(_E("2026-11-20"))
    _click(screen, "rights-store")
    assert saved[-1].sent == date(2026, 11, 20)
    assert "Bewaard in Mijn overzicht, verstuurd op 20 november 2026." in _texts(screen.build())
    assert "rights-stage" in _ids(screen.build())
    ics = _by_id(screen.build(), "rights-ics").data
    assert "DTSTART;VALUE=DATE:20261220" in ics
    asyncio.run(_click(screen, "rights-ics"))  # Flet awaits it: the handler is a coroutine
    assert files["termijn-verzoek.ics"].decode() == ics


def test_missing_fields_are_shown(screen: RightsScreen) -> None:
    _click(screen, "rights-preview-button")
    error = _by_id(screen.build(), "rights-error").value
    assert "Kies eerst je gemeente" in error


def test_municipality_without_email_explains_the_contact_form(screen: RightsScreen) -> None:
    screen.set_query("zonder")
    _click(screen, "rights-gemeente-find")
    _click(screen, "rights-gemeente-GM0002")
    assert "geen e-mailadres in het register" in _texts(screen.build())
    _type(screen, "name", "Sam")
    _type(screen, "address", "Dorpsstraat 1")
    _click(screen, "rights-preview-button")
    root = screen.build()
    assert "rights-open-mail" not in _ids(root)
    assert _by_id(root, "rights-open-form").data == "https://zonderpost.nl/contact"


def test_typed_organisation_with_bad_address(screen: RightsScreen) -> None:
    screen.set_mode("organisatie")
    _type(screen, "org_name", "Zorg BV")
    _type(screen, "org_email", "zorg@bv,evil@example.com")
    _type(screen, "name", "Sam")
    _click(screen, "rights-preview-button")
    assert "geen geldig e-mailadres" in _by_id(screen.build(), "rights-error").value


def test_acting_for_a_child_shows_proof_and_ages(screen: RightsScreen) -> None:
    _by_id(screen.build(), "rights-for-someone").on_change(_E(True))
    root = screen.build()
    assert "gezagsregister" in _texts(root)
    assert "16 jaar" in _texts(root)
    assert "rights-role" in _ids(root) and "rights-field-person" in _ids(root)


def test_prefilled_kind_from_an_advice_action() -> None:
    screen = RightsScreen(today=lambda: TODAY, actions=FakeActions(), prefill="vernietiging")
    ids = _ids(screen.build())
    assert "rights-field-file" in ids and "rights-field-law" in ids
    assert "rights-field-org_email" in ids  # no directory: type the organisation


def test_follow_up_reminder_and_ap_route(saved: list[RightsRequest]) -> None:
    days = [date(2026, 9, 1)]
    screen = RightsScreen(today=lambda: days[0], actions=FakeActions(), save_request=saved.append)
    screen.set_mode("organisatie")
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam",
    }.items():
        _type(screen, key, value)
    _click(screen, "rights-preview-button")
    _click(screen, "rights-store")
    days[0] = date(2026, 10, 2)  # the term (1 October) has passed
    screen.refresh()
    assert saved[-1].stage(days[0]) is Stage.VERLOPEN
    _click(screen, "rights-reminder")
    letter = _by_id(screen.build(), "rights-letter").value
    assert "Herinnering" in letter and "1 oktober 2026" in letter
    assert saved[-1].follow_ups == ()  # written, not yet sent: nothing is recorded
    _click(screen, "rights-store")  # the user sent it today and says so
    assert saved[-1].follow_ups[-1].sent == date(2026, 10, 2)
    days[0] = date(2026, 10, 20)
    screen.refresh()
    _click(screen, "rights-ap-complaint")
    assert saved[-1].stage(days[0]) is Stage.KLACHT_AP
    assert screen.draft.kind is RequestKind.KLACHT_AP
    assert screen.draft.value("organisation") == "Zorg BV"


# ---------------------------------------------------------------- inside the shell (routes)


SHELL_ROUTES = route_table()


def open_vault(state: AppState, services: Services, tmp_path: Any) -> tuple[Services, Any]:
    """Services whose store gives this page a real, open, in-memory vault."""
    from privacyapp.views.kit.store_session import StoreService

    lock = open_store(state, pin="24680")
    return replace(services, store=StoreService(tmp_path, web=False)), lock.vault


def test_route_verzoek_with_kind_is_prefilled(state: AppState, services: Services) -> None:
    shown = render_route(
        SHELL_ROUTES, "/verzoek/vernietiging", state, services, RecordingNavigator()
    )
    assert shown.title == "Een verzoek over je gegevens"
    ids = idents(shown.content)
    assert "rights-field-file" in ids and "rights-field-law" in ids
    assert "rights-kind-vernietiging" in ids


def test_unknown_kind_in_the_url_shows_the_plain_composer(
    state: AppState, services: Services
) -> None:
    shown = render_route(SHELL_ROUTES, "/verzoek/onzin", state, services, RecordingNavigator())
    assert shown.route == "/verzoek"
    assert "rights-field-data" in idents(shown.content)


def test_in_the_shell_a_request_is_saved_in_the_store(
    state: AppState, services: Services, tmp_path: Any
) -> None:
    with_store, vault = open_vault(state, services, tmp_path)
    nav = RecordingNavigator()
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, with_store, nav)
    screen = state.features.get(RightsState).screen
    assert isinstance(screen, RightsScreen)
    screen.set_mode("organisatie")
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam",
    }.items():
        screen.set_value(key, value)
    click_id = "rights-preview-button"
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, with_store, nav)
    find(shown.content, click_id).on_click(None)
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, with_store, nav)
    assert "mailto:privacy@zorg.nl?" in find(shown.content, "rights-open-mail").data
    find(shown.content, "rights-store").on_click(None)
    (record,) = vault.list()
    assert record.kind == "request" and record.status == "open"
    assert RightsRequest.from_dict(record.payload).sent == date(2026, 11, 22)
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, with_store, nav)
    find(shown.content, "rights-answered").on_click(None)
    (record,) = vault.list()
    assert record.status == "beantwoord"


def test_store_saver_keeps_one_encrypted_record_per_request() -> None:
    from privacyapp.dossier import AppLock, KdfParams, MemoryBackend
    from privacyapp.rights import Status, typed_recipient
    from privacyapp.views.rights.screen import store_saver

    kdf = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)  # tiny cost for tests
    vault = AppLock(MemoryBackend(), kdf=kdf).set_pin("24680")
    ids: dict[str, str] = {}
    save = store_saver(vault, ids)
    request = RightsRequest(
        id="req-1",
        kind=RequestKind.INZAGE,
        recipient=typed_recipient("Zorg BV", email="privacy@zorg.nl"),
        subject="Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        sender="Sam",
        sent=date(2026, 11, 22),
        letter="Aan: Zorg BV",
    )
    save(request)
    save(request.with_status(Status.BEANTWOORD))
    (record,) = vault.list("request")
    assert record.status == "beantwoord"
    assert RightsRequest.from_dict(record.payload) == request.with_status(Status.BEANTWOORD)


def test_follow_route_shows_a_saved_request_and_updates_it(
    state: AppState, services: Services, tmp_path: Any
) -> None:
    from privacyapp.rights import typed_recipient

    with_store, vault = open_vault(state, services, tmp_path)
    request = RightsRequest(
        id="req-9",
        kind=RequestKind.INZAGE,
        recipient=typed_recipient("Zorg BV", email="privacy@zorg.nl"),
        subject="Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        sender="Sam",
        sent=date(2026, 9, 1),
        letter="Aan: Zorg BV",
    )
    record = vault.create("request", request.subject, request.to_dict(), status="open")
    nav = RecordingNavigator()
    shown = render_route(SHELL_ROUTES, f"/verzoek/volgen/{record.id}", state, with_store, nav)
    ids = idents(shown.content)
    assert "rights-stage" in ids and "rights-reminder" in ids  # 1 October has passed
    assert "rights-kind-inzage" not in ids  # no composer while following
    find(shown.content, "rights-reminder").on_click(None)
    shown = render_route(SHELL_ROUTES, f"/verzoek/volgen/{record.id}", state, with_store, nav)
    assert "Herinnering" in find(shown.content, "rights-letter").value
    assert RightsRequest.from_dict(vault.get(record.id).payload).follow_ups == ()
    find(shown.content, "rights-store").on_click(None)  # "verstuurd": now it is recorded
    assert len(vault.list()) == 1
    saved = RightsRequest.from_dict(vault.get(record.id).payload)
    assert saved.follow_ups[-1].sent == date(2026, 11, 22)
    # back to the plain composer: a fresh screen, not the followed request
    shown = render_route(SHELL_ROUTES, "/verzoek", state, with_store, nav)
    assert "rights-kind-inzage" in idents(shown.content)
    missing = render_route(SHELL_ROUTES, "/verzoek/volgen/onbekend", state, with_store, nav)
    assert Translator("nl")("store.error.not_found") in texts(missing.content)


def _compose_in_shell(state: AppState, services: Services, nav: RecordingNavigator) -> Any:
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    screen = state.features.get(RightsState).screen
    screen.set_mode("organisatie")
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam",
    }.items():
        screen.set_value(key, value)
    find(shown.content, "rights-preview-button").on_click(None)
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    find(shown.content, "rights-store").on_click(None)
    return render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)


def test_locked_store_asks_to_unlock_and_keeps_the_letter(
    state: AppState, services: Services
) -> None:
    from privacyapp.dossier import AppLock, KdfParams, MemoryBackend
    from privacyapp.views.kit.store_session import StoreSession

    backend = MemoryBackend()
    kdf = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
    state.features.put(StoreSession(AppLock(backend, kdf=kdf), backend))  # no PIN yet: locked
    nav = RecordingNavigator()
    shown = _compose_in_shell(state, services, nav)
    assert "Mijn overzicht is op slot" in find(shown.content, "rights-error").value
    assert "rights-letter" in idents(shown.content)  # nothing lost
    assert "rights-stage" not in idents(shown.content)
    click(find(shown.content, "rights-unlock"))
    assert nav.routes[-1] == "/slot?next=/verzoek/inzage"


def test_open_store_keeps_the_request_encrypted(state: AppState, services: Services) -> None:
    from privacyapp.dossier import AppLock, KdfParams, MemoryBackend
    from privacyapp.views.kit.store_session import StoreSession

    backend = MemoryBackend()
    kdf = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
    lock = AppLock(backend, kdf=kdf)
    vault = lock.set_pin("24680")
    state.features.put(StoreSession(lock, backend))
    shown = _compose_in_shell(state, services, RecordingNavigator())
    assert "rights-stage" in idents(shown.content)
    (record,) = vault.list("request")
    assert record.payload["recipient"]["email"] == "privacy@zorg.nl"
    follow = render_route(
        SHELL_ROUTES, f"/verzoek/volgen/{record.id}", state, services, RecordingNavigator()
    )
    assert "rights-stage" in idents(follow.content)


def test_municipality_from_the_real_directory(state: AppState, services: Services) -> None:
    assert services.directory is not None
    (aalsmeer,) = [m for m in services.directory.find("Aalsmeer") if m.name == "Aalsmeer"]
    nav = RecordingNavigator()
    render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    screen = state.features.get(RightsState).screen
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    find(shown.content, "rights-gemeente-search").on_change(_E("aalsmeer"))
    click(find(shown.content, "rights-gemeente-find"))
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    click(find(shown.content, f"rights-gemeente-{aalsmeer.code}"))
    screen.set_value("name", "Sam")
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    assert any("e-mailadres van de gemeente" in t for t in texts(shown.content))
    click(find(shown.content, "rights-preview-button"))
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    link = find(shown.content, "rights-open-mail").data
    assert urlsplit(link).path == aalsmeer.email


# ---------------------------------------------------------------- in English (Settings → language)
# The UI is English; the letter, which goes to a Dutch organisation, stays Dutch.


@pytest.fixture
def english(state: AppState) -> AppState:
    state.settings = replace(state.settings, language="en")
    return state


def _english_screen(english: AppState, services: Services, route: str = "/verzoek") -> Any:
    return render_route(SHELL_ROUTES, route, english, services, RecordingNavigator())


def _label(root: Any, ident: str) -> str:
    return str(next(c.label for c in _walk(root) if getattr(c, "identifier", None) == ident))


def test_english_kind_choice(english: AppState, services: Services) -> None:
    shown = _english_screen(english, services)
    shown_texts = texts(shown.content)
    assert shown.title == "A request about your data"
    for text in ("What do you want to ask?", "Access (chosen)", "Destroy a file", "About you"):
        assert text in shown_texts
    assert _label(shown.content, "rights-kind-inzage") == (
        "Access: Ask which data an organisation has about you, and get a copy. Chosen."
    )
    assert find(shown.content, "rights-preview-button").content == "Write the letter"
    for dutch in ("Wat wil je vragen?", "Inzage (gekozen)", "Dossier vernietigen", "Over jou"):
        assert dutch not in shown_texts
    assert not any("Gekozen" in t or "verzoek" in t.lower() for t in shown_texts)


def test_english_form_of_one_kind_for_yourself_and_for_a_child(
    english: AppState, services: Services
) -> None:
    shown = _english_screen(english, services, "/verzoek/vernietiging")
    root = shown.content
    assert "Your request: Destroy a file" in texts(root)
    assert find(root, "rights-field-file").label == "Which file"
    law = find(root, "rights-field-law")  # a choice, not free text (user walk, problem 8)
    assert isinstance(law, ft.Dropdown) and law.label == "Kind of file"
    assert [o.text for o in law.options] == ["Youth care file (Jeugdwet)", "Wmo file (Wmo 2015)"]
    assert find(root, "rights-field-name").label == "Your name"
    assert find(root, "rights-field-name").helper == "This is how you sign the letter."
    assert find(root, "rights-gemeente-search").label == "Search for your municipality"
    assert find(root, "rights-mode-organisatie").label == "Another organisation"
    assert find(root, "rights-gemeente-find").content == "Search"
    assert "I am writing for my child or for someone I represent" in texts(root)  # wraps
    assert any("within three months" in t for t in texts(root))  # the kind's advice
    for dutch in ("Welk dossier", "Soort dossier", "Je naam", "Zoek je gemeente", "Aan wie?"):
        assert dutch not in texts(root)
    assert "rights-role" not in idents(root)

    find(root, "rights-for-someone").on_change(_E(True))
    root = _english_screen(english, services, "/verzoek/vernietiging").content
    role = find(root, "rights-role")
    assert role.label == "Your role"
    assert [o.text for o in role.options] == [
        "Parent with parental authority",
        "Guardian",
        "Curator (under guardianship)",
        "Mentor",
    ]
    assert find(root, "rights-field-person").label == "Name of your child or the person"
    shown_texts = texts(root)
    assert any("custody register" in t for t in shown_texts)  # the proof for a parent
    assert "• Are you 16 or older? Then you make the request yourself." in shown_texts
    assert not any("gezagsregister" in t or "16 jaar" in t for t in shown_texts)


def _english_letter(english: AppState, services: Services) -> Any:
    _english_screen(english, services, "/verzoek/inzage")
    screen = english.features.get(RightsState).screen
    screen.set_mode("organisatie")
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam",
    }.items():
        screen.set_value(key, value)
    click(find(screen.build(), "rights-preview-button"))
    return _english_screen(english, services, "/verzoek/inzage").content


def test_english_letter_view_keeps_the_letter_dutch_and_says_so(
    english: AppState, services: Services
) -> None:
    root = _english_letter(english, services)
    letter = find(root, "rights-letter").value
    assert "Geachte heer of mevrouw," in letter and letter.endswith(FOOTER + "\n")
    assert "Onderwerp: Verzoek om inzage in persoonsgegevens (artikel 15 AVG)" in letter
    note = find(root, "rights-letter-dutch").value
    assert note == "The letter is in Dutch, because it goes to a Dutch organisation."
    assert find(root, "rights-copy").data == letter  # copied and mailed as written: Dutch
    shown_texts = texts(root)
    for text in (
        "Your letter",
        "We send your letter to privacy@zorg.nl.",
        "Open in your mail app",
        "Copy",
        "Save as PDF",
        "Save in My overview",
        "Sent on (for example 15-10-2026)",
    ):
        assert text in shown_texts
    assert any("KopieID app" in t for t in shown_texts)
    assert any("does not go through a server of ours" in t for t in shown_texts)
    for dutch in ("Je brief", "Open in je mailapp", "Kopieer", "Bewaar als PDF"):
        assert dutch not in shown_texts
    assert not any("niet via een server" in t or "KopieID van de" in t for t in shown_texts)


def test_dutch_letter_view_has_no_language_note(screen: RightsScreen) -> None:
    screen.set_mode("organisatie")
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam",
    }.items():
        _type(screen, key, value)
    _click(screen, "rights-preview-button")
    assert "rights-letter" in _ids(screen.build())
    assert "rights-letter-dutch" not in _ids(screen.build())
    assert "Bewaar als PDF" in texts(screen.build())


def test_english_follow_up_of_a_saved_request(
    english: AppState, services: Services, tmp_path: Any
) -> None:
    from privacyapp.rights import typed_recipient

    with_store, vault = open_vault(english, services, tmp_path)
    request = RightsRequest(
        id="req-en",
        kind=RequestKind.INZAGE,
        recipient=typed_recipient("Zorg BV", email="privacy@zorg.nl"),
        subject="Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        sender="Sam",
        sent=date(2026, 9, 1),
        letter="Aan: Zorg BV",
    )
    record = vault.create("request", request.subject, request.to_dict(), status="open")
    route = f"/verzoek/volgen/{record.id}"
    nav = RecordingNavigator()
    root = render_route(SHELL_ROUTES, route, english, with_store, nav).content
    shown_texts = texts(root)
    for text in (
        "Follow your request",
        "To: Zorg BV. Sent on 1 September 2026.",
        "The organisation must answer within one month.",
        "Date of the extension",
        "Add to your calendar (ICS)",
        "Write a reminder",
        "I got an answer",
    ):
        assert text in shown_texts
    assert find(root, "rights-stage").value == (
        "Term passed. The term ended on 1 October 2026. Send a reminder: the app writes it for "
        "you. The organisation then gets two more weeks."
    )
    assert _label(root, "rights-stage") == "Status of your request: Term passed"
    assert "SUMMARY:Deadline: Verzoek om inzage" in find(root, "rights-ics").data
    assert request.subject in shown_texts  # the letter's subject, as sent: Dutch
    for dutch in ("Je verzoek volgen", "Schrijf een herinnering", "Ik heb antwoord gekregen"):
        assert dutch not in shown_texts
    assert not any("Termijn verlopen" in t or "Verstuurd op" in t for t in shown_texts)

    click(find(root, "rights-reminder"))
    root = render_route(SHELL_ROUTES, route, english, with_store, nav).content
    assert find(root, "rights-notice").value == (
        "Your reminder is below. Send it the same way as your first letter."
    )
    assert "Herinnering: Verzoek om inzage" in find(root, "rights-letter").value  # Dutch letter
    click(find(root, "rights-answered"))
    root = render_route(SHELL_ROUTES, route, english, with_store, nav).content
    assert find(root, "rights-notice").value == (
        "Good! The request is marked as answered in My overview."
    )
    assert find(root, "rights-stage").value == "Done. You have finished this request."


def test_english_validation_errors(english: AppState, services: Services) -> None:
    shown = _english_screen(english, services, "/verzoek/inzage")
    screen = english.features.get(RightsState).screen
    click(find(shown.content, "rights-preview-button"))
    root = _english_screen(english, services, "/verzoek/inzage").content
    assert find(root, "rights-error").value == (
        "First choose your municipality, or choose 'Another organisation' and fill in the address."
    )
    # an error summary with its own heading, read once (the label used to repeat the message)
    assert "There is a problem" in texts(root) and _label(root, "rights-error") == "None"

    screen.set_mode("organisatie")
    screen.set_value("org_name", "Zorg BV")
    screen.set_value("org_postal", "Postbus 1")
    click(find(screen.build(), "rights-preview-button"))
    root = _english_screen(english, services, "/verzoek/inzage").content
    error = find(root, "rights-error").value
    assert error == "Please still fill in: Your name, Your email address, phone number or address."
    assert "Vul nog in" not in error and "Je naam" not in error

    screen.set_value("org_email", "zorg@bv,evil@example.com")
    screen.set_value("name", "Sam")
    click(find(screen.build(), "rights-preview-button"))
    root = _english_screen(english, services, "/verzoek/inzage").content
    assert find(root, "rights-error").value.startswith(
        "'zorg@bv,evil@example.com' is not a valid email address."
    )


def test_switching_to_english_redraws_the_kept_composer(
    state: AppState, services: Services
) -> None:
    nav = RecordingNavigator()
    render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    # typed in Dutch, kept after the switch
    state.features.get(RightsState).screen.set_value("name", "Sam")
    state.settings = replace(state.settings, language="en")
    root = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav).content
    assert "What do you want to ask?" in texts(root) and "Wat wil je vragen?" not in texts(root)
    assert find(root, "rights-field-name").value == "Sam"


def test_a_representatives_advice_opens_the_letter_for_the_person_they_represent(
    state: AppState, services: Services
) -> None:
    """Issue 14: a rights request from a representative's advice starts in "for my child / the
    person I represent" mode, with the role the content names."""
    from privacyapp.engine import walk_session

    flow = services.library.get("algemeen-datalek-vertegenwoordiger")
    advice_id = next(
        node_id
        for node_id, node in flow.nodes.items()
        if node.type == "advice" and any(a.on_behalf == "ouder" for a in node.actions)
    )
    nav = RecordingNavigator()
    state.session = walk_session(services.library, flow.id, [], services.clock)
    from dataclasses import replace as dc_replace

    state.set_session(dc_replace(state.session, current_id=advice_id))
    shown = render_route(SHELL_ROUTES, f"/vraag/{flow.id}/{advice_id}", state, services, nav)
    action = next(i for i, a in enumerate(flow.nodes[advice_id].actions) if a.on_behalf == "ouder")
    find(shown.content, f"action-{action}").on_click(None)
    route = nav.routes[-1]
    assert route.startswith("/verzoek/") and route.endswith("?namens=ouder")
    state.route = route
    shown = render_route(SHELL_ROUTES, route, state, services, nav)
    screen = state.features.get(RightsState).screen
    assert screen.draft.for_someone and screen.draft.role.value == "ouder"
    assert find(shown.content, "rights-for-someone").value is True


def test_the_ap_complaint_form_has_no_search_button_without_a_search_field(
    state: AppState, services: Services
) -> None:
    """User walk: a stray "Zoek" sat under "Aan: Autoriteit Persoonsgegevens"."""
    shown = render_route(SHELL_ROUTES, "/verzoek/klacht-ap", state, services, RecordingNavigator())
    ids = idents(shown.content)
    assert "rights-gemeente-find" not in ids and "rights-gemeente-search" not in ids
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, RecordingNavigator())
    assert "rights-gemeente-find" in idents(shown.content)  # where there is a search, it stays


def test_the_address_hint_says_when_the_address_is_required(
    state: AppState, services: Services
) -> None:
    ap = render_route(SHELL_ROUTES, "/verzoek/klacht-ap", state, services, RecordingNavigator())
    assert find(ap.content, "rights-field-address").helper.startswith("Verplicht")
    state.features.clear()
    other = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, RecordingNavigator())
    assert find(other.content, "rights-field-address").helper == (
        "Nodig als je de brief per post stuurt."
    )


def test_feedback_appears_at_the_action_and_is_brought_into_view(
    state: AppState, services: Services
) -> None:
    """User walk, problem 4: a wrong date after "Bewaar in Mijn overzicht" showed its error
    1,500 px above the button. Now the error summary sits right below the letter's buttons and
    the shell scrolls to it."""
    nav = RecordingNavigator()
    render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    screen = state.features.get(RightsState).screen
    screen.set_mode("organisatie")
    for key, value in {"org_name": "Zorg BV", "org_email": "p@zorg.nl", "name": "Sam"}.items():
        screen.set_value(key, value)
    click(find(screen.build(), "rights-preview-button"))
    screen.set_sent_text("gisteren")
    click(find(screen.build(), "rights-store"))
    shown = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    assert shown.focus == "rights-feedback"  # the shell scrolls here
    ids = idents(shown.content)
    assert ids.index("rights-error") > ids.index("rights-store")  # below the button pressed
    again = render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    assert again.focus is None  # brought into view once, not on every re-render


def test_where_no_pdf_can_be_made_the_letter_says_so_instead_of_a_failing_button(
    state: AppState, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The static web build has no reportlab/Pillow: no PDF button, a plain line instead."""
    import privacyapp.views.rights.letter as parts

    monkeypatch.setattr(parts, "pdf_available", lambda: False)
    nav = RecordingNavigator()
    render_route(SHELL_ROUTES, "/verzoek/inzage", state, services, nav)
    screen = state.features.get(RightsState).screen
    screen.set_mode("organisatie")
    for key, value in {"org_name": "Zorg BV", "org_email": "p@zorg.nl", "name": "Sam"}.items():
        screen.set_value(key, value)
    click(find(screen.build(), "rights-preview-button"))
    ids = idents(screen.build())
    assert "rights-no-pdf" in ids and "rights-save-pdf" not in ids
    assert "rights-copy" in ids and "rights-open-mail" in ids  # the ways that do work


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_refused_request_to_a_municipality_shows_the_objection_route(
    state: AppState, services: Services, tmp_path: Any, lang: str
) -> None:
    """Issue 14: after a municipality's refusal the follow-up offers bezwaar within six weeks
    (UAVG art. 34, Awb 6:7)."""
    from dataclasses import replace as dc_replace

    from privacyapp.rights import typed_recipient

    state.settings = dc_replace(state.settings, language=lang)
    with_store, vault = open_vault(state, services, tmp_path)
    recipient = dc_replace(
        typed_recipient("Gemeente Zwolle", email="privacy@zwolle.nl"), municipality_code="gm0193"
    )
    request = RightsRequest(
        id="req-z", kind=RequestKind.INZAGE, recipient=recipient,
        subject="Verzoek om inzage", sender="Sam", sent=date(2026, 10, 1), letter="Aan: Zwolle",
    )  # fmt: skip
    record = vault.create("request", request.subject, request.to_dict(), status="open")
    route = f"/verzoek/volgen/{record.id}"
    nav = RecordingNavigator()
    shown = render_route(SHELL_ROUTES, route, state, with_store, nav)
    refused = find(shown.content, "rights-refused")
    refused.on_submit(type("E", (), {"control": type("C", (), {"value": "1 november 2026"})})())
    shown = render_route(SHELL_ROUTES, route, state, with_store, nav)
    text = find(shown.content, "rights-objection").value
    if lang == "nl":
        assert text.startswith("Maak bezwaar bij de gemeente.") and "13 december 2026" in text
    else:
        assert text.startswith("Object to the municipality.") and "13 December 2026" in text


def test_a_request_to_another_organisation_offers_no_objection(
    state: AppState, services: Services, tmp_path: Any
) -> None:
    from privacyapp.rights import typed_recipient

    with_store, vault = open_vault(state, services, tmp_path)
    request = RightsRequest(
        id="req-o", kind=RequestKind.INZAGE, recipient=typed_recipient("Zorg BV", email="a@b.nl"),
        subject="Verzoek om inzage", sender="Sam", sent=date(2026, 10, 1), letter="Aan: Zorg BV",
    )  # fmt: skip
    record = vault.create("request", request.subject, request.to_dict(), status="open")
    shown = render_route(
        SHELL_ROUTES, f"/verzoek/volgen/{record.id}", state, with_store, RecordingNavigator()
    )
    assert "rights-refused" not in idents(shown.content)


def test_the_error_summary_links_to_each_missing_field_and_takes_focus(
    screen: RightsScreen,
) -> None:
    """NL Design System: each field the error names is a link in the summary; the summary takes
    focus when it appears, and a link moves focus to its field."""
    from privacyapp.views.kit.focus import FOCUS_REQUESTED

    screen.set_mode("organisatie")
    screen.set_value("org_name", "Zorg BV")
    screen.set_value("org_email", "p@zorg.nl")
    click(find(screen.build(), "rights-preview-button"))  # no name: "Vul nog in: Je naam."
    view = screen.build()
    link = find(view, "rights-error-summary-link-0")
    assert link.content.value == "Ga naar: Je naam"
    assert getattr(link, FOCUS_REQUESTED, False)  # the summary's first link got focus
    name_field = find(view, "rights-field-name")
    assert not getattr(name_field, FOCUS_REQUESTED, False)
    click(link)
    assert getattr(name_field, FOCUS_REQUESTED, False)


def test_pressing_make_letter_again_with_the_same_gap_moves_focus_to_the_summary_again(
    screen: RightsScreen,
) -> None:
    """The same error a second time is still a new try: a keyboard user who pressed the
    button again (focus on the button) is taken to the summary again, not left behind."""
    from privacyapp.views.kit.focus import FOCUS_REQUESTED

    screen.set_mode("organisatie")
    screen.set_value("org_name", "Zorg BV")
    screen.set_value("org_email", "p@zorg.nl")
    for _ in range(2):
        click(find(screen.build(), "rights-preview-button"))  # no name, both times
        link = find(screen.build(), "rights-error-summary-link-0")
        assert link.content.value == "Ga naar: Je naam"
        assert getattr(link, FOCUS_REQUESTED, False), "the summary did not take focus"
    screen.refresh()  # shown again without a try: no new focus request
    assert not getattr(find(screen.build(), "rights-error-summary-link-0"), FOCUS_REQUESTED, False)


def test_a_wrong_sent_date_links_to_the_date_field(screen: RightsScreen) -> None:
    screen.set_mode("organisatie")
    for key, value in {"org_name": "Zorg BV", "org_email": "p@zorg.nl", "name": "Sam"}.items():
        screen.set_value(key, value)
    click(find(screen.build(), "rights-preview-button"))
    screen.set_sent_text("31-02-2026")
    click(find(screen.build(), "rights-store"))
    view = screen.build()
    link = find(view, "rights-error-summary-link-0")
    assert "Verstuurd op" in link.content.value
    ids = idents(view)
    assert ids.index("rights-error-summary") > ids.index("rights-store")  # at the action


def test_following_a_request_just_written_opens_on_the_follow_up_and_hieronder_is_true(
    state: AppState, services: Services, tmp_path: Any
) -> None:
    """User walk: in the session that wrote the letter, the follow route showed the whole
    composer first (the follow-up ~3,900 px down); and "Je herinnering staat hieronder" stood
    below the reminder it pointed to."""
    with_store, vault = open_vault(state, services, tmp_path)
    nav = RecordingNavigator()
    render_route(SHELL_ROUTES, "/verzoek/inzage", state, with_store, nav)
    screen = state.features.get(RightsState).screen
    assert screen is not None
    screen.set_mode("organisatie")
    for key, value in {"org_name": "Zorg BV", "org_email": "p@zorg.nl", "name": "Sam"}.items():
        screen.set_value(key, value)
    click(find(screen.build(), "rights-preview-button"))
    screen.set_sent_text("01-09-2026")
    click(find(screen.build(), "rights-store"))
    (record,) = vault.list("request")
    route = f"/verzoek/volgen/{record.id}"
    shown = render_route(SHELL_ROUTES, route, state, with_store, nav)
    ids = idents(shown.content)
    assert "rights-stage" in ids and "rights-reminder" in ids
    assert "rights-kind-inzage" not in ids and "rights-letter" not in ids  # no composer
    find(shown.content, "rights-reminder").on_click(None)
    shown = render_route(SHELL_ROUTES, route, state, with_store, nav)
    ids = idents(shown.content)
    assert "hieronder" in find(shown.content, "rights-notice").value
    assert ids.index("rights-notice") < ids.index("rights-letter")  # the reminder is below
