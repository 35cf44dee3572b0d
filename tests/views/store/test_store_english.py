"""The lock screen, "Mijn overzicht" and the storage messages in the English UI.

Every screen is rendered through the routes with ``Settings(language="en")``; each test checks
the English a user reads and that no Dutch text of the ``lock.*``, ``overview.*`` or ``store.*``
keys is left on screen (content such as a flow's title stays Dutch, and is not checked).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import store_app
from store_app import Clock, open_store
from store_view_helpers import find as by_key
from viewkit import click, find, idents, walk

from privacyapp.dossier import (
    LockedOutError,
    RecordNotFoundError,
    StoreError,
    StoreProblem,
    Vault,
)
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.store.state import StoreState
from privacyapp.views.store.text import store_error

AREAS = ("lock.", "overview.", "store.")
_STRING_FIELDS = ("value", "label", "error", "helper", "tooltip", "action", "content")


def _dutch_pieces() -> list[str]:
    """The literal parts of every Dutch text of our keys that differs from its English text."""
    nl, en = i18n.catalog("nl"), i18n.catalog("en")
    pieces = set()
    for key, text in nl.items():
        if key.startswith(AREAS) and text != en.get(key):
            for literal, _, _, _ in string.Formatter().parse(text):
                literal = literal.strip(" .:'(")
                if len(literal) >= 6:
                    pieces.add(literal)
    return sorted(pieces)


def shown(control: Any) -> str:
    """Every string a user can see or hear: texts, labels, errors, helpers, tooltips, actions."""
    out = []
    for c in walk(control):
        for name in _STRING_FIELDS:
            value = getattr(c, name, None)
            if isinstance(value, str) and value:
                out.append(value)
    return "\n".join(out)


def assert_english(text: str | Iterable[str]) -> None:
    joined = text if isinstance(text, str) else "\n".join(text)
    leaks = [piece for piece in _dutch_pieces() if piece in joined]
    assert leaks == [], f"Dutch UI text on an English screen: {leaks}"
    assert not re.search(r"\b(lock|overview|store)\.[a-z_]+\b", joined), "an untranslated key"


class App(store_app.App):
    """The store screens in English: ``text`` is everything a user sees or hears."""

    def text(self) -> str:
        return shown(self.content)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(state: AppState, services: Services, clock: Clock) -> App:
    open_store(state, clock=clock)
    state.settings = replace(state.settings, language="en", audience="professional")
    return App(state, services)


def _unlocked(app: App) -> Vault:
    return app.lock.set_pin("24680")


def test_the_dutch_check_would_catch_a_dutch_text() -> None:
    with pytest.raises(AssertionError, match="Dutch UI text"):
        assert_english("Alles wissen?")
    with pytest.raises(AssertionError, match="untranslated key"):
        assert_english("lock.open")


def test_set_pin_screen_in_english(app: App) -> None:
    app.open("/slot")
    text = app.text()
    for english in (
        "Set a PIN",
        "With a PIN, your saved data is kept encrypted on this device.",
        "Remember your PIN well. If you forget it, nobody can open your saved data",
        "I understand that my data is gone if I forget my PIN.",
        "New PIN",
        "Repeat your PIN",
        "You have not saved anything here yet.",
    ):
        assert english in text
    assert_english(text)
    app.type("lock-new-pin", "24680")
    app.type("lock-new-pin-again", "24680")
    app.tap("lock-set-pin")  # still disabled for a user; the screen asks to confirm first
    assert find(app.content, "lock-new-pin-again").error == (
        "First confirm that you have read the warning."
    )
    find(app.content, "lock-understood").value = True
    find(app.content, "lock-understood").on_change(None)
    app.open("/slot")
    app.type("lock-new-pin", "24680")
    app.type("lock-new-pin-again", "24681")
    app.tap("lock-set-pin")
    assert find(app.content, "lock-new-pin-again").error == "The two PINs are not the same."
    app.type("lock-new-pin", "12")
    app.type("lock-new-pin-again", "12")
    app.tap("lock-set-pin")
    error = find(app.content, "lock-new-pin-again").error
    assert error == "Choose a PIN of at least 5 characters. Longer is safer."
    assert_english(app.text())


def test_unlock_screen_wrong_pin_and_delay_in_english(app: App, clock: Clock) -> None:
    _unlocked(app).create("path", "Case A")
    app.lock.lock()
    app.open("/slot")
    text = app.text()
    for english in ("App locked", "Enter your PIN to open your saved data.", "PIN", "Open"):
        assert english in text
    assert "Forgot your PIN?" in text
    assert_english(text)
    for _ in range(3):
        app.type("lock-pin", "11111")
        app.tap("lock-open")
    assert find(app.content, "lock-pin").error == "That PIN is not correct."
    message = app.text()
    assert "Too many wrong PINs. Try again in 30 seconds." in message
    assert find(app.content, "lock-open").disabled
    assert_english(message)
    app.tap("lock-forgot")
    dialog = shown(app.dialog())
    assert "Forgot your PIN?" in dialog and "not even by us" in dialog
    assert "Back" in dialog and "Wipe everything and start again" in dialog
    assert_english(dialog)
    clock.now += timedelta(seconds=31)
    app.type("lock-pin", "24680")
    assert app.tap("lock-open").route == "/overzicht"


def test_unlocked_lock_screen_in_english(app: App) -> None:
    _unlocked(app)
    app.open("/slot")
    text = app.text()
    for english in ("App lock", "Your saved data is open.", "To my overview", "Lock now"):
        assert english in text
    assert "Current PIN" in text and "New PIN" in text and "Change PIN" in text
    app.type("lock-old-pin", "24680")
    app.type("lock-change-new-pin", "97531")
    app.tap("lock-change-pin")
    assert "Your PIN has been changed." in app.text()
    assert_english(app.text())


def test_empty_overview_in_english(app: App) -> None:
    _unlocked(app)
    app.open("/overzicht")
    text = app.text()
    for english in (
        "My overview",
        "You have not saved anything yet. On an advice screen you can save the path.",
        "Export everything",
        "Wipe everything",
        "The export file is not encrypted. Keep it in a safe place.",
        "Lock",
    ):
        assert english in text
    assert find(app.content, "overview-export").disabled
    assert_english(text)


def test_overview_list_detail_and_undo_in_english(app: App) -> None:
    vault = _unlocked(app)
    record = vault.create("path", "Case A", {"steps": []}, reference="CASE-1")
    vault.create("request", "Access request", {}, status="verstuurd")
    app.open("/overzicht")
    text = app.text()
    assert "Case A" in text and "Access request" in text
    assert "Saved path" in text and "Request" in text  # the kind, for items without a flow
    assert "reference CASE-1" in text and " · saved" in text and " · sent" in text
    assert "22 Nov 2026, " in text and "22-11-2026" not in text  # an English date
    assert "Rename Case A" in text and "Delete Case A" in text
    assert_english(text)
    app.open(f"/overzicht/{record.id}")
    assert "Reference: CASE-1" in app.text() and "Back to my overview" in app.text()
    assert_english(app.text())
    app.open("/overzicht")
    click(by_key(app.content, f"rename-{record.id}"))
    assert "Rename" in shown(app.dialog()) and "New title" in shown(app.dialog())
    by_key(app.dialog(), "overview-rename-field").value = " "
    click(by_key(app.dialog(), "overview-rename-save"))
    rename = shown(app.dialog())
    assert "Enter a title." in rename and "Cancel" in rename and "Save" in rename
    assert_english(rename)
    app.open("/overzicht")
    click(by_key(app.content, f"delete-{record.id}"))
    snack = app.dialog()
    assert "'Case A' has been deleted." in shown(snack) and snack.action == "Undo"
    assert_english(shown(snack))
    snack.on_action(None)
    app.open("/overzicht")
    assert "'Case A' has been restored." in app.text()
    assert_english(app.text())


def test_problems_found_on_opening_in_english(app: App) -> None:
    vault = _unlocked(app)
    vault.problems += [
        StoreProblem("damaged-file", "Het bestand rec-1.bin is beschadigd.", "rec-1.bin"),
        StoreProblem("rolled-back", "'Case A' is teruggezet naar een oudere versie.", "Case A"),
        StoreProblem("missing-item", "Een bewaard item (r-2) ontbreekt.", "r-2"),
        StoreProblem("history", "De geschiedenis klopt niet."),
    ]
    app.open("/overzicht")
    text = app.text()
    assert "The saved file rec-1.bin is damaged" in text
    assert "'Case A' has been put back to an older version" in text
    assert "A saved item (r-2) is missing" in text
    assert "The history of your saved data does not add up" in text
    assert_english(text)


def test_undo_too_late_in_english(app: App) -> None:
    vault = _unlocked(app)
    vault.create("path", "Case A")
    app.open("/overzicht")
    app.tap("overview-delete-0")
    _, forget = app.state.features.get(StoreState).timers[-1]
    forget()  # the undo window passes
    app.dialog().on_action(None)
    app.open("/overzicht")
    assert "This item can no longer be restored." in app.text()
    assert_english(app.text())


def test_wipe_dialog_in_english(app: App) -> None:
    _unlocked(app).create("path", "Case A")
    app.open("/overzicht")
    app.tap("overview-wipe")
    dialog = shown(app.dialog())
    assert "Wipe everything?" in dialog
    assert "You cannot undo this. Do you want to keep something? Then export first." in dialog
    assert "Don't wipe" in dialog and "Yes, wipe everything" in dialog
    assert_english(dialog)


def test_export_message_in_english(app: App) -> None:
    _unlocked(app).create("path", "Case A")
    app.open("/overzicht")
    app.tap("overview-export")
    [(name, _)] = app.state.features.get(StoreState).files
    assert name == "mijn-overzicht.zip"  # a file name: stays as it is, like the export itself
    assert (
        "Export ready: mijn-overzicht.zip. The export file is not encrypted. "
        "Keep it in a safe place." in app.text()
    )
    assert_english(app.text())


def test_save_path_form_and_bsn_error_in_english(app: App) -> None:
    _unlocked(app)
    app.open("/vraag/algemeen-inzage-dossier")
    app.tap("answer-0")
    app.tap("answer-0")
    screen = app.tap("action-save-path")
    assert screen.route == "/overzicht/bewaar"
    text = app.text()
    for english in (
        "Save this path",
        "The path is kept encrypted on this device.",
        "Title",
        "Reference",
        "Do not enter a name, BSN or anything else that identifies a person.",
        "Cancel",
        "Save",
    ):
        assert english in text
    assert_english(text)
    assert find(app.content, "overview-save-reference").hint_text == "Optional"
    app.type("overview-save-reference", "111 222 333")
    app.tap("overview-save-confirm")
    error = find(app.content, "overview-save-reference").error
    assert error.startswith("This reference looks like a BSN.")
    app.type("overview-save-reference", "X" * 61)
    app.tap("overview-save-confirm")
    error = find(app.content, "overview-save-reference").error
    assert error == "The reference is too long (at most 60 characters)."
    assert_english(app.text())


def test_storage_messages_in_english(app: App) -> None:
    session: StoreSession = app.state.features.require(StoreSession)
    session.error = "store.cleared"
    app.open("/slot")
    assert "This browser's storage was cleared while the app was open." in app.text()
    assert_english(app.text())
    _unlocked(app)
    session.error, session.error_fields = "store.unreadable", {"count": 2}
    app.open("/overzicht")
    assert "2 saved values in this browser cannot be read." in app.text()
    assert "overview-storage-error" in idents(app.content)
    assert_english(app.text())


def test_damaged_key_file_is_explained_in_english(app: App) -> None:
    _unlocked(app)
    app.lock.lock()
    app.lock.backend.write("keys.json", b"{broken")
    app.open("/slot")
    app.type("lock-pin", "24680")
    app.tap("lock-open")
    assert "The key file is damaged. Nothing has been changed or wiped." in app.text()
    assert_english(app.text())


def test_store_errors_keep_their_own_dutch_text() -> None:
    locked_out = LockedOutError(12.4)
    assert store_error(Translator("nl"), locked_out) == str(locked_out)
    assert store_error(Translator("en"), locked_out) == (
        "Too many wrong PINs. Wait 12 seconds and try again."
    )
    gone = RecordNotFoundError("Dit item kan niet meer worden teruggezet.")
    assert store_error(Translator("nl"), gone, "store.error.undo_too_late") == str(gone)
    blank = StoreError()
    assert store_error(Translator("nl"), blank) == "Er ging iets mis met je bewaarde gegevens."
    assert store_error(Translator("en"), blank) == "Something went wrong with your saved data."
