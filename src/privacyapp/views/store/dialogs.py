"""The small dialogs of Mijn overzicht: rename, wipe everything, undo a delete, save a path."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator

if TYPE_CHECKING:
    from privacyapp.dossier import Record

__all__ = [
    "UNDO_SECONDS",
    "rename_dialog",
    "save_path_button",
    "save_path_dialog",
    "semantic",
    "undo_snackbar",
    "wipe_dialog",
]


#: How long "Ongedaan maken" stays offered after a delete (seconds).
UNDO_SECONDS = 6


def semantic(control: ft.Control, identifier: str) -> ft.Control:
    """``control`` with a stable identifier for screen readers and browser tests."""
    return ft.Semantics(content=control, identifier=identifier)


def rename_dialog(
    record: Record,
    *,
    on_save: Callable[[str], None],
    on_cancel: Callable[[], None],
    error: str | None = None,
    t: Translator = i18n.DUTCH,
) -> ft.AlertDialog:
    field = ft.TextField(
        label=t("overview.new_title"), value=record.title, key="overview-rename-field", error=error
    )
    field.on_submit = lambda e: on_save(field.value or "")
    return ft.AlertDialog(
        key="overview-rename-dialog",
        title=ft.Text(t("overview.rename")),
        content=field,
        actions=[
            ft.TextButton(
                t("overview.cancel"), key="overview-rename-cancel", on_click=lambda e: on_cancel()
            ),
            ft.FilledButton(
                t("overview.store"),
                key="overview-rename-save",
                on_click=lambda e: on_save(field.value or ""),
            ),
        ],
    )


def wipe_dialog(
    *, on_confirm: Callable[[], None], on_cancel: Callable[[], None], t: Translator = i18n.DUTCH
) -> ft.AlertDialog:
    """Confirmation that says wiping cannot be undone."""
    return ft.AlertDialog(
        key="overview-wipe-dialog",
        modal=True,
        title=ft.Text(t("overview.wipe_title")),
        content=ft.Text(t("overview.wipe_text"), key="overview-wipe-text"),
        actions=[
            ft.TextButton(
                t("overview.wipe_cancel"),
                key="overview-wipe-cancel",
                on_click=lambda e: on_cancel(),
            ),
            ft.FilledButton(
                t("overview.wipe_confirm"),
                key="overview-wipe-confirm",
                bgcolor=ft.Colors.ERROR,
                on_click=lambda e: on_confirm(),
            ),  # fmt: skip
        ],
    )


def undo_snackbar(
    record: Record, *, on_undo: Callable[[], None], t: Translator = i18n.DUTCH
) -> ft.SnackBar:
    """ "X is verwijderd" with an undo action, for ``UNDO_SECONDS`` seconds."""
    return ft.SnackBar(
        ft.Text(t("overview.deleted", title=record.title)),
        key="overview-undo",
        action=t("overview.undo"),
        on_action=lambda e: on_undo(),
        duration=UNDO_SECONDS * 1000,
    )


def save_path_button(
    audience: str, on_click: Callable[[], None], t: Translator = i18n.DUTCH
) -> ft.Control:
    """ "Bewaar dit pad": prominent for professionals, a quieter button for others."""
    kind = ft.FilledButton if audience == "professional" else ft.OutlinedButton
    button = kind(
        t("overview.save"),
        icon=ft.Icons.SAVE,
        key="overview-save-path",
        on_click=lambda e: on_click(),
    )
    return semantic(button, "overview-save-path")


def save_path_dialog(
    title: str,
    *,
    on_save: Callable[[str, str], None],
    on_cancel: Callable[[], None],
    error: str | None = None,
    reference_value: str = "",
    t: Translator = i18n.DUTCH,
) -> ft.AlertDialog:
    """Title and an optional client reference, with the no-names / no-BSN warning."""
    title_field = ft.TextField(
        label=t("overview.title_field"), value=title, key="overview-save-title"
    )
    warning = t("overview.reference_warning")
    reference = ft.TextField(
        label=t("overview.reference_field"),  # short: a longer label wrapped at 200 %
        hint_text=t("overview.reference_hint"),
        key="overview-save-reference",
        error=error,
        value=reference_value,
        max_length=60,
        counter=t("form.max_chars", max=60),  # not Flutter's English count
    )  # fmt: skip  (the warning is said once, below: not also as the field's help)

    def save(_: object) -> None:
        on_save(title_field.value or "", reference.value or "")

    return ft.AlertDialog(
        key="overview-save-form",
        title=ft.Text(t("overview.save")),
        content=ft.Column(
            tight=True,
            # the fields as wide as the screen (they were 300 px, the title cut off)
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
            controls=[
                ft.Text(t("overview.save_intro")),
                semantic(title_field, "overview-save-title"),
                semantic(reference, "overview-save-reference"),
                ft.Text(warning, key="overview-save-warning", weight=ft.FontWeight.BOLD),
            ],
        ),
        actions=[
            ft.TextButton(
                t("overview.cancel"), key="overview-save-cancel", on_click=lambda e: on_cancel()
            ),
            semantic(
                ft.FilledButton(t("overview.keep"), key="overview-save-confirm", on_click=save),
                "overview-save-confirm",
            ),
        ],
    )
