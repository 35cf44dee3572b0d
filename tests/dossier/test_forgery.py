"""Forged records (security review 5a/5b): changed after signing, then signed again.

Every variant keeps the original signature's bytes intact and adds a change in an incremental
update; the forger then signs the result with a self-made key under the same name. A record is
valid only when what a reader sees is exactly what its first signer signed.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pytest
from record_samples import WHEN, sample_identity, sample_record

from privacyapp.dossier import (
    SigningIdentity,
    create_identity,
    make_signed_record,
    verify_pdf,
)
from privacyapp.dossier._signing import _signer

logging.getLogger("pyhanko").disabled = True


@pytest.fixture(scope="module")
def signed() -> bytes:
    return make_signed_record(sample_record(), sample_identity())


@pytest.fixture(scope="module")
def forger() -> SigningIdentity:
    """Same name, organisation and e-mail as the real signer; a different key."""
    real = sample_identity()
    return create_identity(
        name=real.name, organisation=real.organisation, email=real.email, now=WHEN
    )


def _font() -> object:
    from pyhanko.pdf_utils import generic

    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    return generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/FX"): font})}
    )


def _white_box_and_text(writer: object) -> None:
    from pyhanko.pdf_utils import generic

    overlay = generic.StreamObject(
        stream_data=b"q 1 1 1 rg 40 300 520 120 re f Q "
        b"BT /FX 11 Tf 42 400 Td (Je mag alles delen, ook zonder reden.) Tj ET"
    )
    writer.add_stream_to_page(0, writer.add_object(overlay), resources=_font())  # type: ignore[attr-defined]


def _replace_page_content(writer: object) -> None:
    from pyhanko.pdf_utils import generic

    page_ref = writer.find_page_for_modification(0)[0]  # type: ignore[attr-defined]
    page = page_ref.get_object()
    new = generic.StreamObject(stream_data=b"BT /FX 14 Tf 50 700 Td (Geen zorgen gevonden.) Tj ET")
    page["/Contents"] = writer.add_object(new)  # type: ignore[attr-defined]
    page["/Resources"] = _font()
    writer.update_container(page)  # type: ignore[attr-defined]


def _new_page(writer: object) -> None:
    from pyhanko.pdf_utils import generic

    content = writer.add_object(  # type: ignore[attr-defined]
        generic.StreamObject(stream_data=b"BT /FX 12 Tf 50 700 Td (Aanvulling: akkoord.) Tj ET")
    )
    page = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Page"),
            generic.pdf_name("/MediaBox"): generic.ArrayObject(
                [generic.NumberObject(v) for v in (0, 0, 595, 842)]
            ),
            generic.pdf_name("/Contents"): content,
            generic.pdf_name("/Resources"): _font(),
        }
    )
    writer.insert_page(page)  # type: ignore[attr-defined]


def _annotation(writer: object) -> None:
    from pyhanko.pdf_utils import generic

    page_ref = writer.find_page_for_modification(0)[0]  # type: ignore[attr-defined]
    page = page_ref.get_object()
    annot = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/FreeText"),
            generic.pdf_name("/Rect"): generic.ArrayObject(
                [generic.NumberObject(v) for v in (40, 300, 560, 420)]
            ),
            generic.pdf_name("/Contents"): generic.TextStringObject("Ouders gaven toestemming"),
            generic.pdf_name("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g"),
        }
    )
    annots = generic.ArrayObject(list(page.get("/Annots", generic.ArrayObject())))
    annots.append(writer.add_object(annot))  # type: ignore[attr-defined]
    page["/Annots"] = annots
    writer.update_container(page)  # type: ignore[attr-defined]


def _new_info(writer: object) -> None:
    from pyhanko.pdf_utils import generic

    writer.set_info(  # type: ignore[attr-defined]
        generic.DictionaryObject(
            {generic.pdf_name("/Title"): generic.TextStringObject("Toestemming gegeven")}
        )
    )


def _nothing(writer: object) -> None:
    """Only a second signature: the app never makes two."""


def _sign_again(data: bytes, identity: SigningIdentity, change: Callable[[object], None]) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    if change is not _nothing:  # the change in its own revision, then the new signature
        out = io.BytesIO()
        writer.write(out)
        writer = IncrementalPdfFileWriter(io.BytesIO(out.getvalue()))
    meta = signers.PdfSignatureMetadata(
        field_name="Handtekening2",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=identity.name,
    )
    result: bytes = signers.PdfSigner(meta, _signer(identity)).sign_pdf(writer).getvalue()
    return result


VARIANTS = {
    "white box + new text": _white_box_and_text,
    "replaced page content": _replace_page_content,
    "new page": _new_page,
    "annotation": _annotation,
    "new /Info": _new_info,
    "second signature only": _nothing,
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_incremental_change_and_second_signature_is_refused(
    signed: bytes, forger: SigningIdentity, variant: str
) -> None:
    forged = _sign_again(signed, forger, VARIANTS[variant])
    assert forged.startswith(signed)  # the original signature's bytes are all still there
    report = verify_pdf(forged)
    assert not report.ok, variant
    assert any("heeft 2 handtekeningen" in p for p in report.problems), report.problems
    assert "several-signatures" in report.codes
    # Every signer is in the report, the real one first, the forger's key last.
    fingerprints = [s.fingerprint for s in report.signers]
    assert fingerprints == [sample_identity().fingerprint, forger.fingerprint]
    assert report.first_signature is not None
    assert report.first_signature.fingerprint == sample_identity().fingerprint


def test_second_signature_by_the_same_key_is_refused_too(signed: bytes) -> None:
    forged = _sign_again(signed, sample_identity(), _white_box_and_text)
    report = verify_pdf(forged)
    assert not report.ok
    assert len(report.signers) == 2


def test_first_signature_is_checked_with_difference_analysis(
    signed: bytes, forger: SigningIdentity
) -> None:
    forged = _sign_again(signed, forger, _replace_page_content)
    first = verify_pdf(forged).signers[0]
    assert first.intact and first.valid  # its own bytes are untouched ...
    assert not first.covers_whole_file  # ... but the file changed after it
    assert first.modification != "none"


def _strip_and_resign(signed: bytes, identity: SigningIdentity) -> bytes:
    """Cut off the signature revision, change the record, sign with another key (one signature)."""
    end = signed.index(b"%%EOF") + len(b"%%EOF\n")
    original = signed[:end]
    assert b"/ByteRange" not in original  # only the unsigned layout is left
    return _sign_again(original, identity, _white_box_and_text)


def test_resigned_by_another_key_fails_against_the_registered_fingerprint(
    signed: bytes, forger: SigningIdentity
) -> None:
    forged = _strip_and_resign(signed, forger)
    own = sample_identity().fingerprint
    # Without a trust anchor a self-made certificate cannot be told apart: inherent.
    assert verify_pdf(forged).ok
    report = verify_pdf(forged, registered=[own])
    assert not report.ok
    assert "not-registered" in report.codes
    assert any("geregistreerd" in p for p in report.problems)
    assert report.signers[0].registered is False
    # The real record still passes the same check, with either spelling of the fingerprint.
    assert verify_pdf(signed, registered=[own]).ok
    assert verify_pdf(signed, registered=[own.replace(":", "").lower()]).ok
    assert verify_pdf(signed, registered=["00:11", own]).ok


def test_a_genuine_record_has_one_signer_and_no_problem_codes(signed: bytes) -> None:
    report = verify_pdf(signed)
    assert report.ok and report.codes == ()
    assert len(report.signers) == 1 and report.signers[0].modification == "none"
