"""The PDF layout: what a reader finds in a record, its metadata, fonts, links and pages."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from record_samples import CHECKLIST, QUESTIONS, sample_identity, sample_record

from privacyapp.dossier import ClientReferenceError, RecordInput, build_report, make_signed_record

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def signed() -> bytes:
    return make_signed_record(sample_record(), sample_identity())


@pytest.fixture(scope="module")
def text(signed: bytes) -> str:
    reader = PdfReader(io.BytesIO(signed))
    return _flat("\n".join(page.extract_text() for page in reader.pages))


def test_every_question_and_answer_of_the_walk_is_in_the_text(text: str) -> None:
    for question, answer in QUESTIONS:
        assert _flat(question) in text
        assert _flat(answer) in text


def test_checklist_items_answers_notes_and_marks_are_in_the_text(text: str) -> None:
    for item, _, note in CHECKLIST:
        assert _flat(item) in text
        if note:
            assert _flat(note) in text
    for label in ("Ja", "Nee", "Weet ik niet"):
        assert label in text
    for mark in "☑☒☐":  # rendered with the embedded font, so they extract as themselves
        assert mark in text


def test_header_facts_advice_sources_and_verification_are_present(text: str) -> None:
    record = sample_record()
    for needle in (
        record.title,
        "22 november 2026 om 14:05",  # 13:05 UTC is 14:05 in Amsterdam
        "Anne de Vries",
        "Jeugdconsulent",
        "Wijkteam Zuid, Utrecht",
        "WT-2026-0042",
        "geen naam of BSN",
        "jeugd-delen-huisarts",
        "1.2.0",
        record.outcome_title,
        "Jeugdwet, artikel 7.3.11",
        "Ik heb eerst overlegd met de aandachtsfunctionaris.",
        "privacy en het verwerken van persoonsgegevens",
        "niet over de zorg of hulp zelf",
        "pdfsig bestand.pdf",
        "privacyapp pdf verify bestand.pdf",
        "Ondertekening",
    ):
        assert _flat(needle) in text, needle
    compact = text.replace(" ", "")
    pairs = sample_identity().fingerprint.split(":")
    assert ":".join(pairs[:16]) in compact and ":".join(pairs[16:]) in compact
    assert record.journal_head in compact
    assert record.content_hash in compact


def test_page_numbers_say_x_of_y(signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"pagina {number} van {total}" in page.extract_text()


def test_metadata_language_and_pdfa_identification(signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    info = reader.metadata
    assert info is not None
    assert info.title == "Delen met de huisarts zonder toestemming"
    assert info.author == "Anne de Vries"
    assert "Mag ik informatie delen met de huisarts?" in (info.subject or "")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl-NL"
    xmp = root["/Metadata"].get_object()
    assert "/Filter" not in xmp  # PDF/A: metadata stream uncompressed
    packet = xmp.get_data().decode("utf-8")
    # pyHanko re-serializes the packet when it signs (attribute form); both forms are XMP.
    assert re.search(r'pdfaid:part(="|>)2', packet)
    assert re.search(r'pdfaid:conformance(="|>)B', packet)
    producer = re.search(r'pdf:Producer(?:="|>)([^"<]+)', packet)
    assert producer is not None and producer.group(1) == info.producer  # PDF/A: Info == XMP
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3


def test_all_fonts_are_embedded_and_no_helvetica(signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    seen = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            seen.append(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert seen and all("DejaVu" in name for name in seen)


def test_sources_are_clickable_printable_links(signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    uris = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                uris[annot["/A"]["/URI"]] = int(annot["/F"])
    assert uris == {source.url: 4 for source in sample_record().sources}


def test_without_considerations_or_reference_the_record_says_so() -> None:
    from dataclasses import replace

    record = replace(sample_record(reference=""), considerations="", checklist=())
    data = build_report(record, fingerprint=sample_identity().fingerprint).data
    text = _flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    assert "Geen eigen afweging vastgelegd." in text
    assert "Kenmerk cliënt niet ingevuld" in text
    assert "Checklist" not in text


@pytest.mark.parametrize("reference", ["111222333", "BSN 111.222.333", "x" * 41])
def test_client_reference_refuses_bsn_and_long_text(reference: str) -> None:
    with pytest.raises(ClientReferenceError):
        sample_record(reference=reference)


def test_long_record_flows_over_many_pages_with_signature_on_the_last() -> None:
    report = build_report(sample_record(answers=160), fingerprint=sample_identity().fingerprint)
    assert report.page_count >= 8
    assert report.signature_box.page_index == report.page_count - 1
    reader = PdfReader(io.BytesIO(report.data))
    assert len(reader.pages) == report.page_count
    last = reader.pages[-1].extract_text()
    assert f"pagina {report.page_count} van {report.page_count}" in last
    all_text = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "(ronde 40)" in all_text


def test_record_file_round_trip() -> None:
    record = sample_record()
    assert RecordInput.from_dict(record.to_dict()) == record


def test_render_pages_to_png_for_a_human_look(signed: bytes, tmp_path: Path) -> None:
    exe = shutil.which("pdftoppm")
    if exe is None:
        if os.environ.get("PRIVACYAPP_REQUIRE_E2E") == "1":
            pytest.fail("pdftoppm (poppler-utils) is required under PRIVACYAPP_REQUIRE_E2E=1")
        pytest.skip("pdftoppm not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "record.pdf"
    pdf.write_bytes(signed)
    for old in ARTIFACTS.glob("record-*.png"):
        old.unlink()
    subprocess.run([exe, "-r", "100", "-png", str(pdf), str(ARTIFACTS / "record")], check=True,
                   timeout=120)  # fmt: skip
    pages = sorted(ARTIFACTS.glob("record-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(signed)).pages)
    assert all(p.stat().st_size > 10_000 for p in pages)  # real content, not blank pages


def test_fonts_stay_embedded_when_reportlab_was_imported_first(tmp_path: Path) -> None:
    # Other parts of the app use reportlab too; if they import it first, its defaults (read
    # at import) say Helvetica. Run in a fresh interpreter to get that order for real.
    script = (
        "import reportlab.platypus.tables, reportlab.lib.styles, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from record_samples import sample_record, sample_identity\n"
        "from privacyapp.dossier import make_signed_record\n"
        "sys.stdout.buffer.write(make_signed_record(sample_record(), sample_identity()))\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    run = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent)],
        capture_output=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    reader = PdfReader(io.BytesIO(run.stdout))
    names = {
        str(ref.get_object()["/BaseFont"])
        for page in reader.pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert names and all("DejaVu" in name for name in names), names
