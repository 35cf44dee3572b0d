"""What the record screens remember between renders: a ``RecordScreen`` of plain values."""

from __future__ import annotations

from dataclasses import dataclass

from privacyapp.dossier import SignedRecord, VerificationReport
from privacyapp.views.kit import i18n
from privacyapp.views.kit.context import ViewContext

__all__ = ["RecordScreen", "record_state"]


@dataclass
class RecordScreen:
    """What the record screens remember between renders (plain values only)."""

    message: str = ""
    result: SignedRecord | None = None
    checked: tuple[str, VerificationReport] | None = None
    reveal: bool = False
    """A file was just checked: bring the verdict into view once (it is below the fold at
    200 % text on a phone)."""
    busy: bool = False
    lang: str = ""
    """The UI language of ``message``."""


def record_state(ctx: ViewContext) -> RecordScreen:
    screen = ctx.state.slots.get("record")
    if not isinstance(screen, RecordScreen):
        screen = RecordScreen()
        ctx.state.slots["record"] = screen
    lang = i18n.language_of(ctx.t)
    if screen.lang != lang:  # the user switched language: no message of the old one stays
        screen.lang, screen.message = lang, ""
    return screen
