""" "Mijn overzicht" (route ``/overzicht``) and "Bewaar dit pad" on the advice screen.

Builders are plain functions (records and callbacks in, controls out) so tests inspect them and
press their buttons without a Flet client. ``OverviewScreen`` is the small amount of logic
between those builders and the ``Vault``: delete with a few seconds of undo, rename, export,
and wiping everything after a confirmation that says it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import flet as ft

from privacyapp.dossier import (
    REFERENCE_WARNING,
    Record,
    StoreError,
    Vault,
    export_bundle,
)

__all__ = [
    "EXPORT_FILE_NAME",
    "UNDO_SECONDS",
    "OverviewScreen",
    "overview_view",
    "record_detail_view",
    "rename_dialog",
    "save_path_button",
    "save_path_dialog",
    "undo_snackbar",
    "wipe_dialog",
]

UNDO_SECONDS = 6
EXPORT_FILE_NAME = "mijn-overzicht.zip"
KIND_LABELS = {
    "path": "Bewaard pad",
    "checklist": "Checklist",
    "request": "Verzoek",
    "identity": "Ondertekensleutel",
}
WIPE_TEXT = (
    "Hiermee wis je alles wat je in de app hebt bewaard, en de sleutels. Dit kan niet ongedaan "
    "worden gemaakt. Wil je iets bewaren? Exporteer dan eerst."
)
EXPORT_NOTE = "Het exportbestand is niet versleuteld. Bewaar het op een veilige plek."


def format_date(moment: datetime) -> str:
    """Dutch date and time, e.g. ``02-03-2026 09:30``."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def flow_label(record: Record) -> str:
    """What the overview shows as the record's flow."""
    title = record.payload.get("flow_title") if isinstance(record.payload, dict) else None
    return str(title or record.flow_id or KIND_LABELS.get(record.kind, record.kind))


def _semantic(control: ft.Control, identifier: str) -> ft.Control:
    return ft.Semantics(content=control, identifier=identifier)


def overview_item(
    record: Record,
    *,
    on_open: Callable[[str], None],
    on_rename: Callable[[str], None],
    on_delete: Callable[[str], None],
) -> ft.Control:
    """One row: title, flow, date and status, with open / rename / delete."""
    details = f"{flow_label(record)} · {format_date(record.updated_at)} · {record.status}"
    if record.reference:
        details += f" · kenmerk {record.reference}"
    return ft.ListTile(
        key=f"record-{record.id}",
        title=ft.Text(record.title),
        subtitle=ft.Text(details),
        on_click=lambda e: on_open(record.id),
        trailing=ft.Row(
            tight=True,
            controls=[
                ft.IconButton(
                    ft.Icons.EDIT, tooltip=f"{record.title} hernoemen", key=f"rename-{record.id}",
                    on_click=lambda e: on_rename(record.id),
                ),
                ft.IconButton(
                    ft.Icons.DELETE, tooltip=f"{record.title} verwijderen",
                    key=f"delete-{record.id}", on_click=lambda e: on_delete(record.id),
                ),
            ],
        ),
    )  # fmt: skip


def overview_view(
    records: list[Record],
    *,
    on_open: Callable[[str], None],
    on_rename: Callable[[str], None],
    on_delete: Callable[[str], None],
    on_export: Callable[[], None],
    on_wipe: Callable[[], None],
    problems: list[str] | None = None,
    notice: str | None = None,
) -> ft.Control:
    """The whole "Mijn overzicht" screen body."""
    controls: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text("Mijn overzicht", theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
    ]
    if notice:
        controls.append(
            ft.Semantics(content=ft.Text(notice, key="overview-notice"), live_region=True)
        )
    for problem in problems or []:
        controls.append(ft.Text(problem, key="overview-problem", color=ft.Colors.ERROR))
    if records:
        items = [
            overview_item(r, on_open=on_open, on_rename=on_rename, on_delete=on_delete)
            for r in records
        ]
        controls.append(ft.Column(items, key="overview-list"))
    else:
        controls.append(
            ft.Text(
                "Je hebt nog niets bewaard. Bij een advies kun je het pad bewaren.",
                key="overview-empty",
            )
        )
    export = ft.OutlinedButton(
        "Alles exporteren", icon=ft.Icons.DOWNLOAD, key="overview-export",
        on_click=lambda e: on_export(), disabled=not records,
    )  # fmt: skip
    wipe = ft.TextButton(
        "Alles wissen", icon=ft.Icons.DELETE_FOREVER, key="overview-wipe",
        on_click=lambda e: on_wipe(),
    )  # fmt: skip
    controls.append(
        ft.Row([_semantic(export, "overview-export"), _semantic(wipe, "overview-wipe")])
    )
    controls.append(ft.Text(EXPORT_NOTE, size=12))
    return ft.Column(controls, key="overview-view", scroll=ft.ScrollMode.AUTO)


def record_detail_view(record: Record, *, on_back: Callable[[], None]) -> ft.Control:
    """A saved item opened: its path steps (for paths) or its fields."""
    lines: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text(record.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
        ft.Text(f"{flow_label(record)} · {format_date(record.updated_at)} · {record.status}"),
    ]
    if record.reference:
        lines.append(ft.Text(f"Kenmerk: {record.reference}"))
    steps = record.payload.get("steps") if record.kind == "path" else None
    if isinstance(steps, list):
        for step in steps:
            if not isinstance(step, dict):
                continue
            answer = step.get("answer_label")
            text = str(step.get("prompt") or step.get("node_id") or "")
            lines.append(ft.Text(f"{text} — {answer}" if answer else text, key="detail-step"))
    elif record.kind != "identity":
        for key, value in sorted(record.payload.items()):
            lines.append(ft.Text(f"{key}: {value}", key="detail-field"))
    lines.append(
        ft.TextButton("Terug naar mijn overzicht", key="detail-back", on_click=lambda e: on_back())
    )
    return ft.Column(lines, key="detail-view", scroll=ft.ScrollMode.AUTO)


def rename_dialog(
    record: Record,
    *,
    on_save: Callable[[str], None],
    on_cancel: Callable[[], None],
    error: str | None = None,
) -> ft.AlertDialog:
    field = ft.TextField(label="Nieuwe titel", value=record.title, key="rename-field", error=error)
    field.on_submit = lambda e: on_save(field.value or "")
    return ft.AlertDialog(
        key="rename-dialog",
        title=ft.Text("Hernoemen"),
        content=field,
        actions=[
            ft.TextButton("Annuleren", key="rename-cancel", on_click=lambda e: on_cancel()),
            ft.FilledButton(
                "Opslaan", key="rename-save", on_click=lambda e: on_save(field.value or "")
            ),
        ],
    )


def wipe_dialog(*, on_confirm: Callable[[], None], on_cancel: Callable[[], None]) -> ft.AlertDialog:
    """Confirmation that says wiping cannot be undone."""
    return ft.AlertDialog(
        key="wipe-dialog",
        modal=True,
        title=ft.Text("Alles wissen?"),
        content=ft.Text(WIPE_TEXT, key="wipe-text"),
        actions=[
            ft.TextButton("Niet wissen", key="wipe-cancel", on_click=lambda e: on_cancel()),
            ft.FilledButton(
                "Ja, wis alles",
                key="wipe-confirm",
                bgcolor=ft.Colors.ERROR,
                on_click=lambda e: on_confirm(),
            ),  # fmt: skip
        ],
    )


def undo_snackbar(record: Record, *, on_undo: Callable[[], None]) -> ft.SnackBar:
    """ "X is verwijderd" with an undo action, for ``UNDO_SECONDS`` seconds."""
    return ft.SnackBar(
        ft.Text(f"'{record.title}' is verwijderd."),
        key="undo-snackbar",
        action="Ongedaan maken",
        on_action=lambda e: on_undo(),
        duration=UNDO_SECONDS * 1000,
    )


def save_path_button(audience: str, on_click: Callable[[], None]) -> ft.Control:
    """ "Bewaar dit pad": prominent for professionals, a quieter button for others."""
    kind = ft.FilledButton if audience == "professional" else ft.OutlinedButton
    button = kind(
        "Bewaar dit pad", icon=ft.Icons.SAVE, key="save-path", on_click=lambda e: on_click()
    )
    return _semantic(button, "save-path")


def save_path_dialog(
    title: str,
    *,
    on_save: Callable[[str, str], None],
    on_cancel: Callable[[], None],
    error: str | None = None,
) -> ft.AlertDialog:
    """Title and an optional client reference, with the no-names / no-BSN warning."""
    title_field = ft.TextField(label="Titel", value=title, key="save-title")
    reference = ft.TextField(
        label="Kenmerk (niet verplicht)", key="save-reference", error=error,
        helper=REFERENCE_WARNING, helper_max_lines=3, max_length=60,
    )  # fmt: skip

    def save(_: Any) -> None:
        on_save(title_field.value or "", reference.value or "")

    return ft.AlertDialog(
        key="save-dialog",
        title=ft.Text("Bewaar dit pad"),
        content=ft.Column(
            tight=True,
            controls=[
                ft.Text("Het pad wordt versleuteld op dit apparaat bewaard."),
                _semantic(title_field, "save-title"),
                _semantic(reference, "save-reference"),
                ft.Text(REFERENCE_WARNING, key="save-warning", weight=ft.FontWeight.BOLD),
            ],
        ),
        actions=[
            ft.TextButton("Annuleren", key="save-cancel", on_click=lambda e: on_cancel()),
            _semantic(
                ft.FilledButton("Bewaren", key="save-confirm", on_click=save), "save-confirm"
            ),
        ],
    )


class OverviewScreen:
    """The overview's behaviour, with every effect injected (tests pass plain callables).

    Args:
        vault: the unlocked store.
        refresh: rebuild and show the screen (reads ``records()``, ``notice``).
        show_dialog / close_dialog: ``page.show_dialog`` / ``page.pop_dialog``.
        show_snackbar: shows an ``ft.SnackBar`` (``page.show_dialog`` works for it too).
        save_file: hands ``(file name, bytes)`` to the user (``ft.FilePicker().save_file``).
        later: run a callback after some seconds (e.g. ``asyncio`` ``loop.call_later``).
        open_record: navigate to a record's detail.
        on_wiped: called after everything was wiped (go to the start).
    """

    def __init__(
        self,
        vault: Vault,
        *,
        refresh: Callable[[], None],
        show_dialog: Callable[[ft.AlertDialog | ft.SnackBar], None],
        close_dialog: Callable[[], None],
        save_file: Callable[[str, bytes], None],
        later: Callable[[float, Callable[[], None]], None],
        open_record: Callable[[str], None],
        on_wiped: Callable[[], None],
    ) -> None:
        self.vault = vault
        self.notice: str | None = None
        self._refresh = refresh
        self._show = show_dialog
        self._close = close_dialog
        self._save_file = save_file
        self._later = later
        self._open_record = open_record
        self._on_wiped = on_wiped

    def records(self) -> list[Record]:
        return self.vault.list()

    def build(self) -> ft.Control:
        return overview_view(
            self.records(), on_open=self._open_record, on_rename=self.ask_rename,
            on_delete=self.delete, on_export=self.export, on_wipe=self.ask_wipe,
            problems=self.vault.problems, notice=self.notice,
        )  # fmt: skip

    def _fail(self, exc: StoreError) -> None:
        self.notice = str(exc)
        self._refresh()

    def delete(self, record_id: str) -> None:
        try:
            record = self.vault.delete(record_id)
        except StoreError as exc:
            return self._fail(exc)
        self.notice = None
        self._show(undo_snackbar(record, on_undo=lambda: self.undo(record.id)))
        self._later(UNDO_SECONDS, lambda: self.vault.forget_deleted(record.id))
        self._refresh()

    def undo(self, record_id: str) -> None:
        try:
            restored = self.vault.restore(record_id)
        except StoreError as exc:
            return self._fail(exc)
        self.notice = f"'{restored.title}' is teruggezet."
        self._refresh()

    def ask_rename(self, record_id: str) -> None:
        record = self.vault.get(record_id)
        self._show(
            rename_dialog(
                record, on_save=lambda t: self.rename(record_id, t), on_cancel=self._close
            )
        )

    def rename(self, record_id: str, title: str) -> None:
        try:
            self.vault.rename(record_id, title)
        except StoreError as exc:
            self._close()
            record = self.vault.get(record_id)
            self._show(
                rename_dialog(
                    record, error=str(exc), on_save=lambda t: self.rename(record_id, t),
                    on_cancel=self._close,
                )
            )  # fmt: skip
            return
        self._close()
        self.notice = None
        self._refresh()

    def export(self) -> None:
        try:
            data = export_bundle(self.vault)
        except StoreError as exc:
            return self._fail(exc)
        self._save_file(EXPORT_FILE_NAME, data)
        self.notice = f"Export klaar: {EXPORT_FILE_NAME}. {EXPORT_NOTE}"
        self._refresh()

    def ask_wipe(self) -> None:
        self._show(wipe_dialog(on_confirm=self.wipe, on_cancel=self._close))

    def wipe(self) -> None:
        self._close()
        try:
            self.vault.wipe()
        except StoreError as exc:
            return self._fail(exc)
        self._on_wiped()
