"""The municipality screen's small parts: its state, status lines and the result list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.theme import TOUCH_TARGET
from privacyapp.views.municipality.card import Handler, Translate, on_event, shown

if TYPE_CHECKING:
    from privacyapp.opendata import (
        Municipality,
        MunicipalityDirectory,
        PostcodeError,
        PostcodeMatch,
        RefreshResult,
    )

__all__ = [
    "MunicipalityState",
    "day_text",
    "exact",
    "labelled",
    "postcode_problem",
    "result_list",
    "source_line",
    "status_text",
]


# ---------------------------------------------------------------------------- small helpers


def day_text(value: MunicipalityDirectory | RefreshResult, t: Translate) -> str:
    return i18n.day_text(t, value.updated_at)


def source_line(directory: MunicipalityDirectory, t: Translate = i18n.DUTCH) -> str:
    """``"Bron: Register van Overheidsorganisaties, bijgewerkt op 15-04-2026"`` (the register's
    name is a name: it stays Dutch in the English UI)."""
    return t("municipality.source", source=directory.source, date=day_text(directory, t))


def status_text(result: RefreshResult, t: Translate = i18n.DUTCH) -> str:
    """The status line after a refresh: "bijgewerkt", or which data is still in use."""
    from privacyapp.opendata import OpenDataCode

    if result.ok:
        return t("municipality.updated", date=day_text(result, t))
    code = result.error.code if result.error is not None else OpenDataCode.FEED_FAILED
    if result.status == "skipped" or code is OpenDataCode.FEED_OFFLINE:
        return t("municipality.offline", date=day_text(result, t))
    reason = t(f"municipality.{code.value}")
    return f"{t('municipality.failed', date=day_text(result, t))} {reason}"


def postcode_problem(error: PostcodeError, postcode: str) -> tuple[str, dict[str, str]]:
    """The UI key (and its fields) for a postcode lookup error, by the error's code."""
    return f"municipality.{error.code.value}", {"text": postcode.strip()}


def exact(record: Municipality, query: str) -> bool:
    """True when the query is this municipality's name (or alias) in any spelling."""
    from privacyapp.opendata import search_key

    wanted = search_key(query).replace(" ", "")
    names = (record.name, record.official_name, *record.aliases)
    return any(search_key(name).replace(" ", "") == wanted for name in names)


def labelled(ident: str, label: str, control: ft.Control) -> ft.Semantics:
    """An input with an identifier and an accessible name."""
    return ft.Semantics(identifier=ident, label=label, content=control)


def result_list(
    records: list[Municipality], on_select: Handler, *, text_scale: float = 1.0
) -> list[ft.Control]:
    """A button per municipality; ``text_scale``: the user's text size (long names whole)."""
    return [
        w.choice(
            record.name,
            f"municipality-result-{record.code.lower()}",
            on_event(on_select, record.code),
            description=record.official_name if record.aliases else None,
            icon=ft.Icons.ACCOUNT_BALANCE,
            text_scale=text_scale,
        )
        for record in records
    ]


# ---------------------------------------------------------------------------- the screen


@dataclass
class MunicipalityState:
    """What the screen shows (plain values; kept in ``state.features``)."""

    query: str = ""
    results: list[Municipality] = field(default_factory=list)
    selected: Municipality | None = None
    postcode_open: bool = False
    postcode: str = ""
    choices: list[PostcodeMatch] = field(default_factory=list)
    """Several municipalities for one postcode: the user chooses."""
    message: str = ""
    """A one-off message: nothing found, a postcode problem, "copied"."""
    status: str = ""
    """The refresh status line; empty: "Gegevens van <date>"."""
    refreshed: RefreshResult | None = None
    """The last refresh, to say its status again in another UI language."""
    lang: str = ""
    """The UI language of ``message`` and ``status``."""
    busy: bool = False
    postcode_problem: bool = False
    """``message`` says why the postcode search failed: an error summary at its button."""
    tries: int = 0
    """Postcode searches asked for: each one is a new try, even with the same answer."""
    shown_problem: tuple[str, int] = ("", 0)
    """The postcode problem the last render showed, and for which try (a new one takes
    keyboard focus)."""
    auto_checked: bool = False
    """The automatic "older than a week" refresh ran (once per app session)."""
    text_scale: float = 1.0
    """The user's text size the screen is built for: from 150 % a result's name gets the row."""


def refresh_bar(
    directory: MunicipalityDirectory, state: MunicipalityState, t: Translate, on_click: Handler
) -> ft.Control:
    """The register's status line with its refresh button beside it; the status wraps beside
    the button (it ran off a 390 px phone). Where the app never asks the register (the static
    web build) there is no button, and the line says which list is shown instead."""
    asks = directory.asks_register
    day = day_text(directory, t)
    idle = t("municipality.data_of", date=day) if asks else t("municipality.web_list", date=day)
    status = state.status or idle
    if not asks:
        return shown("municipality-status", w.muted(status), live=True)
    label = t("municipality.refresh")
    button = ft.IconButton(
        icon=ft.Icons.REFRESH,
        tooltip=label,
        disabled=state.busy,
        on_click=on_click,
        width=TOUCH_TARGET,
        height=TOUCH_TARGET,
    )
    return ft.Row(
        [
            ft.Container(
                content=shown("municipality-status", w.muted(status), live=True), expand=True
            ),
            ft.Semantics(
                identifier="municipality-refresh", label=label, button=True, content=button
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
