"""The app lock's routes: ``/slot`` (unlock, set a PIN), the guard and the reconnect hook.

The lock screen's state, builders and ``LockScreen`` are in ``lockscreen``; this module wires
them to the store session and the shell.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, urlsplit

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.kit.tasks import page_alive, run_task
from privacyapp.views.kit.vault import store_session
from privacyapp.views.store.lockscreen import (
    LockScreen,
    LockState,
    forgot_pin_dialog,
    lock_view,
    problem_summary,
    semantic,
    set_pin_view,
)
from privacyapp.views.store.overview import OverviewScreen
from privacyapp.views.store.page import close_dialog, show_dialog
from privacyapp.views.store.text import store_error

if TYPE_CHECKING:
    from privacyapp.dossier import StoreError, Vault

__all__ = [
    "LockScreen",
    "LockState",
    "PROTECTED",
    "ROUTES",
    "forgot_pin_dialog",
    "guard",
    "lock_view",
    "on_reconnect",
    "set_pin_view",
    "slot_route",
]


# --------------------------------------------------------------------------- routes (shell)
#: Route prefixes that show stored data: they need an unlocked store.
PROTECTED = ("/overzicht",)
IDLE_CHECK_SECONDS = 20.0


def _target(route: str) -> str:
    """Where the user meant to go (``/slot?next=…``): read from the route on screen at the
    moment of unlocking, never from the visit that first built the lock screen."""
    wanted = dict(parse_qsl(urlsplit(route).query)).get("next", "/overzicht")
    return wanted if wanted.startswith("/") and not wanted.startswith("/slot") else "/overzicht"


def _lock_screen(ctx: ViewContext, session: StoreSession) -> LockScreen:
    screen = session.screens.find(LockScreen)
    if screen is None:

        def unlocked(vault: Vault) -> None:
            _watch_idle(ctx, session)
            ctx.nav.go(_target(ctx.state.route))

        store = ctx.services.store
        screen = LockScreen(
            session.lock,
            refresh=ctx.nav.refresh,
            on_unlocked=unlocked,
            guard=store.guard if store is not None else None,
            visitor=_visitor(ctx),
        )
        session.screens.put(screen)
    screen.t = ctx.t
    return screen


def _visitor(ctx: ViewContext) -> tuple[str, str | None]:
    """Who is trying PINs, as the server knows it: the page's session and the client address
    (neither is in the visitor's storage, so clearing it changes neither)."""
    page = ctx.page
    if page is None:
        return ("", None)
    session = getattr(page, "session", None)
    return (str(getattr(session, "id", id(page))), getattr(page, "client_ip", None) or None)


def _run_guarded(
    ctx: ViewContext, screen: LockScreen
) -> tuple[Callable[[str], object], Callable[[str, str], object]]:
    """The unlock and set-PIN handlers: in web-server mode they run as page tasks, so the key
    derivation waits in a worker thread while the event loop serves everyone else."""
    page = ctx.page
    if screen.guard is None or page is None:
        return screen.unlock, screen.set_pin
    return (
        lambda pin: run_task(page, screen.unlock_async, pin),
        lambda pin, again: run_task(page, screen.set_pin_async, pin, again),
    )


def _watch_idle(ctx: ViewContext, session: StoreSession) -> None:
    """Lock after the policy's idle time even while a screen just sits there."""
    if ctx.page is None:
        return

    async def watch() -> None:
        while session.lock.is_unlocked:
            await asyncio.sleep(IDLE_CHECK_SECONDS)
            if session.lock.lock_if_idle():
                session.screens.drop(OverviewScreen)
                # a closed tab's timer locks, but has no screen to show
                if page_alive(ctx.page) and urlsplit(ctx.state.route).path.startswith(PROTECTED):
                    ctx.nav.go("/slot?next=" + quote(ctx.state.route, safe="/"))
                return

    run_task(ctx.page, watch)


def _unlocked_panel(ctx: ViewContext, session: StoreSession, screen: LockScreen) -> ft.Control:
    from privacyapp.dossier import StoreError, WrongPinError

    def lock_now(_: object) -> None:
        session.lock.lock()
        session.screens.drop(OverviewScreen)
        ctx.nav.refresh()

    def changed(error: StoreError | None) -> None:
        state = screen.state
        state.change_error = store_error(ctx.t, error) if error is not None else None
        state.change_wrong_current = isinstance(error, WrongPinError)
        state.tries += error is not None  # each failed change is a new try: focus moves again
        state.notes = ["lock.changed"] if error is None else []
        ctx.nav.refresh()

    async def change_guarded(current: str, pin: str) -> None:
        assert screen.guard is not None
        try:
            await screen.guard.derive(screen.visitor, session.lock.change_pin, current, pin)
        except StoreError as exc:
            changed(exc)
            return
        changed(None)

    def change(_: object) -> None:
        current, pin = old.value or "", new.value or ""
        if screen.guard is not None and ctx.page is not None:  # web: off the shared loop
            run_task(ctx.page, change_guarded, current, pin)
            return
        try:
            session.lock.change_pin(current, pin)
        except StoreError as exc:
            changed(exc)
            return
        changed(None)

    def to_overview() -> None:
        ctx.nav.go("/overzicht")

    error = screen.state.change_error
    old = ft.TextField(label=ctx.t("lock.current_pin"), password=True, key="lock-old-pin")
    new = ft.TextField(label=ctx.t("lock.change_new_pin"), password=True, key="lock-change-new-pin")
    about = old if screen.state.change_wrong_current else new
    about.error = error  # the field says it too; the summary under the button links to it
    return w.page_body(
        [
            w.heading(ctx.t("lock.title"), 1, ident="lock-title"),
            w.body(ctx.t("lock.unlocked")),
            *[w.notice(ctx.t(note)) for note in screen.state.notes],
            w.primary(
                ctx.t("lock.to_overview"), "lock-to-overview", lambda _: ctx.nav.go("/overzicht")
            ),
            w.secondary(ctx.t("lock.lock_now"), "lock-lock-now", lock_now, icon=ft.Icons.LOCK),
            w.section(
                ctx.t("lock.change"),
                [
                    semantic(old, "lock-old-pin"),
                    semantic(new, "lock-change-new-pin"),
                    w.secondary(ctx.t("lock.change"), "lock-change-pin", change),
                    *problem_summary(screen.state, ctx.t, error, about, ctx.page),
                ],
            ),
        ]
    )


def slot_route(ctx: ViewContext) -> ft.Control:
    """``/slot``: set a PIN (first time), enter it, or (unlocked) lock / change it."""
    if ctx.services.store is None:
        return w.page_body([w.notice(ctx.t("lock.unavailable"), ident="lock-unavailable")])
    session = store_session(ctx)
    if session is None:
        return w.page_body([w.notice(ctx.t("lock.loading"), ident="lock-loading")])
    screen = _lock_screen(ctx, session)
    screen.check_store()
    top: list[ft.Control] = []
    if session.error:
        top.append(w.notice(session.error_text(ctx.t), ident="lock-storage-error"))
    if session.lock.is_unlocked:
        return _unlocked_panel(ctx, session, screen)
    on_unlock, on_set = _run_guarded(ctx, screen)
    if not session.lock.has_store():
        view = set_pin_view(
            screen.state, on_set=on_set, on_understood=screen.set_understood, t=ctx.t,
            page=ctx.page,
        )  # fmt: skip
        notes = [w.notice(ctx.t(note), ident="lock-note") for note in screen.state.notes]
        return w.page_body([*top, *notes, view])
    screen.state.retry_after = screen.retry_after()

    def forgot() -> None:
        def wipe() -> None:
            close_dialog(ctx)
            screen.wipe()

        dialog = forgot_pin_dialog(on_wipe=wipe, on_close=lambda: close_dialog(ctx), t=ctx.t)
        show_dialog(ctx, dialog)

    view = lock_view(screen.state, on_unlock=on_unlock, on_forgot=forgot, t=ctx.t, page=ctx.page)
    return w.page_body([*top, view])


def on_reconnect(state: AppState, services: Services) -> bool:
    """A reload of the page, or its client coming back (a computer that slept), locks the
    store: whoever is at the screen then must know the PIN. True when it locked."""
    store = services.store
    session = store.session(state) if store is not None else None
    if session is None or not session.lock.is_unlocked:
        return False
    session.lock.lock()
    session.screens.drop(OverviewScreen)
    return True


def guard(ctx: ViewContext) -> str | None:
    """Send protected routes to ``/slot`` while the store is locked (or idle too long)."""
    route = ctx.state.route or "/"
    path = urlsplit(route).path
    if not path.startswith(PROTECTED) or ctx.services.store is None:
        return None
    session = store_session(ctx)
    to_lock = "/slot?next=" + quote(route, safe="/")
    if session is None or not session.lock.is_unlocked:
        return to_lock
    if session.lock.lock_if_idle():
        session.screens.drop(OverviewScreen)
        return to_lock
    session.lock.touch()
    return None


ROUTES = [
    RouteSpec("/slot", slot_route, "lock.title", tab="overzicht", parent="/"),
    # /slot/<anything> (e.g. /slot/pincode) shows the same screen: one place for the lock.
    RouteSpec("/slot/{part}", slot_route, "lock.title", tab="overzicht", parent="/"),
]
