"""The lock screen (route ``/slot``), the set-PIN screen and the "PIN vergeten?" explanation.

Builders are plain functions that return controls, so tests call them and press their buttons
without a Flet client. ``LockScreen`` holds the little logic between the builders and the
``AppLock`` (plain Python in ``privacyapp.dossier``): it turns errors into the texts shown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlsplit

import flet as ft

from privacyapp.dossier import (
    AppLock,
    CorruptDataError,
    KdfLimitError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    StoreError,
    Vault,
    WrongPinError,
    store_state,
)
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreSession, WebGuard
from privacyapp.views.kit.vault import store_session
from privacyapp.views.store.page import close_dialog, show_dialog
from privacyapp.views.store.text import MIN_PIN_LENGTH, store_error

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


@dataclass
class LockState:
    """What the lock screens show (no controls in here).

    Messages are UI keys (``lock.*``), translated when the screen is built so that they follow
    a change of language; errors from the store are already text (see ``store_error``), which
    the translator passes through unchanged.
    """

    error: str | None = None
    pin_error: str | None = None
    retry_after: float = 0.0
    set_pin_error: str | None = None
    understood: bool = False
    notes: list[str] = field(default_factory=list)
    change_error: str | None = None
    """Why changing the PIN failed (shown under the new PIN until the next try)."""


def _semantic(control: ft.Control, identifier: str) -> ft.Control:
    return ft.Semantics(content=control, identifier=identifier)


def _maybe(t: Translator, message: str | None) -> str | None:
    return t(message) if message else None


def lock_view(
    state: LockState,
    *,
    on_unlock: Callable[[str], None],
    on_forgot: Callable[[], None],
    t: Translator = i18n.DUTCH,
) -> ft.Control:
    """PIN entry: field, open button, delay or error message, and "PIN vergeten?"."""
    pin = ft.TextField(
        label=t("lock.pin"), password=True, can_reveal_password=True, autofocus=True,
        keyboard_type=ft.KeyboardType.NUMBER, error=_maybe(t, state.pin_error), key="lock-pin",
    )  # fmt: skip
    pin.on_submit = lambda e: on_unlock(pin.value or "")
    waiting = state.retry_after > 0
    message = (
        t("lock.wait", seconds=max(1, round(state.retry_after))) if waiting else t("lock.enter")
    )
    open_button = ft.FilledButton(
        t("lock.open"), key="lock-open", disabled=waiting,
        on_click=lambda e: on_unlock(pin.value or ""),
    )  # fmt: skip
    forgot = ft.TextButton(t("lock.forgot"), key="lock-forgot", on_click=lambda e: on_forgot())
    return ft.Column(
        key="lock-view",
        controls=[
            ft.Semantics(
                content=ft.Text(t("lock.locked"), theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
                header=True,
            ),
            ft.Semantics(content=ft.Text(message, key="lock-message"), live_region=True),
            *(
                [
                    ft.Semantics(
                        content=ft.Text(t(state.error), key="lock-error", color=ft.Colors.ERROR),
                        identifier="lock-error",
                        live_region=True,
                    )
                ]
                if state.error
                else []
            ),
            *[ft.Text(t(note)) for note in state.notes],
            _semantic(pin, "lock-pin"),
            ft.Row([_semantic(open_button, "lock-open"), _semantic(forgot, "lock-forgot")]),
        ],
    )


def forgot_pin_dialog(
    *, on_wipe: Callable[[], None], on_close: Callable[[], None], t: Translator = i18n.DUTCH
) -> ft.AlertDialog:
    """Explains that a forgotten PIN means the data is gone; offers to wipe and start over."""
    return ft.AlertDialog(
        key="lock-forgot-dialog",
        modal=True,
        title=ft.Text(t("lock.forgot")),
        content=ft.Text(t("lock.forgot_text")),
        actions=[
            ft.TextButton(t("lock.back"), key="lock-forgot-close", on_click=lambda e: on_close()),
            ft.TextButton(
                t("lock.wipe"),
                key="lock-forgot-wipe",
                on_click=lambda e: on_wipe(),
            ),
        ],
    )


def set_pin_view(
    state: LockState,
    *,
    on_set: Callable[[str, str], None],
    on_understood: Callable[[bool], None],
    on_cancel: Callable[[], None] | None = None,
    t: Translator = i18n.DUTCH,
) -> ft.Control:
    """Choose a PIN. The forgotten-PIN warning comes first and must be confirmed."""
    pin = ft.TextField(  # a short label: a long one spilled out of the box at 200 % text
        label=t("lock.new_pin"),
        helper=t("lock.new_pin_rule", min=MIN_PIN_LENGTH),
        helper_max_lines=3,
        password=True,
        key="lock-new-pin",
        keyboard_type=ft.KeyboardType.NUMBER,
    )
    again = ft.TextField(
        label=t("lock.new_pin_again"),
        password=True,
        key="lock-new-pin-again",
        error=_maybe(t, state.set_pin_error),
        keyboard_type=ft.KeyboardType.NUMBER,
    )
    understood = ft.Checkbox(value=state.understood, key="lock-understood")
    understood.on_change = lambda e: on_understood(bool(understood.value))
    save = ft.FilledButton(
        t("lock.set_pin"), key="lock-set-pin", disabled=not state.understood,
        on_click=lambda e: on_set(pin.value or "", again.value or ""),
    )  # fmt: skip
    buttons = ft.Row([_semantic(save, "lock-set-pin")])
    if on_cancel is not None:
        cancel = ft.TextButton(
            t("lock.cancel"), key="lock-set-pin-cancel", on_click=lambda e: on_cancel()
        )
        buttons.controls.append(cancel)
    controls: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text(t("lock.set_pin"), theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
        ft.Text(t("lock.set_pin_intro")),
        ft.Container(
            ft.Text(t("lock.warning"), key="lock-warning", weight=ft.FontWeight.BOLD),
            padding=8,
        ),
        w.toggle_row(understood, t("lock.understood"), "lock-understood"),
        _semantic(pin, "lock-new-pin"),
        _semantic(again, "lock-new-pin-again"),
        buttons,
    ]
    return ft.Column(controls=controls, key="lock-set-pin-view")


#: What an unlock can end in besides an open vault (each is shown, nothing is reset).
_UNLOCK_ERRORS = (
    LockedOutError,
    WrongPinError,
    MissingKeysError,
    NewerFormatError,
    CorruptDataError,
    KdfLimitError,
)


class LockScreen:
    """Logic behind the lock screens; ``refresh`` rebuilds the UI after every change.

    ``t`` translates the store's errors; the route sets it again on every render, so a change
    of language applies to the next message.
    """

    def __init__(
        self,
        lock: AppLock,
        *,
        refresh: Callable[[], None],
        on_unlocked: Callable[[Vault], None],
        t: Translator = i18n.DUTCH,
        guard: WebGuard | None = None,
        visitor: tuple[str, str | None] = ("", None),
    ) -> None:
        self.lock = lock
        self.state = LockState()
        self.t = t
        #: Web-server mode: PIN tries go through the server's limits and worker threads
        #: (``unlock_async``); ``visitor`` is this page's (session id, client address).
        self.guard = guard
        self.visitor = visitor
        self._refresh = refresh
        self._on_unlocked = on_unlocked
        self.check_store()

    def check_store(self) -> None:
        """Say what is stored as it is now: the screen outlives saves, locks and wipes, so a
        note from an earlier visit ("nothing stored yet") must never stay on screen."""
        kind = store_state(self.lock.backend)
        empty = "lock.empty_store"
        if kind == "empty" and empty not in self.state.notes:
            self.state.notes.append(empty)
        elif kind != "empty" and empty in self.state.notes:
            self.state.notes.remove(empty)
        if kind == "missing-keys":
            self.state.error = "lock.missing_keys"
        elif self.state.error == "lock.missing_keys":
            self.state.error = None

    def unlock(self, pin: str) -> None:
        """Try ``pin`` here and now (desktop, mobile and tests: one user, no shared loop)."""
        self.state.error = self.state.pin_error = None
        try:
            vault = self.lock.unlock(pin)
        except _UNLOCK_ERRORS as exc:
            self._failed(exc)
            return
        self._opened(vault)

    async def unlock_async(self, pin: str) -> None:
        """Web-server mode: the same, with the key derivation in a worker thread behind the
        server's concurrency bound, and the try counted in the server's memory too."""
        if self.guard is None:
            self.unlock(pin)
            return
        self.state.error = self.state.pin_error = None
        try:
            vault = await self.guard.derive(self.visitor, self.lock.unlock, pin)
        except _UNLOCK_ERRORS as exc:
            self._failed(exc)
            return
        self._opened(vault)

    def retry_after(self) -> float:
        """Seconds before the next try: the store's own count, or the server's when longer."""
        wait = self.lock.retry_after()
        if self.guard is not None:
            session, address = self.visitor
            wait = max(wait, self.guard.sessions.retry_after(session))
            if address is not None:
                wait = max(wait, self.guard.addresses.retry_after(address))
        return wait

    def _failed(self, exc: StoreError) -> None:
        if isinstance(exc, LockedOutError):
            self.state.retry_after = max(exc.retry_after, self.retry_after())
        elif isinstance(exc, WrongPinError):
            self.state.pin_error = "lock.wrong_pin"
            self.state.retry_after = max(exc.retry_after, self.retry_after())
        else:  # the data or its key cannot be used: say what, keep everything as it is
            self.state.error = store_error(self.t, exc)
        self._refresh()

    def _opened(self, vault: Vault) -> None:
        self.state.retry_after = 0
        self._on_unlocked(vault)

    def set_understood(self, value: bool) -> None:
        self.state.understood = value
        self._refresh()

    def set_pin(self, pin: str, again: str) -> None:
        if pin != again:
            self.state.set_pin_error = "lock.mismatch"
            self._refresh()
            return
        if not self.state.understood:
            self.state.set_pin_error = "lock.confirm_first"
            self._refresh()
            return
        try:
            vault = self.lock.set_pin(pin)
        except (PinPolicyError, StoreError) as exc:
            self.state.set_pin_error = store_error(self.t, exc)
            self._refresh()
            return
        self.state.set_pin_error = None
        self._on_unlocked(vault)

    async def set_pin_async(self, pin: str, again: str) -> None:
        """Web-server mode: ``set_pin`` with its key derivation in a worker thread."""
        if self.guard is None or pin != again or not self.state.understood:
            self.set_pin(pin, again)  # nothing to derive, or no server to protect
            return
        try:
            vault = await self.guard.gate.run(self.lock.set_pin, pin)
        except (PinPolicyError, StoreError) as exc:
            self.state.set_pin_error = store_error(self.t, exc)
            self._refresh()
            return
        self.state.set_pin_error = None
        self._on_unlocked(vault)

    def wipe(self) -> None:
        self.lock.wipe()
        self.state = LockState(notes=["lock.wiped"])
        self._refresh()


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
    screen = session.screens.get("lock")
    if not isinstance(screen, LockScreen):

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
        session.screens["lock"] = screen
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
) -> tuple[Callable[[str], None], Callable[[str, str], None]]:
    """The unlock and set-PIN handlers: in web-server mode they run as page tasks, so the key
    derivation waits in a worker thread while the event loop serves everyone else."""
    page = ctx.page
    if screen.guard is None or page is None:
        return screen.unlock, screen.set_pin
    return (
        lambda pin: page.run_task(screen.unlock_async, pin),
        lambda pin, again: page.run_task(screen.set_pin_async, pin, again),
    )


def _watch_idle(ctx: ViewContext, session: StoreSession) -> None:
    """Lock after the policy's idle time even while a screen just sits there."""
    if ctx.page is None:
        return

    async def watch() -> None:
        while session.lock.is_unlocked:
            await asyncio.sleep(IDLE_CHECK_SECONDS)
            if session.lock.lock_if_idle():
                session.screens.pop("overview", None)
                if urlsplit(ctx.state.route).path.startswith(PROTECTED):
                    ctx.nav.go("/slot?next=" + quote(ctx.state.route, safe="/"))
                return

    ctx.page.run_task(watch)


def _unlocked_panel(ctx: ViewContext, session: StoreSession, screen: LockScreen) -> ft.Control:
    def lock_now(_: object) -> None:
        session.lock.lock()
        session.screens.pop("overview", None)
        ctx.nav.refresh()

    def changed(error: StoreError | None) -> None:
        screen.state.change_error = store_error(ctx.t, error) if error is not None else None
        screen.state.notes = ["lock.changed"] if error is None else []
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
            ctx.page.run_task(change_guarded, current, pin)
            return
        try:
            session.lock.change_pin(current, pin)
        except StoreError as exc:
            changed(exc)
            return
        changed(None)

    def to_overview() -> None:
        ctx.nav.go("/overzicht")

    old = ft.TextField(label=ctx.t("lock.current_pin"), password=True, key="lock-old-pin")
    new = ft.TextField(
        label=ctx.t("lock.change_new_pin"),
        password=True,
        key="lock-change-new-pin",
        error=ctx.t(screen.state.change_error) if screen.state.change_error else None,
    )
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
                    _semantic(old, "lock-old-pin"),
                    _semantic(new, "lock-change-new-pin"),
                    w.secondary(ctx.t("lock.change"), "lock-change-pin", change),
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
            screen.state, on_set=on_set, on_understood=screen.set_understood, t=ctx.t
        )
        notes = [w.notice(ctx.t(note), ident="lock-note") for note in screen.state.notes]
        return w.page_body([*top, *notes, view])
    screen.state.retry_after = screen.retry_after()

    def forgot() -> None:
        def wipe() -> None:
            close_dialog(ctx)
            screen.wipe()

        dialog = forgot_pin_dialog(on_wipe=wipe, on_close=lambda: close_dialog(ctx), t=ctx.t)
        show_dialog(ctx, dialog)

    view = lock_view(screen.state, on_unlock=on_unlock, on_forgot=forgot, t=ctx.t)
    return w.page_body([*top, view])


def on_reconnect(state: AppState, services: Services) -> bool:
    """A reload of the page, or its client coming back (a computer that slept), locks the
    store: whoever is at the screen then must know the PIN. True when it locked."""
    store = services.store
    session = store.session(state) if store is not None else None
    if session is None or not session.lock.is_unlocked:
        return False
    session.lock.lock()
    session.screens.pop("overview", None)
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
        session.screens.pop("overview", None)
        return to_lock
    session.lock.touch()
    return None


ROUTES = [
    RouteSpec("/slot", slot_route, "lock.title", tab="overzicht", parent="/"),
    # /slot/<anything> (e.g. /slot/pincode) shows the same screen: one place for the lock.
    RouteSpec("/slot/{part}", slot_route, "lock.title", tab="overzicht", parent="/"),
]
