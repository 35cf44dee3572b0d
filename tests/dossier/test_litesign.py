"""The lite signer (``_litesign``): what the browser build makes must pass pyHanko, pdfsig and
our own lite verifier, look like pyHanko's record and stay a PDF/A-2b candidate."""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from p256_ref import ReferenceCurves
from pypdf import PdfReader
from record_samples import WHEN, pdfsig_text, sample_identity, sample_record

from privacyapp.dossier import SigningError, build_report, make_signed_record, verify_pdf
from privacyapp.dossier._litesign import lite_sign_pdf, make_lite_signed_record
from privacyapp.dossier._liteverify import lite_verify_pdf

logging.getLogger("pyhanko").disabled = True


@pytest.fixture(scope="module")
def lite() -> bytes:
    return make_lite_signed_record(sample_record(), sample_identity())


def test_pyhanko_accepts_a_lite_signed_record(lite: bytes) -> None:
    report = verify_pdf(lite)
    assert report.ok, report.problems
    sig = report.signatures[0]
    assert (sig.signer, sig.organisation) == ("Anne de Vries", "Wijkteam Zuid, Utrecht")
    assert sig.fingerprint == sample_identity().fingerprint
    assert sig.signing_time == WHEN
    assert sig.field_name == "Handtekening"


def test_lite_verifier_gives_the_same_report_as_pyhanko(lite: bytes) -> None:
    native, own = verify_pdf(lite), lite_verify_pdf(lite)
    assert own.ok and own.codes == native.codes == ()
    assert own.signers == native.signers


def test_pdfsig_calls_it_valid_and_total(lite: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lite.pdf"
    path.write_bytes(lite)
    text = pdfsig_text(str(path))
    if text is None:
        pytest.skip("pdfsig (poppler-utils) not installed")
    assert "Signature is Valid." in text
    assert "Total document signed" in text and "Not total document signed" not in text
    assert "ETSI.CAdES.detached" in text and "SHA-256" in text
    assert text.count("Signature #") == 1


def test_the_visible_block_is_on_the_page(lite: bytes, tmp_path: Path) -> None:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "lite.pdf"
    path.write_bytes(lite)
    text = subprocess.run([exe, str(path), "-"], capture_output=True, text=True, check=True).stdout
    pairs = sample_identity().fingerprint.split(":")
    for needle in (
        "Digitaal ondertekend (PAdES)",
        "Jeugdconsulent · Wijkteam Zuid, Utrecht",
        "op 22 november 2026 om 14:05",
        ":".join(pairs[:16]),
        ":".join(pairs[16:]),
    ):
        assert needle in text, needle  # fmt: skip


def test_it_is_an_incremental_update_with_the_widget_in_the_reserved_box(lite: bytes) -> None:
    report = build_report(
        sample_record(), fingerprint=sample_identity().fingerprint, self_signed=True
    )
    reader = PdfReader(io.BytesIO(lite))
    page = reader.pages[report.signature_box.page_index]
    widgets = [a.get_object() for a in page["/Annots"] if a.get_object()["/Subtype"] == "/Widget"]
    assert len(widgets) == 1
    widget = widgets[0]
    assert widget["/FT"] == "/Sig" and widget["/T"] == "Handtekening" and widget["/F"] == 132
    assert [round(float(v)) for v in widget["/Rect"]] == list(report.signature_box.box)
    assert "/N" in widget["/AP"]
    sig = widget["/V"].get_object()
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached" and sig["/Filter"] == "/Adobe.PPKLite"
    assert sig["/Reason"] == "Vastgelegd voor het dossier"
    assert sig["/ContactInfo"] == "anne.devries@wijkteam.example"
    assert reader.trailer["/Root"]["/AcroForm"]["/SigFlags"] == 3
    # The links of the layout are still there, next to the widget.
    links = [a for p in reader.pages for a in p.get("/Annots") or [] if a["/Subtype"] == "/Link"]
    assert len(links) == len(sample_record().sources)
    assert lite.count(b"%%EOF") == 2  # reportlab's file, then exactly one update


def test_pdfa_ingredients_survive_and_fonts_stay_embedded(lite: bytes) -> None:
    reader = PdfReader(io.BytesIO(lite))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl-NL"
    packet = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in packet
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    info = reader.metadata
    assert info is not None and f"<pdf:Producer>{info.producer}</pdf:Producer>" in packet
    names = {
        str(ref.get_object()["/BaseFont"])
        for page in reader.pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert names and all("DejaVu" in name for name in names)


def test_signing_through_an_injected_curves_implementation() -> None:
    data = make_lite_signed_record(sample_record(), sample_identity(), curves=ReferenceCurves())
    assert verify_pdf(data).ok
    assert lite_verify_pdf(data, curves=ReferenceCurves()).ok


def test_an_rsa_certificate_cannot_sign_in_the_lite_path() -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from test_identity import _p12

    from privacyapp.dossier import import_pkcs12

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    identity = import_pkcs12(_p12(key, b"pw"), b"pw")
    with pytest.raises(SigningError, match="niet ondertekenen in de browser") as caught:
        make_lite_signed_record(sample_record(), identity)
    assert "computer of telefoon" in str(caught.value)


def test_without_pyhanko_the_app_signs_and_checks_with_the_lite_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from privacyapp.dossier import _signing, _verify

    monkeypatch.setattr(_signing, "_native", lambda: False)
    monkeypatch.setattr(_verify, "_native", lambda: False)
    data = make_signed_record(sample_record(), sample_identity())
    assert b"/Importe" not in data  # pyHanko's imported stamp page is absent
    assert b"Digitaal ondertekend" not in data  # the text is in a compressed page stream
    report = verify_pdf(data)
    assert report.ok and report.signatures[0].fingerprint == sample_identity().fingerprint
    monkeypatch.undo()
    assert verify_pdf(data).ok  # pyHanko agrees


def test_lite_report_without_stamp_signs_too() -> None:
    report = build_report(sample_record(), fingerprint=sample_identity().fingerprint)
    data = lite_sign_pdf(report, sample_identity(), when=WHEN)
    assert data.startswith(report.data)
    assert verify_pdf(data).ok and lite_verify_pdf(data).ok


def test_timings_lite_against_pyhanko_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """Not a benchmark gate: prints both signers' and verifiers' times (``pytest -s``)."""
    identity = sample_identity()
    report = build_report(sample_record(), fingerprint=identity.fingerprint)
    make_signed_record(sample_record(), identity)  # warm imports and caches of both paths
    lite_sign_pdf(report, identity, when=WHEN)

    def best(action: object) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            action()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times) * 1000

    from privacyapp.dossier import sign_pdf

    native = sign_pdf(report, identity, when=WHEN)
    lite = lite_sign_pdf(report, identity, when=WHEN)
    rows = {
        "sign pyHanko": best(lambda: sign_pdf(report, identity, when=WHEN)),
        "sign lite": best(lambda: lite_sign_pdf(report, identity, when=WHEN)),
        "verify pyHanko": best(lambda: verify_pdf(native)),
        "verify lite": best(lambda: lite_verify_pdf(native)),
        "verify lite (own file)": best(lambda: lite_verify_pdf(lite)),
    }
    with capsys.disabled():
        print("\n" + "\n".join(f"  {k}: {v:.1f} ms" for k, v in rows.items()))
    assert rows["sign lite"] < rows["sign pyHanko"] * 5


def test_the_apps_record_service_draws_the_block_on_the_lite_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The app signs through ``RecordService.make_record``, not ``make_signed_record``: in the
    browser its record must show the signature block too (a browser test found it missing)."""
    import asyncio
    from datetime import UTC, datetime

    from privacyapp.app import build_services
    from privacyapp.dossier import RecordService, _signing, _verify
    from privacyapp.engine import walk_session

    monkeypatch.setattr(_signing, "_native", lambda: False)
    monkeypatch.setattr(_verify, "_native", lambda: False)
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    library = build_services(tmp_path, web=True).library
    signer = RecordService(clock=lambda: now)
    signer.create_identity(name="Sam Bakker", organisation="Gemeente Zwolle", email="s@z.example")
    path = walk_session(library, "algemeen-delen-zonder-toestemming", ["1"], lambda: now).path
    record = asyncio.run(
        signer.make_record(path, library, role="Wmo-consulent", organisation="Gemeente Zwolle")
    )
    assert record.report.ok, record.report.problems
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    (tmp_path / "record.pdf").write_bytes(record.data)
    run = subprocess.run([exe, str(tmp_path / "record.pdf"), "-"], capture_output=True, text=True)
    text = run.stdout
    assert "Digitaal ondertekend (PAdES)" in text and "Sam Bakker" in text
