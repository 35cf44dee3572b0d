"""Mijn overzicht: list, open, rename, delete with undo, export and wipe — without a client."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import flet as ft
import pytest
from store_view_helpers import click, find, find_all, texts

from privacyapp.dossier import AppLock, KdfParams, MemoryBackend, StoreProblem, Vault
from privacyapp.views.store.dialogs import save_path_button, save_path_dialog
from privacyapp.views.store.overview import OverviewScreen, record_detail_view

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
PATH = {
    "flow_id": "algemeen-delen-zonder-toestemming",
    "flow_title": "Mag ik informatie delen?",
    "steps": [{"node_id": "q1", "prompt": "Is er toestemming?", "answer_label": "Nee"}],
}


class Effects:
    """Records what the screen asked the page to do."""

    def __init__(self) -> None:
        self.dialogs: list[Any] = []
        self.closed = 0
        self.saved: list[tuple[str, bytes]] = []
        self.timers: list[tuple[float, Callable[[], None]]] = []
        self.opened: list[str] = []
        self.wiped = False
        self.refreshes = 0


@pytest.fixture
def vault() -> Vault:
    clock_now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]

    def clock() -> datetime:
        clock_now[0] += timedelta(minutes=1)
        return clock_now[0]

    vault = AppLock(MemoryBackend(), kdf=FAST, clock=clock).set_pin("24680")
    vault.create("path", "Delen met de huisarts", PATH, reference="D-17", flow_id=PATH["flow_id"])
    vault.create("request", "Inzageverzoek", {"to": "Gemeente Utrecht"}, status="verstuurd")
    return vault


@pytest.fixture
def fx() -> Effects:
    return Effects()


@pytest.fixture
def screen(vault: Vault, fx: Effects) -> OverviewScreen:
    def refresh() -> None:
        fx.refreshes += 1

    return OverviewScreen(
        vault, refresh=refresh, show_dialog=fx.dialogs.append,
        close_dialog=lambda: setattr(fx, "closed", fx.closed + 1),
        save_file=lambda name, data: fx.saved.append((name, data)),
        later=lambda s, cb: fx.timers.append((s, cb)), open_record=fx.opened.append,
        on_wiped=lambda: setattr(fx, "wiped", True),
    )  # fmt: skip


def test_list_shows_title_flow_date_and_status(screen: OverviewScreen) -> None:
    view = screen.build()
    shown = texts(view)
    assert "Delen met de huisarts" in shown and "Inzageverzoek" in shown
    assert "Mag ik informatie delen?" in shown  # the flow
    assert "kenmerk D-17" in shown and "verstuurd" in shown
    assert "02-03-2026" in shown


def test_a_path_named_after_its_flow_does_not_say_the_title_twice(
    screen: OverviewScreen, vault: Vault
) -> None:
    """A saved path is named after its flow by default: its line said the same title again."""
    title = str(PATH["flow_title"])
    vault.create("path", title, PATH, flow_id=PATH["flow_id"])
    shown = texts(screen.build())
    assert shown.count(title) == 2, shown  # its own title, and the other path's flow line
    assert "\nBewaard pad · 02-03-2026" in shown  # the kind instead of the title again


def test_open_goes_to_the_detail(screen: OverviewScreen, vault: Vault, fx: Effects) -> None:
    record = vault.list("path")[0]
    find(screen.build(), f"record-{record.id}").on_click(None)
    assert fx.opened == [record.id]
    detail = record_detail_view(record, on_back=lambda: None)
    assert "Is er toestemming? — Nee" in texts(detail)


def test_delete_then_undo(screen: OverviewScreen, vault: Vault, fx: Effects) -> None:
    record = vault.list("path")[0]
    click(find(screen.build(), f"delete-{record.id}"))
    assert record.id not in [r.id for r in vault.list()]
    [snack] = fx.dialogs
    assert isinstance(snack, ft.SnackBar) and snack.action == "Ongedaan maken"
    assert "is verwijderd" in texts(snack)
    assert fx.timers[0][0] >= 3  # a few seconds to change your mind
    snack.on_action(None)
    assert record.id in [r.id for r in vault.list()]
    assert "teruggezet" in texts(screen.build())


def test_undo_after_the_window_is_not_possible(
    screen: OverviewScreen, vault: Vault, fx: Effects
) -> None:
    record = vault.list("path")[0]
    screen.delete(record.id)
    fx.timers[0][1]()  # the undo window passes
    fx.dialogs[0].on_action(None)
    assert record.id not in [r.id for r in vault.list()]
    assert "niet meer worden teruggezet" in (screen.notice or "")


def test_rename(screen: OverviewScreen, vault: Vault, fx: Effects) -> None:
    record = vault.list("path")[0]
    click(find(screen.build(), f"rename-{record.id}"))
    dialog = fx.dialogs[-1]
    find(dialog, "overview-rename-field").value = "Huisarts, casus 3"
    click(find(dialog, "overview-rename-save"))
    assert vault.get(record.id).title == "Huisarts, casus 3"
    assert fx.closed == 1


def test_rename_to_empty_keeps_the_dialog_with_an_error(
    screen: OverviewScreen, vault: Vault, fx: Effects
) -> None:
    record = vault.list("path")[0]
    screen.ask_rename(record.id)
    find(fx.dialogs[-1], "overview-rename-field").value = "  "
    click(find(fx.dialogs[-1], "overview-rename-save"))
    assert find(fx.dialogs[-1], "overview-rename-field").error == "Geef een titel op."
    assert vault.get(record.id).title == "Delen met de huisarts"


def test_export_hands_a_zip_with_json_and_pdf(screen: OverviewScreen, fx: Effects) -> None:
    click(find(screen.build(), "overview-export"))
    [(name, data)] = fx.saved
    assert name == "mijn-overzicht.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        exported = json.loads(bundle.read("mijn-overzicht.json"))
        assert bundle.read("mijn-overzicht.pdf").startswith(b"%PDF")
    assert len(exported["records"]) == 2
    assert "niet versleuteld" in (screen.notice or "")


def test_wipe_asks_first_and_says_it_cannot_be_undone(
    screen: OverviewScreen, vault: Vault, fx: Effects
) -> None:
    click(find(screen.build(), "overview-wipe"))
    dialog = fx.dialogs[-1]
    assert "kan niet ongedaan worden gemaakt" in texts(dialog)
    click(find(dialog, "overview-wipe-cancel"))
    assert len(vault.list()) == 2 and not fx.wiped
    click(find(screen.build(), "overview-wipe"))
    click(find(fx.dialogs[-1], "overview-wipe-confirm"))
    assert fx.wiped and vault.backend.list() == []


def test_empty_overview_and_problems_are_shown(vault: Vault, screen: OverviewScreen) -> None:
    for record in vault.list():
        vault.delete(record.id)
    vault.problems.append(
        StoreProblem("damaged-file", "Het bestand 'rec-x.bin' is beschadigd.", "rec-x.bin")
    )
    view = screen.build()
    assert "Je hebt nog niets bewaard" in texts(view)
    assert find(view, "overview-export").disabled
    assert "beschadigd" in find(view, "overview-problem").value


def test_save_path_dialog_warns_and_passes_the_reference() -> None:
    saved: list[tuple[str, str]] = []
    dialog = save_path_dialog(
        "Mag ik informatie delen?", on_save=lambda t, r: saved.append((t, r)), on_cancel=list
    )
    assert "geen naam, BSN" in find(dialog, "overview-save-warning").value
    find(dialog, "overview-save-reference").value = "CASUS-1"
    click(find(dialog, "overview-save-confirm"))
    assert saved == [("Mag ik informatie delen?", "CASUS-1")]


def test_save_button_is_prominent_for_professionals_only() -> None:
    pro = save_path_button("professional", lambda: None)
    citizen = save_path_button("inwoner", lambda: None)
    assert isinstance(find(pro, "overview-save-path"), ft.FilledButton)
    assert isinstance(find(citizen, "overview-save-path"), ft.OutlinedButton)
    assert find_all(citizen, "overview-save-path")


def test_a_saved_request_opens_its_term_and_follow_up(vault: Vault) -> None:
    from privacyapp.views.store.overview import open_route

    request = vault.create("request", "Inzage bij de gemeente", {}, status="verstuurd")
    path = vault.list("path")[0]
    assert open_route(request) == f"/verzoek/volgen/{request.id}"
    assert open_route(path) == f"/overzicht/{path.id}"


def test_the_save_form_says_the_warning_once_and_counts_in_dutch() -> None:
    """User walk: the reference warning was printed twice, and the character counter was read
    out in English in the Dutch UI."""
    form = save_path_dialog("Pad", on_save=lambda a, b: None, on_cancel=lambda: None)
    shown = texts(form).split("\n")
    assert len([line for line in shown if "BSN" in line]) == 1
    reference = find(form, "overview-save-reference")
    assert reference.helper is None and reference.counter == "Hoogstens 60 tekens"
