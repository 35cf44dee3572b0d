"""Lay out a ``RecordInput`` as an A4 PDF (reportlab), ready to be signed.

The layout reserves a box at the end for the visible signature; ``build_report`` returns where
that box landed so ``_signing`` can put the signature field exactly there. Every page has a
header, and a footer with "pagina X van Y" (a canvas that holds pages back until the total is
known). Fonts are embedded (``privacyapp.fonts``); PDF/A-2b metadata and output intent come
from ``_pdfa``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from privacyapp import __version__
from privacyapp.dossier._pdfa import apply_pdfa
from privacyapp.dossier._record import RecordInput
from privacyapp.dossier.errors import ReportError
from privacyapp.fonts import REGULAR, register_fonts

if TYPE_CHECKING:  # the layout (reportlab, ~180 ms) is imported on first use
    from privacyapp.dossier._layout import StampDrawer

__all__ = ["ReportPdf", "SignatureBox", "build_report"]

APP_NAME = "PrivacyApp ondersteuning en zorg"
CREATOR = f"{APP_NAME} {__version__} (reportlab)"


def _producer() -> str:
    """pyHanko's vendor string: it writes exactly this into the XMP packet when it signs, and
    PDF/A wants the Info dictionary's Producer to say the same."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"pyHanko {version('pyhanko')}"
    except PackageNotFoundError:  # pragma: no cover - pyHanko is a pinned dependency
        return CREATOR


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: page index (0-based) and box in PDF points."""

    page_index: int
    box: tuple[int, int, int, int]

    @property
    def size(self) -> tuple[int, int]:
        """Width and height of the box."""
        x1, y1, x2, y2 = self.box
        return x2 - x1, y2 - y1


@dataclass(frozen=True)
class ReportPdf:
    """An unsigned record and the place reserved for its signature."""

    data: bytes
    signature_box: SignatureBox
    page_count: int


def build_report(
    record: RecordInput,
    *,
    fingerprint: str,
    self_signed: bool = True,
    stamp: StampDrawer | None = None,
) -> ReportPdf:
    """Lay out ``record`` as a PDF.

    Args:
        record: what the PDF shows.
        fingerprint: SHA-256 fingerprint of the certificate that will sign it (printed in the
            verification section and every footer).
        self_signed: whether that certificate is self-issued (changes the verification text).
        stamp: draws the visible signature block into the reserved box at layout time (the
            lite signer, which cannot import a page as the widget's appearance as pyHanko
            does). None, the default, leaves the box empty for pyHanko to fill.

    Raises:
        ReportError: reportlab could not lay the record out (e.g. an absurdly long word).
    """
    register_fonts()
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from privacyapp.dossier import _layout as L  # reportlab costs ~180 ms: import on first use

    placeholder = L.SignaturePlaceholder(L.CONTENT_WIDTH, L.SIGNATURE_HEIGHT, stamp)
    story = L.story(record, fingerprint=fingerprint, self_signed=self_signed, box=placeholder)
    buffer = io.BytesIO()
    author = record.professional.name
    subject = f"Dossierstuk: {record.flow_title} (versie {record.flow_version})"
    doc = BaseDocTemplate(
        buffer,
        pagesize=L.PAGE_SIZE,
        leftMargin=L.MARGIN,
        rightMargin=L.MARGIN,
        topMargin=L.MARGIN + 10,
        bottomMargin=L.MARGIN,
        title=record.title,
        author=author,
        subject=subject,
        keywords="privacy, sociaal domein, dossier, PAdES",
        creator=CREATOR,
        producer=_producer(),
        lang="nl-NL",
        initialFontName=REGULAR,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=L.page_header(record))])
    canvasmaker = _canvas_class(record, fingerprint, subject)
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except Exception as exc:  # reportlab raises bare LayoutError/ValueError for layout limits
        raise ReportError(
            "Het dossierstuk past niet in de opmaak. Maak lange teksten korter en probeer "
            f"het opnieuw. ({type(exc).__name__})"
        ) from exc
    if placeholder.position is None:  # pragma: no cover - the placeholder is always drawn
        raise ReportError("De plek voor de handtekening is niet op de pagina gekomen.")
    page_number, x, y = placeholder.position
    box = (round(x), round(y), round(x + placeholder.width), round(y + placeholder.height))
    return ReportPdf(
        data=buffer.getvalue(),
        signature_box=SignatureBox(page_index=page_number - 1, box=box),
        page_count=canvasmaker.page_count,
    )


def _canvas_class(record: RecordInput, fingerprint: str, subject: str) -> Any:
    """A canvas that knows the page total before it writes the footers."""
    from reportlab.pdfgen.canvas import Canvas

    from privacyapp.dossier import _layout as L

    class RecordCanvas(Canvas):  # type: ignore[misc]
        page_count = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            type(self).page_count = total
            for state in self._held:
                self.__dict__.update(state)
                L.draw_footer(self, record, fingerprint, total)
                super().showPage()
            apply_pdfa(
                self,
                when=record.created_at,
                title=record.title,
                author=record.professional.name,
                subject=subject,
                keywords="privacy, sociaal domein, dossier, PAdES",
                creator=CREATOR,
                producer=_producer(),
            )
            super().save()

        def linkURL(self, url: str, rect: Any, relative: int = 0, **kw: Any) -> None:  # noqa: N802
            # PDF/A: every annotation must be printable (/F 4).
            kw.setdefault("F", 4)
            super().linkURL(url, rect, relative=relative, **kw)

    RecordCanvas.__name__ = "RecordCanvas"
    return RecordCanvas
