"""The letter as a PDF, to print and post or to attach to an e-mail.

reportlab with the app's embedded TrueType font (``privacyapp.fonts``, DejaVu Sans) so Dutch
diacritics and any script the user typed come out right, and no non-embedded Helvetica sneaks in.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from privacyapp.fonts import BOLD, REGULAR, register_fonts
from privacyapp.rights.errors import LetterPdfError
from privacyapp.rights.letter import Letter, dutch_date
from privacyapp.rights.messages import Code

__all__ = ["letter_pdf"]


def _fonts() -> tuple[str, str]:
    try:
        register_fonts()
    except OSError as exc:  # the app's font files are missing: a broken installation
        raise LetterPdfError(Code.PDF_FONT) from exc
    return REGULAR, BOLD


def _paragraph_markup(text: str) -> str:
    # reportlab paragraphs are XML-ish: user text must be escaped or "<" breaks the letter.
    return "<br/>".join(escape(line) for line in text.split("\n"))


def letter_pdf(letter: Letter) -> bytes:
    """The letter as PDF bytes (A4, embedded font, reproducible for the same letter).

    Raises:
        LetterPdfError: no usable font.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=15, spaceAfter=8)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=20 * mm,
        title=letter.subject,
        author=letter.sender,
        creator="PrivacyApp ondersteuning en zorg",
        invariant=1,
        initialFontName=regular,  # else reportlab starts every page in non-embedded Helvetica
        initialFontSize=11,
    )
    address = list(letter.recipient.postal_lines) or [letter.recipient.name]
    story = [
        Paragraph(_paragraph_markup("\n".join(address)), body),
        Spacer(1, 8 * mm),
        Paragraph(escape(f"Datum: {dutch_date(letter.written_on)}"), body),
        Paragraph(escape(f"Onderwerp: {letter.subject}"), head),
        Spacer(1, 4 * mm),
    ]
    # Only the letter: the organisation reads this PDF, so no note to the citizen goes in it
    # (the app says "your letter does not pass through a server of ours" on screen).
    story += [Paragraph(_paragraph_markup(part), body) for part in letter.body.split("\n\n")]
    doc.build(story)
    return buffer.getvalue()
