"""The lock screen (route ``/slot``), the set-PIN screen and the "PIN vergeten?" explanation.

Builders are plain functions that return controls, so tests call them and press their buttons
without a Flet client. ``LockScreen`` holds the little logic between the builders and the
``AppLock`` (plain Python in ``privacyapp.dossier``): it turns errors into the texts shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from privacyapp.dossier import (
    FORGOTTEN_PIN_WARNING,
    AppLock,
    CorruptDataError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    StoreError,
    Vault,
    WrongPinError,
)

__all__ = [
    "FORGOT_TEXT",
    "LockScreen",
    "LockState",
    "forgot_pin_dialog",
    "lock_view",
    "set_pin_view",
]

FORGOT_TEXT = (
    "Je pincode is nergens anders bewaard, ook niet bij ons. Zonder pincode kan niemand je "
    "bewaarde gegevens openen. Je kunt wel alles wissen en opnieuw beginnen. Dan ben je alles "
    "kwijt wat je hebt bewaard."
)
EMPTY_STORE_NOTE = (
    "Er is op dit apparaat of in deze browser nog niets bewaard. Heb je eerder iets bewaard en "
    "daarna de app-gegevens of browsergegevens gewist? Dan zijn die gegevens weg."
)


@dataclass
class LockState:
    """What the lock screens show (no controls in here)."""

    error: str | None = None
    retry_after: float = 0.0
    set_pin_error: str | None = None
    understood: bool = False
    notes: list[str] = field(default_factory=list)


def _semantic(control: ft.Control, identifier: str) -> ft.Control:
    return ft.Semantics(content=control, identifier=identifier)


def lock_view(
    state: LockState, *, on_unlock: Callable[[str], None], on_forgot: Callable[[], None]
) -> ft.Control:
    """PIN entry: field, open button, delay or error message, and "PIN vergeten?"."""
    pin = ft.TextField(
        label="Pincode", password=True, can_reveal_password=True, autofocus=True,
        keyboard_type=ft.KeyboardType.NUMBER, error=state.error, key="lock-pin",
    )  # fmt: skip
    pin.on_submit = lambda e: on_unlock(pin.value or "")
    waiting = state.retry_after > 0
    message = (
        f"Te vaak een verkeerde pincode. Probeer het over {max(1, round(state.retry_after))} "
        "seconden opnieuw."
        if waiting
        else "Voer je pincode in om je bewaarde gegevens te openen."
    )
    open_button = ft.FilledButton(
        "Openen", key="lock-open", disabled=waiting, on_click=lambda e: on_unlock(pin.value or "")
    )
    forgot = ft.TextButton("PIN vergeten?", key="lock-forgot", on_click=lambda e: on_forgot())
    return ft.Column(
        key="lock-view",
        controls=[
            ft.Semantics(
                content=ft.Text("App vergrendeld", theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
                header=True,
            ),
            ft.Semantics(content=ft.Text(message, key="lock-message"), live_region=True),
            *[ft.Text(note) for note in state.notes],
            _semantic(pin, "lock-pin"),
            ft.Row([_semantic(open_button, "lock-open"), _semantic(forgot, "lock-forgot")]),
        ],
    )


def forgot_pin_dialog(
    *, on_wipe: Callable[[], None], on_close: Callable[[], None]
) -> ft.AlertDialog:
    """Explains that a forgotten PIN means the data is gone; offers to wipe and start over."""
    return ft.AlertDialog(
        key="forgot-dialog",
        modal=True,
        title=ft.Text("PIN vergeten?"),
        content=ft.Text(FORGOT_TEXT),
        actions=[
            ft.TextButton("Terug", key="forgot-close", on_click=lambda e: on_close()),
            ft.TextButton(
                "Alles wissen en opnieuw beginnen", key="forgot-wipe", on_click=lambda e: on_wipe()
            ),
        ],
    )


def set_pin_view(
    state: LockState,
    *,
    on_set: Callable[[str, str], None],
    on_understood: Callable[[bool], None],
    on_cancel: Callable[[], None] | None = None,
) -> ft.Control:
    """Choose a PIN. The forgotten-PIN warning comes first and must be confirmed."""
    pin = ft.TextField(
        label="Nieuwe pincode (minstens 5 tekens)",
        password=True,
        key="set-pin",
        keyboard_type=ft.KeyboardType.NUMBER,
    )
    again = ft.TextField(
        label="Herhaal je pincode",
        password=True,
        key="set-pin-again",
        error=state.set_pin_error,
        keyboard_type=ft.KeyboardType.NUMBER,
    )
    understood = ft.Checkbox(
        label="Ik begrijp dat mijn gegevens weg zijn als ik mijn pincode vergeet.",
        value=state.understood, key="set-pin-understood",
    )  # fmt: skip
    understood.on_change = lambda e: on_understood(bool(understood.value))
    save = ft.FilledButton(
        "Pincode instellen", key="set-pin-save", disabled=not state.understood,
        on_click=lambda e: on_set(pin.value or "", again.value or ""),
    )  # fmt: skip
    buttons = ft.Row([_semantic(save, "set-pin-save")])
    if on_cancel is not None:
        cancel = ft.TextButton("Annuleren", key="set-pin-cancel", on_click=lambda e: on_cancel())
        buttons.controls.append(cancel)
    controls: list[ft.Control] = [
        ft.Semantics(
            content=ft.Text("Pincode instellen", theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            header=True,
        ),
        ft.Text("Met een pincode worden je bewaarde gegevens versleuteld op dit apparaat bewaard."),
        ft.Container(
            ft.Text(FORGOTTEN_PIN_WARNING, key="set-pin-warning", weight=ft.FontWeight.BOLD),
            padding=8,
        ),
        _semantic(understood, "set-pin-understood"),
        _semantic(pin, "set-pin"),
        _semantic(again, "set-pin-again"),
        buttons,
    ]
    return ft.Column(controls=controls, key="set-pin-view")


class LockScreen:
    """Logic behind the lock screens; ``refresh`` rebuilds the UI after every change."""

    def __init__(
        self,
        lock: AppLock,
        *,
        refresh: Callable[[], None],
        on_unlocked: Callable[[Vault], None],
    ) -> None:
        self.lock = lock
        self.state = LockState()
        self._refresh = refresh
        self._on_unlocked = on_unlocked
        if not lock.has_store():
            self.state.notes.append(EMPTY_STORE_NOTE)

    def unlock(self, pin: str) -> None:
        self.state.error = None
        try:
            vault = self.lock.unlock(pin)
        except LockedOutError as exc:
            self.state.retry_after = exc.retry_after
        except WrongPinError as exc:
            self.state.error = "De pincode klopt niet."
            self.state.retry_after = exc.retry_after
        except (MissingKeysError, NewerFormatError, CorruptDataError) as exc:
            self.state.error = str(exc)
        else:
            self.state.retry_after = 0
            self._on_unlocked(vault)
            return
        self._refresh()

    def set_understood(self, value: bool) -> None:
        self.state.understood = value
        self._refresh()

    def set_pin(self, pin: str, again: str) -> None:
        if pin != again:
            self.state.set_pin_error = "De twee pincodes zijn niet gelijk."
            self._refresh()
            return
        if not self.state.understood:
            self.state.set_pin_error = "Bevestig eerst dat je de waarschuwing hebt gelezen."
            self._refresh()
            return
        try:
            vault = self.lock.set_pin(pin)
        except (PinPolicyError, StoreError) as exc:
            self.state.set_pin_error = str(exc)
            self._refresh()
            return
        self.state.set_pin_error = None
        self._on_unlocked(vault)

    def wipe(self) -> None:
        self.lock.wipe()
        self.state = LockState(notes=["Alles is gewist. Je kunt opnieuw beginnen."])
        self._refresh()
