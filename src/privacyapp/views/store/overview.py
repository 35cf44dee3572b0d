""" "Mijn overzicht" (route ``/overzicht``) and "Bewaar dit pad" on the advice screen.

Builders are plain functions (records and callbacks in, controls out) so tests inspect them and
press their buttons without a Flet client. ``OverviewScreen`` is the small amount of logic
between those builders and the ``Vault``: delete with a few seconds of undo, rename, export,
and wiping everything after a confirmation that says it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import flet as ft

from privacyapp.dossier import (
    KINDS,
    Record,
    RecordNotFoundError,
    StoreError,
    StoreProblem,
    StoreWriteError,
    Vault,
    export_bundle,
)
from privacyapp.errors import PrivacyAppError
from privacyapp.rights import RECORD_KIND, RightsRequest, Stage, Status
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.kit.vault import store_session
from privacyapp.views.store.dialogs import (
    UNDO_SECONDS,
    rename_dialog,
    save_path_dialog,
    semantic,
    undo_snackbar,
    wipe_dialog,
)
from privacyapp.views.store.page import close_dialog, later, save_file, show_dialog
from privacyapp.views.store.text import problem_text, status_label, store_error

__all__ = [
    "EXPORT_FILE_NAME",
    "OPEN_ROUTES",
    "OverviewScreen",
    "ROUTES",
    "UNDO_SECONDS",
    "open_route",
    "overview_route",
    "overview_view",
    "record_detail_view",
    "record_route",
    "save_route",
]

#: The export's file name stays Dutch in every UI language, like the export's content.
EXPORT_FILE_NAME = "mijn-overzicht.zip"


def format_date(moment: datetime, t: Translator = i18n.DUTCH) -> str:
    """Date and local time in the UI language: ``02-03-2026 09:30``, ``2 Mar 2026, 09:30``."""
    return i18n.moment_text(t, moment)


def flow_label(record: Record, t: Translator = i18n.DUTCH) -> str:
    """What the overview shows as the record's flow (the flow's title is content: Dutch)."""
    title = record.payload.get("flow_title") if isinstance(record.payload, dict) else None
    kind = t(f"overview.kind.{record.kind}") if record.kind in KINDS else record.kind
    return str(title or record.flow_id or kind)


def summary(record: Record, t: Translator = i18n.DUTCH) -> str:
    """Flow, date and status on one line."""
    when = format_date(record.updated_at, t)
    return f"{flow_label(record, t)} · {when} · {status_label(t, record.status)}"


def _request(record: Record) -> RightsRequest | None:
    if record.kind != RECORD_KIND or not isinstance(record.payload, dict):
        return None
    try:
        return RightsRequest.from_dict(record.payload)
    except (KeyError, TypeError, ValueError, PrivacyAppError):  # an old or damaged payload
        return None


def request_due(record: Record) -> date | None:
    """When the organisation must answer a saved request (after a reminder: its extra time)."""
    request = _request(record)
    if request is None or request.status is not Status.OPEN:
        return None
    term = request.deadline()
    return request.reminder_due() or (term.due if term is not None else None)


def overdue(record: Record, today: date) -> bool:
    """True when a saved request's term has passed and nothing was done since."""
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
) -> ft.Control:
    """One row: title, flow, date and status (a request: to whom, and when the answer is due,
    marked when that day has passed), with open / rename / delete."""
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
    return ft.Row(
        [
            ft.Container(
                ft.Semantics(content=tile, identifier=f"overview-record-{index}", button=True),
                expand=True,
            ),
            semantic(rename, f"overview-rename-{index}"),
            semantic(delete, f"overview-delete-{index}"),
        ]
    )


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
) -> ft.Control:
    """The whole "Mijn overzicht" screen body.

    ``problems`` are what the store found wrong when it opened (``Vault.problems``).
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
                r, i, on_open=on_open, on_rename=on_rename, on_delete=on_delete, t=t, today=today
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
        t: the UI translator (the route sets it again on every render, so a change of language
            applies to the next message).
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
        t: Translator = i18n.DUTCH,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.vault = vault
        self.t = t
        self.today = today
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
            problems=self.vault.problems, notice=self.notice, t=self.t,
            today=self.today() if self.today is not None else None,
        )  # fmt: skip

    def _fail(self, exc: StoreError, key: str | None = None) -> None:
        self.notice = store_error(self.t, exc, key)
        self._refresh()

    def delete(self, record_id: str) -> None:
        try:
            record = self.vault.delete(record_id)
        except StoreError as exc:
            return self._fail(exc)
        self.notice = None
        self._show(undo_snackbar(record, on_undo=lambda: self.undo(record.id), t=self.t))
        self._later(UNDO_SECONDS, lambda: self.vault.forget_deleted(record.id))
        self._refresh()

    def undo(self, record_id: str) -> None:
        try:
            restored = self.vault.restore(record_id)
        except StoreError as exc:
            too_late = isinstance(exc, RecordNotFoundError)
            return self._fail(exc, "store.error.undo_too_late" if too_late else None)
        self.notice = self.t("overview.restored", title=restored.title)
        self._refresh()

    def ask_rename(self, record_id: str) -> None:
        record = self.vault.get(record_id)
        self._show(
            rename_dialog(
                record,
                on_save=lambda title: self.rename(record_id, title),
                on_cancel=self._close,
                t=self.t,
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
                    record, error=store_error(self.t, exc),
                    on_save=lambda title: self.rename(record_id, title), on_cancel=self._close,
                    t=self.t,
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
        exported = self.t("overview.exported", file=EXPORT_FILE_NAME)
        self.notice = f"{exported} {self.t('overview.export_note')}"
        self._refresh()

    def ask_wipe(self) -> None:
        self._show(wipe_dialog(on_confirm=self.wipe, on_cancel=self._close, t=self.t))

    def wipe(self) -> None:
        self._close()
        try:
            self.vault.wipe()
        except StoreError as exc:
            return self._fail(exc, "store.error.wipe" if isinstance(exc, StoreWriteError) else None)
        self._on_wiped()


# --------------------------------------------------------------------------- routes (shell)
#: Where "open" goes per record kind (``{id}`` is filled in). Feature modules may add their own,
#: e.g. ``OPEN_ROUTES["request"] = "/verzoek/volgen/{id}"``; the default is the detail here.
OPEN_ROUTES: dict[str, str] = {"request": "/verzoek/volgen/{id}"}  # its term and follow-up


def open_route(record: Record) -> str:
    """The route that opens ``record``."""
    return OPEN_ROUTES.get(record.kind, "/overzicht/{id}").replace("{id}", record.id)


def _screen(ctx: ViewContext, session: StoreSession) -> OverviewScreen:
    vault = session.lock.require_vault()
    screen = session.screens.get("overview")
    if not isinstance(screen, OverviewScreen) or screen.vault is not vault:

        def wiped() -> None:
            session.screens.clear()
            ctx.nav.go("/slot")

        screen = OverviewScreen(
            vault, refresh=ctx.nav.refresh, show_dialog=lambda d: show_dialog(ctx, d),
            close_dialog=lambda: close_dialog(ctx), save_file=lambda n, b: save_file(ctx, n, b),
            later=lambda s, cb: later(ctx, s, cb),
            open_record=lambda rid: ctx.nav.go(open_route(vault.get(rid))), on_wiped=wiped,
            today=lambda: ctx.services.clock().astimezone().date(),
        )  # fmt: skip
        session.screens["overview"] = screen
    screen.t = ctx.t
    return screen


def _unavailable(ctx: ViewContext) -> ft.Control:
    """Locked (or no store): say so and offer the lock screen."""
    heading = w.heading(ctx.t("overview.title"), 1, ident="overview-title")
    if ctx.services.store is None:
        return w.page_body(
            [heading, w.notice(ctx.t("overview.unavailable"), ident="overview-none")]
        )
    return w.page_body(
        [
            heading,
            w.body(ctx.t("overview.locked")),
            w.primary(ctx.t("overview.unlock"), "overview-unlock", lambda _: ctx.nav.go("/slot")),
        ]
    )


def overview_route(ctx: ViewContext) -> ft.Control:
    """``/overzicht`` (the lock guard has made sure the store is unlocked)."""
    session = store_session(ctx)
    if session is None or not session.lock.is_unlocked:
        return _unavailable(ctx)
    content = _screen(ctx, session).build()

    def lock_now(_: object) -> None:
        session.lock.lock()
        session.screens.pop("overview", None)
        ctx.nav.go("/slot")

    lock = w.secondary(ctx.t("overview.lock"), "overview-lock", lock_now, icon=ft.Icons.LOCK)
    error = session.error_text(ctx.t)
    top = [w.notice(error, ident="overview-storage-error")] if error else []
    return w.page_body([*top, content, lock])


def record_route(ctx: ViewContext) -> ft.Control:
    """``/overzicht/{record}``: one saved item."""
    session = store_session(ctx)
    if session is None or not session.lock.is_unlocked:
        return _unavailable(ctx)
    try:
        record = session.lock.require_vault().get(ctx.params.get("record", ""))
    except StoreError as exc:
        return w.page_body([w.notice(store_error(ctx.t, exc), ident="overview-not-found")])
    ctx.title = record.title
    detail = record_detail_view(
        record,
        on_back=lambda: ctx.nav.go("/overzicht"),
        t=ctx.t,
        on_open=ctx.nav.go,
        content_hash=ctx.services.library.content_hash,
    )
    return w.page_body([detail])


def _finished_path(ctx: ViewContext) -> Any:
    session = ctx.state.session
    return session.path if session is not None and session.finished else None


def _forget_input(ctx: ViewContext) -> None:
    ctx.state.slots.pop("overview-save-error", None)
    ctx.state.slots.pop("overview-save-input", None)


#: The flow session whose path was saved last (a state value, compared by identity).
_SAVED = "overview-saved-session"


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def save_route(ctx: ViewContext) -> ft.Control:
    """``/overzicht/bewaar``: save the finished path in ``state.session`` with a reference."""
    store = store_session(ctx)
    if store is None or not store.lock.is_unlocked:
        return _unavailable(ctx)
    path = _finished_path(ctx)
    if path is None:
        return w.page_body([w.notice(ctx.t("overview.no_path"), ident="overview-no-path")])
    if ctx.state.slots.get(_SAVED) is ctx.state.session:  # back here after saving it
        return w.page_body(
            [
                w.heading(ctx.t("overview.save"), 1, ident="overview-save-heading"),
                w.notice(ctx.t("overview.already_saved"), ident="overview-already-saved"),
                w.primary(
                    ctx.t("overview.to_overview"), "overview-to-list", _go(ctx, "/overzicht")
                ),
            ]
        )
    error = ctx.state.slots.get("overview-save-error")
    typed = ctx.state.slots.get("overview-save-input") or (path.flow_title, "")

    def save(title: str, reference: str) -> None:
        ctx.state.slots["overview-save-input"] = (title, reference)
        try:
            store.lock.require_vault().create(
                "path", title or path.flow_title, path.to_dict(), reference=reference or None,
                flow_id=path.flow_id,
            )  # fmt: skip
        except StoreError as exc:
            ctx.state.slots["overview-save-error"] = store_error(ctx.t, exc)
            ctx.nav.refresh()
            return
        _forget_input(ctx)
        ctx.state.slots[_SAVED] = ctx.state.session  # this walk is saved: never twice by accident
        ctx.nav.go("/overzicht")

    def cancel() -> None:
        _forget_input(ctx)
        ctx.nav.back()

    form = save_path_dialog(
        typed[0], on_save=save, on_cancel=cancel, error=error, reference_value=typed[1], t=ctx.t
    )
    return w.page_body(
        [
            w.heading(ctx.t("overview.save"), 1, ident="overview-save-heading"),
            form.content or ft.Column(),
            ft.Row(list(form.actions or []), wrap=True),
        ]
    )


ROUTES = [
    RouteSpec("/overzicht", overview_route, "overview.title", tab="overzicht"),
    RouteSpec(
        "/overzicht/bewaar", save_route, "overview.save", tab="overzicht", parent="/overzicht"
    ),
    RouteSpec(
        "/overzicht/{record}", record_route, "overview.record", tab="overzicht", parent="/overzicht"
    ),
]
