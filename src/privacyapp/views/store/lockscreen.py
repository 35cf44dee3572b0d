"""The lock screen's parts: its state, the builders and ``LockScreen``.

Builders are plain functions that return controls, so tests call them and press their buttons
without a Flet client. ``LockScreen`` holds the little logic between the builders and the
``AppLock`` (plain Python in ``privacyapp.dossier``): it turns errors into the texts shown.
The routes that use them are in ``lock``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.focus import form_problem
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.store_session import WebGuard
from privacyapp.views.store.text import store_error

if TYPE_CHECKING:
    from privacyapp.dossier import AppLock, StoreError, Vault

__all__ = [
    "LockScreen",
    "LockState",
    "forgot_pin_dialog",
    "lock_view",
    "problem_summary",
    "semantic",
    "set_pin_view",
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
    """Why changing the PIN failed (summarised under its button until the next try)."""
    change_wrong_current: bool = False
    """``change_error`` is about the current PIN (its link goes there, else to the new one)."""
    tries: int = 0
    """Failed tries on this screen: each one is news, even with the same message."""
    wrong_pins: int = 0
    """Wrong PINs in a row, as the store counts them (said from the second one)."""
    shown: tuple[str, int] | None = None
    """The error and try the last render showed: a new one moves focus to its summary."""


def problem_summary(
    state: LockState,
    t: Translator,
    error: str | None,
    field: ft.TextField | None,
    page: ft.Page | None,
) -> list[ft.Control]:
    """The error summary under the buttons, with a link to the field it is about (or none);
    after every failed try keyboard focus moves to it again."""
    shown = (error, state.tries) if error else None
    fresh, state.shown = shown != state.shown, shown
    if not error:
        return []
    link = (t("form.to_field", field=field.label), field) if field is not None else None
    message = t(error)
    if error == "lock.wrong_pin" and state.wrong_pins > 1:
        message += " " + t("lock.wrong_count", count=state.wrong_pins)
    summary = form_problem(
        t("rights.problem_title"), message, ident="lock-problem", page=page, field=link,
        fresh=fresh,
    )  # fmt: skip
    return [summary]


def semantic(control: ft.Control, identifier: str) -> ft.Control:
    return ft.Semantics(content=control, identifier=identifier)


def _maybe(t: Translator, message: str | None) -> str | None:
    return t(message) if message else None


def lock_view(
    state: LockState,
    *,
    on_unlock: Callable[[str], object],
    on_forgot: Callable[[], None],
    t: Translator = i18n.DUTCH,
    page: ft.Page | None = None,
) -> ft.Control:
    """PIN entry: field, open button, delay or error message, and "Pincode vergeten?"."""
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
            semantic(pin, "lock-pin"),
            ft.Row(  # wraps: "Pincode vergeten?" was cut off beside "Openen" at 200 % on a phone
                [semantic(open_button, "lock-open"), semantic(forgot, "lock-forgot")],
                wrap=True,
                spacing=8,
                run_spacing=8,
            ),
            *problem_summary(state, t, state.pin_error, pin, page),
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
    on_set: Callable[[str, str], object],
    on_understood: Callable[[bool], None],
    on_cancel: Callable[[], None] | None = None,
    t: Translator = i18n.DUTCH,
    page: ft.Page | None = None,
) -> ft.Control:
    """Choose a PIN. The forgotten-PIN warning comes first and must be confirmed."""
    from privacyapp.dossier._keys import MIN_PIN_LENGTH

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
    buttons = ft.Row([semantic(save, "lock-set-pin")])
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
        semantic(pin, "lock-new-pin"),
        semantic(again, "lock-new-pin-again"),
        buttons,
    ]
    error = state.set_pin_error  # a mismatch is about the second field, "confirm" the checkbox
    field = again if error == "lock.mismatch" else None if error == "lock.confirm_first" else pin
    controls += problem_summary(state, t, error, field, page)
    return ft.Column(controls=controls, key="lock-set-pin-view")


def _unlock_errors() -> tuple[type[StoreError], ...]:
    """What an unlock can end in besides an open vault (each is shown, nothing is reset)."""
    from privacyapp.dossier import (
        CorruptDataError,
        KdfLimitError,
        LockedOutError,
        MissingKeysError,
        NewerFormatError,
        WrongPinError,
    )

    return (
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
        from privacyapp.dossier import store_state

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
        except _unlock_errors() as exc:
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
        except _unlock_errors() as exc:
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
        from privacyapp.dossier import LockedOutError, WrongPinError

        self.state.tries += 1
        if isinstance(exc, LockedOutError):
            self.state.retry_after = max(exc.retry_after, self.retry_after())
        elif isinstance(exc, WrongPinError):
            self.state.pin_error = "lock.wrong_pin"
            self.state.wrong_pins = exc.failures or self.state.wrong_pins + 1
            self.state.retry_after = max(exc.retry_after, self.retry_after())
        else:  # the data or its key cannot be used: say what, keep everything as it is
            self.state.error = store_error(self.t, exc)
        self._refresh()

    def _opened(self, vault: Vault) -> None:
        self.state.retry_after = self.state.wrong_pins = 0
        self._on_unlocked(vault)

    def set_understood(self, value: bool) -> None:
        self.state.understood = value
        self._refresh()

    def set_pin(self, pin: str, again: str) -> None:
        from privacyapp.dossier import PinPolicyError, StoreError

        if pin != again:
            self._set_pin_failed("lock.mismatch")
            return
        if not self.state.understood:
            self._set_pin_failed("lock.confirm_first")
            return
        try:
            vault = self.lock.set_pin(pin)
        except (PinPolicyError, StoreError) as exc:
            self._set_pin_failed(store_error(self.t, exc))
            return
        self.state.set_pin_error = None
        self._on_unlocked(vault)

    def _set_pin_failed(self, error: str) -> None:
        self.state.set_pin_error = error
        self.state.tries += 1
        self._refresh()

    async def set_pin_async(self, pin: str, again: str) -> None:
        """Web-server mode: ``set_pin`` with its key derivation in a worker thread."""
        from privacyapp.dossier import PinPolicyError, StoreError

        if self.guard is None or pin != again or not self.state.understood:
            self.set_pin(pin, again)  # nothing to derive, or no server to protect
            return
        try:
            vault = await self.guard.gate.run(self.lock.set_pin, pin)
        except (PinPolicyError, StoreError) as exc:
            self._set_pin_failed(store_error(self.t, exc))
            return
        self.state.set_pin_error = None
        self._on_unlocked(vault)

    def wipe(self) -> None:
        self.lock.wipe()
        self.state = LockState(notes=["lock.wiped"])
        self._refresh()
