""" "Mijn overzicht" (route ``/overzicht``) and "Bewaar dit pad" on the advice screen.

The builders are plain functions in ``items`` (records and callbacks in, controls out), so
tests inspect them and press their buttons without a Flet client. ``OverviewScreen`` is the
small amount of logic between those builders and the ``Vault``: delete with a few seconds of
undo, rename, export, and wiping everything after a confirmation that says it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.engine import PathTaken
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
    undo_snackbar,
    wipe_dialog,
)
from privacyapp.views.store.items import (
    overview_view,
    record_detail_view,
)
from privacyapp.views.store.page import close_dialog, later, save_file, show_dialog
from privacyapp.views.store.state import StoreState
from privacyapp.views.store.text import store_error

if TYPE_CHECKING:
    from privacyapp.dossier import Record, StoreError, Vault

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
        #: The store session's ``revision`` this screen was built at (newer: build again).
        self.revision = 0
        self.t = t
        self.today = today
        #: The user's text size; the route sets it on every render, like ``t``.
        self.text_scale = 1.0
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
            today=self.today() if self.today is not None else None, text_scale=self.text_scale,
        )  # fmt: skip

    def _fail(self, exc: StoreError, key: str | None = None) -> None:
        self.notice = store_error(self.t, exc, key)
        self._refresh()

    def delete(self, record_id: str) -> None:
        from privacyapp.dossier import StoreError

        try:
            record = self.vault.delete(record_id)
        except StoreError as exc:
            return self._fail(exc)
        self.notice = None
        self._show(undo_snackbar(record, on_undo=lambda: self.undo(record.id), t=self.t))
        self._later(UNDO_SECONDS, lambda: self.vault.forget_deleted(record.id))
        self._refresh()

    def undo(self, record_id: str) -> None:
        from privacyapp.dossier import RecordNotFoundError, StoreError

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
        from privacyapp.dossier import StoreError

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
        from privacyapp.dossier import StoreError, export_bundle

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
        from privacyapp.dossier import StoreError, StoreWriteError

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
    screen = session.screens.find(OverviewScreen)
    if screen is None or screen.vault is not vault or screen.revision != session.revision:

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
        screen.revision = session.revision
        session.screens.put(screen)
    screen.t = ctx.t
    screen.text_scale = ctx.row_scale
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
        session.screens.drop(OverviewScreen)
        ctx.nav.go("/slot")

    lock = w.secondary(ctx.t("overview.lock"), "overview-lock", lock_now, icon=ft.Icons.LOCK)
    error = session.error_text(ctx.t)
    top = [w.notice(error, ident="overview-storage-error")] if error else []
    return w.page_body([*top, content, lock])


def record_route(ctx: ViewContext) -> ft.Control:
    """``/overzicht/{record}``: one saved item."""
    from privacyapp.dossier import StoreError

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


def _finished_path(ctx: ViewContext) -> PathTaken | None:
    session = ctx.state.session
    return session.path if session is not None and session.finished else None


def _forget_input(ctx: ViewContext) -> None:
    own = ctx.state.features.get(StoreState)
    own.save_error = own.save_input = None


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def save_route(ctx: ViewContext) -> ft.Control:
    """``/overzicht/bewaar``: save the finished path in ``state.session`` with a reference."""
    from privacyapp.dossier import StoreError

    store = store_session(ctx)
    if store is None or not store.lock.is_unlocked:
        return _unavailable(ctx)
    path = _finished_path(ctx)
    if path is None:
        return w.page_body([w.notice(ctx.t("overview.no_path"), ident="overview-no-path")])
    own = ctx.state.features.get(StoreState)
    if own.saved_session is ctx.state.session:  # back here after saving it
        return w.page_body(
            [
                w.heading(ctx.t("overview.save"), 1, ident="overview-save-heading"),
                w.notice(ctx.t("overview.already_saved"), ident="overview-already-saved"),
                w.primary(
                    ctx.t("overview.to_overview"), "overview-to-list", _go(ctx, "/overzicht")
                ),
            ]
        )
    error = own.save_error
    typed = own.save_input or (path.flow_title, "")

    def save(title: str, reference: str) -> None:
        own.save_input = (title, reference)
        try:
            store.lock.require_vault().create(
                "path", title or path.flow_title, path.to_dict(), reference=reference or None,
                flow_id=path.flow_id,
            )  # fmt: skip
        except StoreError as exc:
            own.save_error = store_error(ctx.t, exc)
            ctx.nav.refresh()
            return
        _forget_input(ctx)
        own.saved_session = ctx.state.session  # this walk is saved: never twice by accident
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
