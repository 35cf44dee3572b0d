"""The visible signature block: who signed, when, and the certificate's fingerprint.

One drawing for both signers. pyHanko shows it as the signature widget's appearance
(``_signing.stamp_pdf`` draws it on a page of its own); the lite signer (``_litesign``) has no
PDF importer, so ``build_report(stamp=...)`` draws it straight into the box the layout reserved.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from privacyapp.dossier._layout import StampDrawer

__all__ = ["StampSigner", "draw_stamp", "stamp_drawer"]


class StampSigner(Protocol):
    """What the block shows of the signer (a ``SigningIdentity`` has all of it)."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


def draw_stamp(
    canvas: Any, signer: StampSigner, when: datetime, width: float, height: float
) -> None:
    """Draw the block with its lower left corner at the canvas origin."""
    from privacyapp.dossier._layout import ACCENT, INK, MUTED, SHADE
    from privacyapp.dossier._record import format_datetime
    from privacyapp.fonts import BOLD, REGULAR

    canvas.setFillColor(SHADE)
    canvas.roundRect(0.5, 0.5, width - 1, height - 1, 4, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0.5, 0.5, 4, height - 1, stroke=0, fill=1)
    x = 14
    y = height - 16
    canvas.setFont(BOLD, 9)
    canvas.drawString(x, y, "Digitaal ondertekend (PAdES)")
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(x, y - 15, signer.name)
    canvas.setFont(REGULAR, 8.5)
    who = " · ".join(part for part in (signer.role, signer.organisation) if part)
    canvas.drawString(x, y - 28, who)
    canvas.drawString(x, y - 40, f"op {format_datetime(when)}")
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7)
    pairs = signer.fingerprint.split(":")
    canvas.drawString(x, y - 53, "Certificaat SHA-256: " + ":".join(pairs[:16]))
    canvas.drawString(x + 72, y - 62, ":".join(pairs[16:]))


def stamp_drawer(signer: StampSigner, when: datetime) -> StampDrawer:
    """A drawer for ``build_report(stamp=...)``: the block for ``signer`` at ``when``."""

    def draw(canvas: Any, width: float, height: float) -> None:
        canvas.saveState()
        draw_stamp(canvas, signer, when, width, height)
        canvas.restoreState()

    return draw
