"""What the record screens remember between renders: a ``RecordScreen`` of plain values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit import i18n
from privacyapp.views.kit.context import ViewContext

if TYPE_CHECKING:
    from privacyapp.dossier import SignedRecord, VerificationReport

__all__ = ["RecordScreen", "field_of", "record_state"]


@dataclass
class RecordScreen:
    """What the record screens remember between renders (plain values only)."""

    message: str = ""
    result: SignedRecord | None = None
    checked: tuple[str, VerificationReport] | None = None
    reveal: bool = False
    """A file was just checked: bring the verdict into view once (it is below the fold at
    200 % text on a phone)."""
    problem_field: str = ""
    """The identifier of the field the last error is about ("" for none)."""
    fresh: bool = False
    """The error has just appeared: keyboard focus goes to its summary (once)."""
    busy: bool = False
    lang: str = ""
    """The UI language of ``message``."""


def record_state(ctx: ViewContext) -> RecordScreen:
    """The record wing's state (``ctx.state.features.get(RecordScreen)``), in the UI's language."""
    screen = ctx.state.features.get(RecordScreen)
    lang = i18n.language_of(ctx.t)
    if screen.lang != lang:  # the user switched language: no message of the old one stays
        screen.lang, screen.message = lang, ""
    return screen


def field_of(error: PrivacyAppError) -> str:
    """The identifier of the form field ``error`` is about ("" when it is about none)."""
    from privacyapp.dossier import ClientReferenceError, IdentityFieldError, IdentityImportError

    if isinstance(error, ClientReferenceError):
        return "record-reference"
    if isinstance(error, IdentityImportError):
        return "record-p12-password"
    if isinstance(error, IdentityFieldError):
        return f"record-{error.field}"
    return ""
