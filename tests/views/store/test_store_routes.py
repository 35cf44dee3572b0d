"""The store screens inside the shell's routing: guard, /slot, /overzicht, saving from advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from store_app import App, Clock, open_store
from viewkit import click, find, idents, texts

from privacyapp.views.kit.focus import FOCUS_REQUESTED
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.store.state import StoreState


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(state: AppState, services: Services, clock: Clock) -> App:
    open_store(state, clock=clock)
    state.settings = replace(state.settings, audience="professional")
    return App(state, services)


def _finish_a_flow(app: App) -> None:
    app.open("/vraag/algemeen-inzage-dossier")
    app.tap("answer-0")
    app.tap("answer-0")
    assert "action-save-path" in app.ids()


def test_save_a_path_from_the_advice_sets_a_pin_first(app: App) -> None:
    _finish_a_flow(app)
    shown = app.tap("action-save-path")
    assert shown.route == "/slot?next=/overzicht/bewaar"
    assert "vergeten" in app.text()  # the warning comes before the PIN is set
    box = find(app.screen.content, "lock-understood")  # type: ignore[union-attr]
    box.value = True
    box.on_change(None)
    app.open(app.state.route)
    app.type("lock-new-pin", "24680")
    app.type("lock-new-pin-again", "24680")
    shown = app.tap("lock-set-pin")
    assert shown.route == "/overzicht/bewaar"
    assert "geen naam, BSN" in app.text()
    app.type("overview-save-reference", "111 222 333")
    shown = app.tap("overview-save-confirm")
    assert shown.route == "/overzicht/bewaar"
    field = find(app.screen.content, "overview-save-reference")  # type: ignore[union-attr]
    assert "lijkt op een BSN" in field.error
    assert field.value == "111 222 333"  # what was typed stays, to correct it
    app.type("overview-save-reference", "CASUS-7")
    shown = app.tap("overview-save-confirm")
    assert shown.route == "/overzicht"
    assert "Mag ik mijn dossier inzien?" in app.text()
    assert "kenmerk CASUS-7" in app.text()
    detail = app.tap("overview-record-0")
    assert detail.route.startswith("/overzicht/")
    assert "Hoe oud ben je? — 16 jaar of ouder" in app.text()


def test_locked_overview_goes_to_the_lock_screen_and_back(app: App) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680").create("path", "Eerder bewaard")
    session.lock.lock()
    shown = app.open("/overzicht")
    assert shown.route == "/slot?next=/overzicht"
    assert "lock-pin" in app.ids() and "lock-forgot" in app.ids()
    app.type("lock-pin", "11111")
    app.tap("lock-open")
    assert find(app.screen.content, "lock-pin").error == "De pincode klopt niet."  # type: ignore[union-attr]
    app.type("lock-pin", "24680")
    shown = app.tap("lock-open")
    assert shown.route == "/overzicht"
    assert "Eerder bewaard" in app.text()


def test_idle_app_locks_on_the_next_navigation(app: App, clock: Clock) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680")
    assert app.open("/overzicht").route == "/overzicht"
    clock.now += timedelta(minutes=6)
    assert app.open("/overzicht").route == "/slot?next=/overzicht"
    assert not session.lock.is_unlocked


def test_lock_now_and_change_pin_on_the_slot_screen(app: App) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680")
    app.open("/slot")
    app.type("lock-old-pin", "24680")
    app.type("lock-change-new-pin", "97531")
    app.tap("lock-change-pin")
    assert "Je pincode is gewijzigd." in app.text()
    app.tap("lock-lock-now")
    assert not session.lock.is_unlocked
    app.open("/slot")
    app.type("lock-pin", "97531")
    assert app.tap("lock-open").route == "/overzicht"


def test_a_failed_pin_change_says_why_and_keeps_the_old_pin(app: App) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680")
    app.open("/slot")
    app.type("lock-old-pin", "11111")  # wrong current PIN
    app.type("lock-change-new-pin", "97531")
    app.tap("lock-change-pin")
    assert app.screen is not None
    view = app.screen.content
    # said at the field it is about, and in a summary under the button with a link to it
    assert find(view, "lock-old-pin").error and not find(view, "lock-change-new-pin").error
    assert "Je pincode is gewijzigd." not in app.text()
    ids = idents(view)
    assert ids.index("lock-problem") > ids.index("lock-change-pin")
    link = find(view, "lock-problem-link-0")
    assert link.content.value == "Ga naar: Huidige pincode"
    assert getattr(link, FOCUS_REQUESTED, False)  # focus went to the summary
    click(link)
    assert getattr(find(view, "lock-old-pin"), FOCUS_REQUESTED, False)
    app.tap("lock-change-pin")  # the same mistake again: a new try, focus moves again
    assert app.screen is not None
    assert getattr(find(app.screen.content, "lock-problem-link-0"), FOCUS_REQUESTED, False)
    app.type("lock-old-pin", "24680")
    app.type("lock-change-new-pin", "12")  # too short: about the new PIN
    app.tap("lock-change-pin")
    assert app.screen is not None
    view = app.screen.content
    assert find(view, "lock-change-new-pin").error and not find(view, "lock-old-pin").error
    assert "Nieuwe pincode" in find(view, "lock-problem-link-0").content.value
    app.type("lock-old-pin", "24680")
    app.type("lock-change-new-pin", "97531")
    app.tap("lock-change-pin")
    assert app.screen is not None
    assert find(app.screen.content, "lock-change-new-pin").error is None
    assert "lock-problem" not in idents(app.screen.content)
    assert "Je pincode is gewijzigd." in app.text()


def test_forgot_pin_wipes_after_the_explanation(app: App) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680").create("path", "Weg")
    session.lock.lock()
    app.open("/slot")
    app.tap("lock-forgot")
    dialog = app.state.features.get(StoreState).dialogs[-1]
    assert "niemand" in "\n".join(texts(dialog))
    wipe = next(b for b in dialog.actions if b.key == "lock-forgot-wipe")
    wipe.on_click(None)
    assert not session.lock.has_store()
    app.open("/slot")
    assert "lock-set-pin" in app.ids()


def test_without_a_finished_flow_there_is_nothing_to_save(app: App) -> None:
    app.state.features.require(StoreSession).lock.set_pin("24680")
    app.open("/overzicht/bewaar")
    assert "overview-no-path" in app.ids()


def test_lock_button_on_the_overview(app: App) -> None:
    session = app.state.features.require(StoreSession)
    session.lock.set_pin("24680")
    app.open("/overzicht")
    shown = app.tap("overview-lock")
    assert shown.route == "/slot" and not session.lock.is_unlocked
    assert "lock-pin" in app.ids()


def test_open_goes_where_the_kind_registered(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    from privacyapp.views.store import overview

    vault = app.state.features.require(StoreSession).lock.set_pin("24680")
    record = vault.create("request", "Inzage bij de gemeente")
    monkeypatch.setitem(overview.OPEN_ROUTES, "request", "/verzoek/volgen/{id}")
    app.open("/overzicht")
    click(find(app.screen.content, "overview-record-0"))  # type: ignore[union-attr]
    assert app.nav.routes[-1] == f"/verzoek/volgen/{record.id}"


def _set_pin(app: App, pin: str = "24680") -> None:
    box = find(app.screen.content, "lock-understood")  # type: ignore[union-attr]
    box.value = True
    box.on_change(None)
    app.open(app.state.route)
    app.type("lock-new-pin", pin)
    app.type("lock-new-pin-again", pin)


def test_looking_at_the_overview_first_never_loses_a_later_save(app: App) -> None:
    """User walk, problem 1: Mijn overzicht first (set-PIN screen), then "Bewaar dit pad" and
    setting the PIN used to land on an empty overview, the save silently dropped."""
    assert app.open("/overzicht").route == "/slot?next=/overzicht"  # the first visit
    _finish_a_flow(app)
    assert app.tap("action-save-path").route == "/slot?next=/overzicht/bewaar"
    _set_pin(app)
    shown = app.tap("lock-set-pin")
    assert shown.route == "/overzicht/bewaar"  # where the user meant to go
    shown = app.tap("overview-save-confirm")
    assert shown.route == "/overzicht"
    assert "Mag ik mijn dossier inzien?" in app.text()


def test_the_lock_screen_tells_the_truth_and_unlocking_goes_where_meant(app: App) -> None:
    """User walk, problem 5: after a save, the lock screen said "nog niets bewaard", and the
    right PIN led back to "Bewaar dit pad" for the path just saved."""
    _finish_a_flow(app)
    app.tap("action-save-path")
    assert "nog niets bewaard" in app.text()  # true here: nothing is stored yet
    _set_pin(app)
    app.tap("lock-set-pin")
    app.tap("overview-save-confirm")
    shown = app.tap("overview-lock")
    assert shown.route.startswith("/slot")
    assert "nog niets bewaard" not in app.text()
    app.type("lock-pin", "24680")
    shown = app.tap("lock-open")
    assert shown.route == "/overzicht"
    # Back at "Bewaar dit pad" for the same walk: told it is saved, not offered a duplicate.
    shown = app.open("/overzicht/bewaar")
    assert "overview-already-saved" in app.ids() and "overview-save-confirm" not in app.ids()
    assert len(app.state.features.require(StoreSession).lock.vault.list()) == 1


def test_the_overview_shows_each_requests_recipient_and_term_and_says_when_one_passed(
    state: AppState, services: Services, clock: Clock
) -> None:
    """User walk, problem 9: requests in Mijn overzicht with recipient, due date, an overdue
    marker, and a notice on opening when a term has passed (today is 22 November 2026)."""
    from datetime import date

    from privacyapp.rights import RequestKind, RightsRequest, typed_recipient

    lock = open_store(state, clock=clock, pin="24680")
    for org, sent in (("Zorg BV", date(2026, 9, 1)), ("Gemeente Zwolle", date(2026, 11, 10))):
        request = RightsRequest(
            id=f"req-{org}", kind=RequestKind.INZAGE,
            recipient=typed_recipient(org, email="privacy@example.nl"),
            subject="Verzoek om inzage", sender="Sam", sent=sent, letter="Aan: " + org,
        )  # fmt: skip
        lock.vault.create("request", request.subject, request.to_dict(), status="open")
    app = App(state, services)
    app.open("/overzicht")
    text = app.text()
    assert "overview-overdue" in app.ids()
    assert "Bij 1 verzoek is de termijn voorbij." in text
    assert "Aan: Zorg BV · termijn liep af op 01-10-2026" in text
    assert "Aan: Gemeente Zwolle · antwoord uiterlijk 10-12-2026" in text


def test_a_saved_path_reopens_its_advice(app: App) -> None:
    """User walk: the detail of a saved path showed the answers but no way back to the advice."""
    _finish_a_flow(app)
    advice_route = app.state.route
    app.tap("action-save-path")
    _set_pin(app)
    app.tap("lock-set-pin")
    app.tap("overview-save-confirm")
    app.tap("overview-record-0")
    assert "overview-content-changed" not in app.ids()  # same content as when it was saved
    shown = app.tap("overview-open-advice")
    assert shown.route.split("?")[0] == advice_route
    assert "advice-title" in app.ids()
