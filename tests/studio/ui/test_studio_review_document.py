"""The review document (PDF) from the screens: every signed-in editor downloads it for the
change set's current version, and each publication offers the document kept with it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from studiokit import ADVICE_FILE, edit_explanation
from uikit import click, find, idents, screen, signed_in, texts

from privacyapp import capabilities
from privacyapp.studio import Studio, User
from privacyapp.views.studio.downloads import NO_PDF


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


def _change(studio: Studio, author: User, title: str, explanation: str) -> int:
    cs = studio.new_change_set(author, title)
    text, version = studio.read(cs.id, ADVICE_FILE)
    studio.save(author, cs.id, {ADVICE_FILE: edit_explanation(text, explanation)},
                expected_version=version)  # fmt: skip
    return cs.id


@pytest.mark.parametrize("reader", ["anna", "jet", "piet"])
def test_every_editor_downloads_the_review_document_of_this_change_set(
    studio: Studio, team: dict[str, User], reader: str
) -> None:
    _change(studio, team["anna"], "Eerste voorstel", "Een uitleg uit het eerste voorstel.")
    second = _change(studio, team["bram"], "Tweede voorstel", "Een uitleg uit het tweede.")
    ui = signed_in(studio, reader)
    ui.go(f"/voorstel/{second}")
    assert "Beoordelingsdocument (PDF)" in texts(find(screen(ui), "cs-review-pdf"))
    click(screen(ui), "cs-review-pdf")
    [(name, pdf)] = ui.downloads
    assert name == f"beoordelingsdocument-voorstel-{second}.pdf"
    assert pdf.startswith(b"%PDF")
    words = _text(pdf)
    assert "Tweede voorstel" in words and "Een uitleg uit het tweede." in words
    assert "Eerste voorstel" not in words


def test_the_document_follows_the_current_version(studio: Studio, team: dict[str, User]) -> None:
    cs_id = _change(studio, team["anna"], "Voorstel", "De eerste uitleg.")
    ui = signed_in(studio, "anna")
    ui.go(f"/voorstel/{cs_id}")
    text, version = studio.read(cs_id, ADVICE_FILE)
    second = text.replace("De eerste uitleg.", "De tweede uitleg.")
    studio.save(team["anna"], cs_id, {ADVICE_FILE: second}, expected_version=version)
    click(screen(ui), "cs-review-pdf")  # the screen was built before the save
    words = _text(ui.downloads[0][1])
    assert "De tweede uitleg." in words and "De eerste uitleg." not in words


def test_without_a_pdf_library_the_screen_says_so(
    studio: Studio, team: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    cs_id = _change(studio, team["anna"], "Voorstel", "Een uitleg.")
    monkeypatch.setattr(capabilities, "pdf_available", lambda: False)
    ui = signed_in(studio, "jet")
    ui.go(f"/voorstel/{cs_id}")
    shown = find(screen(ui), "cs-review-pdf")
    assert texts(shown) == NO_PDF
    assert "Beoordelingsdocument (PDF)" not in texts(screen(ui))  # no button that fails


def test_each_publication_offers_the_review_document_kept_with_it(
    studio: Studio, team: dict[str, User]
) -> None:
    cs_id = _change(studio, team["anna"], "Gepubliceerd voorstel", "De uitleg die uitging.")
    studio.submit(team["anna"], cs_id)
    studio.approve(team["jet"], cs_id)
    publication = studio.publish(team["piet"], cs_id)
    kept = studio.review_file(publication).read_bytes()
    ui = signed_in(studio, "bram")
    ui.go("/geschiedenis")
    ident = f"history-review-{publication.id}"
    assert ident in idents(screen(ui))
    click(screen(ui), ident)
    [(name, pdf)] = ui.downloads
    assert name == studio.review_file(publication).name and pdf == kept
    assert pdf.startswith(b"%PDF") and "De uitleg die uitging." in _text(pdf)
    # a publication whose document is gone says so instead of offering a button
    studio.review_file(publication).unlink()
    ui.go("/")
    ui.go("/geschiedenis")
    assert (
        texts(find(screen(ui), ident))
        == "Bij deze publicatie is geen beoordelingsdocument bewaard."
    )
