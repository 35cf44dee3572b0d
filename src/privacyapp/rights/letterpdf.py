"""The letter as a PDF, to print and post or to attach to an e-mail.

reportlab with an embedded TrueType font (DejaVu Sans) so Dutch diacritics and any script the
user typed come out right, and no non-embedded Helvetica sneaks in. The font is the app's own
copy in ``privacyapp/assets/fonts/`` when present, else the system's DejaVu (``find_font``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from privacyapp.rights.errors import LetterPdfError
from privacyapp.rights.guidance import NO_SERVER
from privacyapp.rights.letter import Letter, dutch_date

__all__ = ["SYSTEM_FONT_DIRS", "find_font", "letter_pdf"]

_FONT_FILE = "DejaVuSans.ttf"
_BOLD_FILE = "DejaVuSans-Bold.ttf"
#: Where Linux distributions keep DejaVu; used only when the app ships no font of its own.
SYSTEM_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)


def find_font(name: str = _FONT_FILE, extra_dirs: Sequence[Path] = ()) -> Path:
    """The path of a TrueType font file: the app's assets first, then ``extra_dirs``, then
    the system's font folders.

    Raises:
        LetterPdfError: the font is nowhere to be found.
    """
    try:
        bundled = resources.files("privacyapp").joinpath("assets", "fonts", name)
        if bundled.is_file():
            return Path(str(bundled))
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - assets missing
        pass
    for folder in (*extra_dirs, *SYSTEM_FONT_DIRS):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise LetterPdfError(
        f"Het lettertype {name} is niet gevonden, dus de PDF kan niet worden gemaakt. "
        "Kopieer de brief als tekst, of installeer het lettertype DejaVu Sans."
    )


def _register(regular: Path, bold: Path) -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("PrivacyAppLetter", "PrivacyAppLetter-Bold")
    if names[0] not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(names[0], str(regular)))
        pdfmetrics.registerFont(TTFont(names[1], str(bold)))
    return names


def _paragraph_markup(text: str) -> str:
    # reportlab paragraphs are XML-ish: user text must be escaped or "<" breaks the letter.
    return "<br/>".join(escape(line) for line in text.split("\n"))


def letter_pdf(letter: Letter, *, font_dirs: Sequence[Path] = ()) -> bytes:
    """The letter as PDF bytes (A4, embedded font, reproducible for the same letter).

    Raises:
        LetterPdfError: no usable font.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold = _register(find_font(_FONT_FILE, font_dirs), find_font(_BOLD_FILE, font_dirs))
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=15, spaceAfter=8)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor="#555555")
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
    story += [Paragraph(_paragraph_markup(part), body) for part in letter.body.split("\n\n")]
    story += [Spacer(1, 10 * mm), Paragraph(escape(NO_SERVER), small)]
    doc.build(story)
    return buffer.getvalue()
