"""The embedded font of every PDF the app makes (records, letters, exports): DejaVu Sans,
shipped in ``privacyapp/assets/fonts``.

An embedded TrueType font is what makes Dutch diacritics and the check marks ☑ ☒ ☐ render on
every reader, and it is required for PDF/A. Reportlab otherwise falls back to a non-embedded
Helvetica, so ``register_fonts`` also makes DejaVu the canvas base font.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["BOLD", "ITALIC", "REGULAR", "font_bytes", "register_fonts"]

REGULAR = "PrivacyApp-Sans"
BOLD = "PrivacyApp-Sans-Bold"
ITALIC = "PrivacyApp-Sans-Italic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


def font_bytes(name: str) -> bytes:
    """The TTF file behind one of the font names above."""
    return resources.files("privacyapp").joinpath("assets", "fonts", _FILES[name]).read_bytes()


@functools.cache
def register_fonts() -> None:
    """Register the fonts with reportlab once per process (idempotent)."""
    import io

    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in _FILES:
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_bytes(name))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    # Without this reportlab puts a non-embedded Helvetica in every canvas (breaks PDF/A).
    rl_config.canvas_basefontname = REGULAR
