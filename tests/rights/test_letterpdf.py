"""The letter PDF: embedded font, the text a reader sees, bad characters, missing font."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from privacyapp.rights import (
    FOOTER,
    Applicant,
    LetterPdfError,
    Recipient,
    RequestInput,
    RequestKind,
    compose,
    letter_pdf,
)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            if descendants is not None:
                descriptor = descendants[0].get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, "font must be embedded"
    return names


def test_pdf_has_the_letter_and_an_embedded_font(gemeente: Recipient) -> None:
    applicant = Applicant("Zoë Çelik-Müller", email="zoe@example.nl")
    details = {"data": "mijn dossier <b>&amp; alles</b>"}
    letter = compose(
        RequestInput(RequestKind.INZAGE, applicant, gemeente, details), date(2026, 11, 22)
    )
    pdf = letter_pdf(letter)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "Zoë Çelik-Müller" in text
    assert "Onderwerp: Verzoek om inzage in persoonsgegevens (artikel 15 AVG)" in text
    assert "mijn dossier <b>&amp; alles</b>" in text  # markup is text, not formatting
    assert FOOTER in text.replace("\n", " ")
    # the PDF is for the organisation: no note addressed to the citizen (user walk, problem 8)
    assert "niet via een server van ons" not in text.replace("\n", " ")
    assert all("Helvetica" not in name for name in _fonts(pdf))


def test_pdf_is_reproducible(gemeente: Recipient) -> None:
    applicant = Applicant("Sam", phone="06")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, gemeente), date(2026, 11, 22))
    assert letter_pdf(letter) == letter_pdf(letter)


def test_emoji_and_rtl_names_do_not_break_the_pdf(gemeente: Recipient) -> None:
    applicant = Applicant("سارة \U0001f600 \u202eevil", phone="06")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, gemeente), date(2026, 11, 22))
    assert letter_pdf(letter).startswith(b"%PDF")


def test_missing_font_gives_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, gemeente: Recipient
) -> None:
    import privacyapp.fonts as fonts

    def missing(name: str) -> bytes:
        raise FileNotFoundError(name)

    monkeypatch.setattr(fonts, "font_bytes", missing)
    fonts.register_fonts.cache_clear()
    applicant = Applicant("Sam", phone="06")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, gemeente), date(2026, 11, 22))
    try:
        with pytest.raises(LetterPdfError, match="Kopieer de brief als tekst"):
            letter_pdf(letter)
    finally:
        fonts.register_fonts.cache_clear()
