"""The builders of "Mijn overzicht": one line per saved item, the list, and an item opened.

Plain functions (records and callbacks in, controls out), so tests inspect them and press their
buttons without a Flet client; ``overview`` holds the screen logic and the routes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

import flet as ft

from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.theme import LARGE_TEXT
from privacyapp.views.store.dialogs import semantic
from privacyapp.views.store.text import problem_text, status_label

if TYPE_CHECKING:
    from privacyapp.dossier import Record, StoreProblem
    from privacyapp.rights import RightsRequest

__all__ = [
    "advice_route",
    "flow_label",
    "format_date",
    "overdue",
    "overview_item",
    "overview_view",
    "record_detail_view",
    "request_due",
    "request_line",
    "summary",
]


def format_date(moment: datetime, t: Translator = i18n.DUTCH) -> str:
    """Date and local time in the UI language: ``02-03-2026 09:30``, ``2 Mar 2026, 09:30``."""
    return i18n.moment_text(t, moment)


def flow_label(record: Record, t: Translator = i18n.DUTCH) -> str:
    """What the overview shows as the record's flow (the flow's title is content: Dutch)."""
    from privacyapp.dossier import KINDS

    title = record.payload.get("flow_title") if isinstance(record.payload, dict) else None
    kind = t(f"overview.kind.{record.kind}") if record.kind in KINDS else record.kind
    return str(title or record.flow_id or kind)


def summary(record: Record, t: Translator = i18n.DUTCH) -> str:
    """Flow, date and status on one line. A saved path is named after its flow by default:
    then the line says what kind of item it is instead of the title again."""
    from privacyapp.dossier import KINDS

    label = flow_label(record, t)
    if label == record.title and record.kind in KINDS:
        label = t(f"overview.kind.{record.kind}")
    when = format_date(record.updated_at, t)
    return f"{label} · {when} · {status_label(t, record.status)}"


def _request(record: Record) -> RightsRequest | None:
    from privacyapp.rights import RECORD_KIND, RightsRequest

    if record.kind != RECORD_KIND or not isinstance(record.payload, dict):
        return None
    try:
        return RightsRequest.from_dict(record.payload)
    except (KeyError, TypeError, ValueError, PrivacyAppError):  # an old or damaged payload
        return None


def request_due(record: Record) -> date | None:
    """When the organisation must answer a saved request (after a reminder: its extra time)."""
    from privacyapp.rights import Status

    request = _request(record)
    if request is None or request.status is not Status.OPEN:
        return None
    term = request.deadline()
    return request.reminder_due() or (term.due if term is not None else None)


def overdue(record: Record, today: date) -> bool:
    """True when a saved request's term has passed and nothing was done since."""
    from privacyapp.rights import Stage

    request = _request(record)
    return request is not None and request.stage(today) in (Stage.VERLOPEN, Stage.AP_ROUTE)


def request_line(record: Record, today: date, t: Translator = i18n.DUTCH) -> str | None:
    """To whom a saved request went and when the answer is due ("" for other items)."""
    request = _request(record)
    if request is None:
        return None
    due = request_due(record)
    parts = [t("overview.request.to", name=request.recipient.name)]
    if due is not None:
        key = "overview.request.overdue" if overdue(record, today) else "overview.request.due"
        parts.append(t(key, date=i18n.day_text(t, due)))
    return " · ".join(parts)


def overview_item(
    record: Record,
    index: int,
    *,
    on_open: Callable[[str], None],
    on_rename: Callable[[str], None],
    on_delete: Callable[[str], None],
    t: Translator = i18n.DUTCH,
    today: date | None = None,
    text_scale: float = 1.0,
) -> ft.Control:
    """One row: title, flow, date and status (a request: to whom, and when the answer is due,
    marked when that day has passed), with open / rename / delete. From ``LARGE_TEXT`` on,
    rename and delete go under the title: beside them it had half the row at 200 % on a phone,
    and a saved item's name broke mid-word."""
    details = summary(record, t)
    if record.reference:
        details += " · " + t("overview.reference_inline", reference=record.reference)
    if today is not None and (line := request_line(record, today, t)):
        details += "\n" + line
    rename = ft.IconButton(
        ft.Icons.EDIT, tooltip=t("overview.rename_tip", title=record.title),
        key=f"rename-{record.id}", on_click=lambda e: on_rename(record.id),
    )  # fmt: skip
    delete = ft.IconButton(
        ft.Icons.DELETE, tooltip=t("overview.delete_tip", title=record.title),
        key=f"delete-{record.id}", on_click=lambda e: on_delete(record.id),
    )  # fmt: skip
    late = today is not None and overdue(record, today)
    tile = ft.ListTile(
        key=f"record-{record.id}",
        leading=ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ERROR) if late else None,
        title=ft.Text(record.title),
        subtitle=ft.Text(details),
        on_click=lambda e: on_open(record.id),
    )
    item = ft.Semantics(content=tile, identifier=f"overview-record-{index}", button=True)
    buttons = [
        semantic(rename, f"overview-rename-{index}"),
        semantic(delete, f"overview-delete-{index}"),
    ]
    if text_scale >= LARGE_TEXT:
        return ft.Column([item, ft.Row(buttons, alignment=ft.MainAxisAlignment.END)], spacing=0)
    return ft.Row([ft.Container(item, expand=True), *buttons])


def overview_view(
    records: list[Record],
    *,
    on_open: Callable[[str], None],
    on_rename: Callable[[str], None],
    on_delete: Callable[[str], None],
    on_export: Callable[[], None],
    on_wipe: Callable[[], None],
    problems: list[StoreProblem] | None = None,
    notice: str | None = None,
    t: Translator = i18n.DUTCH,
    today: date | None = None,
    text_scale: float = 1.0,
) -> ft.Control:
    """The whole "Mijn overzicht" screen body.

    ``problems`` are what the store found wrong when it opened (``Vault.problems``);
    ``text_scale`` is the user's text size (``Settings.text_scale``).
    """
    controls: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text(t("overview.title"), theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
    ]
    if notice:
        controls.append(
            ft.Semantics(content=ft.Text(notice, key="overview-notice"), live_region=True)
        )
    for problem in problems or []:
        controls.append(
            ft.Text(problem_text(t, problem), key="overview-problem", color=ft.Colors.ERROR)
        )
    late = [r for r in records if today is not None and overdue(r, today)]
    if late:  # said when the overview opens, not only in the row
        controls.append(
            ft.Semantics(
                identifier="overview-overdue",
                live_region=True,
                content=ft.Text(
                    t.n("overview.overdue", len(late)), weight=ft.FontWeight.BOLD,
                    color=ft.Colors.ERROR,
                ),
            )
        )  # fmt: skip
    if records:
        items = [
            overview_item(
                r,
                i,
                on_open=on_open,
                on_rename=on_rename,
                on_delete=on_delete,
                t=t,
                today=today,
                text_scale=text_scale,
            )
            for i, r in enumerate(records)
        ]
        controls.append(ft.Column(items, key="overview-list"))
    else:
        controls.append(ft.Text(t("overview.empty"), key="overview-empty"))
    export = ft.OutlinedButton(
        t("overview.export"), icon=ft.Icons.DOWNLOAD, key="overview-export",
        on_click=lambda e: on_export(), disabled=not records,
    )  # fmt: skip
    wipe = ft.TextButton(
        t("overview.wipe"), icon=ft.Icons.DELETE_FOREVER, key="overview-wipe",
        on_click=lambda e: on_wipe(),
    )  # fmt: skip
    controls.append(
        ft.Row(  # wraps on a narrow phone or with large text, instead of running off screen
            [semantic(export, "overview-export"), semantic(wipe, "overview-wipe")],
            wrap=True,
            spacing=10,
            run_spacing=10,
        )
    )
    controls.append(ft.Text(t("overview.export_note"), size=12))
    return ft.Column(controls, key="overview-view", scroll=ft.ScrollMode.AUTO)


def advice_route(record: Record) -> str | None:
    """Where a saved path's advice is in the app (``/vraag/<flow>/<advice>``), if it has one."""
    payload = record.payload if isinstance(record.payload, dict) else {}
    flow, node = payload.get("flow_id"), payload.get("advice_node_id")
    if record.kind != "path" or not isinstance(flow, str) or not isinstance(node, str):
        return None
    return f"/vraag/{quote(flow, safe='')}/{quote(node, safe='')}"


def record_detail_view(
    record: Record,
    *,
    on_back: Callable[[], None],
    t: Translator = i18n.DUTCH,
    on_open: Callable[[str], None] | None = None,
    content_hash: str | None = None,
) -> ft.Control:
    """A saved item opened: its path steps (for paths) or its fields (content: as saved); a
    saved path offers its advice again (``on_open``), saying so when the content has been
    updated since it was saved (``content_hash`` of the content in use)."""
    lines: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text(record.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
        ft.Text(summary(record, t)),
    ]
    if record.reference:
        lines.append(ft.Text(t("overview.reference_line", reference=record.reference)))
    steps = record.payload.get("steps") if record.kind == "path" else None
    if isinstance(steps, list):
        for step in steps:
            if not isinstance(step, dict):
                continue
            answer = step.get("answer_label")
            text = str(step.get("prompt") or step.get("node_id") or "")
            lines.append(
                ft.Text(f"{text} — {answer}" if answer else text, key="overview-detail-step")
            )
    elif record.kind != "identity":
        for key, value in sorted(record.payload.items()):
            lines.append(ft.Text(f"{key}: {value}", key="overview-detail-field"))
    route = advice_route(record)
    if route is not None and on_open is not None:
        saved_hash = record.payload.get("content_hash")
        if content_hash is not None and saved_hash and saved_hash != content_hash:
            lines.append(ft.Text(t("overview.content_changed"), key="overview-content-changed"))
        lines.append(
            semantic(
                ft.FilledButton(
                    t("overview.open_advice"), key="overview-open-advice",
                    on_click=lambda e: on_open(route),
                ),
                "overview-open-advice",
            )
        )  # fmt: skip
    lines.append(
        ft.TextButton(t("overview.back"), key="overview-detail-back", on_click=lambda e: on_back())
    )
    return ft.Column(lines, key="overview-detail", scroll=ft.ScrollMode.AUTO)
