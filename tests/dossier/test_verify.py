"""Signed records checked by our verifier AND by poppler's pdfsig (whose text we read)."""

from __future__ import annotations

import asyncio
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from record_samples import WHEN, pdfsig_text, sample_identity, sample_record

from privacyapp.dossier import (
    async_sign_pdf,
    async_verify_pdf,
    build_report,
    make_signed_record,
    verify_pdf,
)


@pytest.fixture(scope="module")
def signed() -> bytes:
    return make_signed_record(sample_record(), sample_identity())


def _pdfsig(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    text = pdfsig_text(str(path))
    if text is None:
        pytest.skip("pdfsig (poppler-utils) not installed")
    return text


def _byte_range(data: bytes) -> list[int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert match is not None
    return [int(v) for v in match.groups()]


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]


def test_fresh_record_is_valid_and_covers_the_whole_file(signed: bytes, tmp_path: Path) -> None:
    report = verify_pdf(signed)
    assert report.ok, report.problems
    sig = report.signature
    assert sig is not None
    assert (sig.signer, sig.organisation) == ("Anne de Vries", "Wijkteam Zuid, Utrecht")
    assert sig.email == "anne.devries@wijkteam.example"
    assert sig.signing_time == WHEN
    assert sig.fingerprint == sample_identity().fingerprint
    assert sig.covers_whole_file and sig.intact and sig.valid
    assert not sig.trusted  # self-made certificate: the fingerprint is the trust decision

    text = _pdfsig(signed, tmp_path)
    assert "Signature is Valid." in text
    assert "Total document signed" in text
    assert "Not total document signed" not in text
    assert "ETSI.CAdES.detached" in text  # PAdES
    assert "SHA-256" in text


def test_flipped_byte_in_the_content_is_invalid(signed: bytes, tmp_path: Path) -> None:
    start1, len1, start2, _ = _byte_range(signed)
    stream = signed.index(b"stream\n", 2000) + 40  # inside a page content stream
    assert stream < len1
    tampered = _flip(signed, stream)
    report = verify_pdf(tampered)
    assert not report.ok
    # the app's own field is "de handtekening", not "Handtekening 'Handtekening'"
    assert report.problems[0].startswith("De handtekening klopt niet: de inhoud is"), report
    assert "Signature is Valid." not in _pdfsig(tampered, tmp_path)


def test_flipped_byte_in_the_signature_is_invalid(signed: bytes, tmp_path: Path) -> None:
    _, len1, start2, _ = _byte_range(signed)
    contents = signed[len1 + 1 : start2 - 1].rstrip(b"0")  # the CMS in hex, zero padding off
    # The ECDSA signature value is the last thing in the CMS: change one of its hex digits.
    offset = len1 + 1 + len(contents) - 20
    digit = signed[offset : offset + 1]
    tampered = signed[:offset] + (b"1" if digit != b"1" else b"2") + signed[offset + 1 :]
    assert len(tampered) == len(signed)
    report = verify_pdf(tampered)
    assert not report.ok
    assert "Signature is Valid." not in _pdfsig(tampered, tmp_path)


def _append_changed_answer(signed: bytes) -> bytes:
    """An incremental update that paints a different answer over page 1 (what a forger does)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    resources = generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/FX"): font})}
    )
    overlay = generic.StreamObject(
        stream_data=b"q 1 1 1 rg 330 420 200 14 re f Q "
        b"BT /FX 9 Tf 332 423 Td (Ja, de ouders gaven toestemming) Tj ET"
    )
    writer.add_stream_to_page(0, writer.add_object(overlay), resources=resources)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_appended_update_changing_an_answer_is_rejected(signed: bytes, tmp_path: Path) -> None:
    tampered = _append_changed_answer(signed)
    assert tampered.startswith(signed)  # the original bytes, and its signature, are untouched
    report = verify_pdf(tampered)
    assert not report.ok
    sig = report.signature
    assert sig is not None and sig.intact and sig.valid  # still "valid" ...
    assert not sig.covers_whole_file  # ... but not for the whole file
    assert any("toegevoegd" in p for p in report.problems)

    text = _pdfsig(tampered, tmp_path)
    # pdfsig calls the signature valid and only notes the partial coverage: we must not.
    assert "Not total document signed" in text


def test_unsigned_and_non_pdf_files_are_not_ok() -> None:
    unsigned = build_report(sample_record(), fingerprint=sample_identity().fingerprint).data
    report = verify_pdf(unsigned)
    assert not report.ok and report.problems == ("Deze pdf is niet ondertekend.",)
    assert verify_pdf(b"hallo").problems == ("Dit bestand is geen pdf.",)
    truncated = verify_pdf(make_signed_record(sample_record(), sample_identity())[:5000])
    assert not truncated.ok and truncated.problems


def test_registered_fingerprints_are_compared(signed: bytes) -> None:
    own = sample_identity().fingerprint
    assert verify_pdf(signed, registered=[own.lower()]).signatures[0].registered is True
    assert verify_pdf(signed, registered=["00:11"]).signatures[0].registered is False
    assert verify_pdf(signed).signatures[0].registered is None


def test_visible_signature_field_sits_in_the_reserved_box(signed: bytes) -> None:
    from pypdf import PdfReader

    report = build_report(sample_record(), fingerprint=sample_identity().fingerprint)
    reader = PdfReader(io.BytesIO(signed))
    page = reader.pages[report.signature_box.page_index]
    widgets = [a.get_object() for a in page["/Annots"] if a.get_object()["/Subtype"] == "/Widget"]
    assert len(widgets) == 1
    widget = widgets[0]
    assert widget["/FT"] == "/Sig" and widget["/T"] == "Handtekening"
    assert [round(float(v)) for v in widget["/Rect"]] == list(report.signature_box.box)
    assert "/N" in widget["/AP"]  # it has an appearance: the signature block is visible


def test_async_api_works_inside_a_running_event_loop() -> None:
    report = build_report(sample_record(), fingerprint=sample_identity().fingerprint)

    async def in_handler() -> bool:  # what a Flet handler does
        data = await async_sign_pdf(report, sample_identity(), when=WHEN)
        return (await async_verify_pdf(data)).ok

    assert asyncio.run(in_handler())


def test_organisation_certificate_record_says_it_was_issued(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from test_identity import _p12

    from privacyapp.dossier import import_pkcs12

    identity = import_pkcs12(
        _p12(rsa.generate_private_key(public_exponent=65537, key_size=2048), b"pw"), b"pw"
    )
    data = make_signed_record(
        replace(sample_record(), title="Met organisatiecertificaat"), identity
    )
    report = verify_pdf(data)
    assert report.ok and report.signatures[0].signer == "Bo Jansen"
    assert "Signature is Valid." in _pdfsig(data, tmp_path)


def test_changed_certificate_inside_the_signature_is_invalid(signed: bytes) -> None:
    # The certificate is in /Contents, outside the signed bytes; its hash is signed (ESS).
    cert_hex = sample_identity().certificate_der.hex().encode()
    start = signed.lower().index(cert_hex)
    offset = start + 300  # inside the subject name
    digit = signed[offset : offset + 1]
    tampered = signed[:offset] + (b"1" if digit != b"1" else b"2") + signed[offset + 1 :]
    assert not verify_pdf(tampered).ok


def test_changed_padding_after_the_signature_is_invalid(signed: bytes) -> None:
    _, len1, start2, _ = _byte_range(signed)
    offset = start2 - 10  # the zero padding at the end of /Contents
    assert signed[offset : offset + 1] == b"0"
    tampered = signed[:offset] + b"7" + signed[offset + 1 :]
    assert not verify_pdf(tampered).ok


def _organisation_ca() -> tuple[bytes, object]:
    """An organisation CA and an identity it issued (what a .p12 from IT would hold)."""
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    from privacyapp.dossier import import_pkcs12

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Gemeente Zwolle CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(1)
        .not_valid_before(WHEN - timedelta(days=30)).not_valid_after(WHEN + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sam Bakker"),
                                 x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Gemeente Zwolle")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
        .not_valid_before(WHEN - timedelta(days=1)).not_valid_after(WHEN + timedelta(days=365))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                       critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    p12 = pkcs12.serialize_key_and_certificates(
        b"sam", key, leaf, [ca], serialization.NoEncryption()
    )
    return ca.public_bytes(serialization.Encoding.DER), import_pkcs12(p12, None)


def test_organisation_ca_makes_the_signature_trusted(tmp_path: Path) -> None:
    ca_der, identity = _organisation_ca()
    data = make_signed_record(sample_record(), identity)  # type: ignore[arg-type]
    untrusted = verify_pdf(data)
    assert untrusted.ok and not untrusted.signatures[0].trusted
    trusted = verify_pdf(data, trust_roots=[ca_der])
    assert trusted.ok and trusted.signatures[0].trusted
    text = _pdfsig(data, tmp_path)
    assert "Signature is Valid." in text


def test_sync_api_also_works_where_a_loop_is_running(signed: bytes) -> None:
    report = build_report(sample_record(), fingerprint=sample_identity().fingerprint)

    async def in_handler() -> bool:  # e.g. a Flet handler calling the sync API by mistake
        from privacyapp.dossier import sign_pdf

        return verify_pdf(sign_pdf(report, sample_identity(), when=WHEN)).ok

    assert asyncio.run(in_handler())


def test_the_signature_size_is_learned_once_and_the_file_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyhanko.sign.signers import pdf_signer

    from privacyapp.dossier import _signing, build_report, sign_pdf, verify_pdf

    identity = sample_identity()
    report = build_report(sample_record(), fingerprint=identity.fingerprint)
    monkeypatch.setattr(_signing, "_RESERVED", {})
    estimates: list[int] = []
    real = pdf_signer.PdfSigningSession.estimate_signature_container_size

    async def counted(self: object, *args: object, **kwargs: object) -> int:
        estimates.append(1)
        return int(await real(self, *args, **kwargs))  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_signer.PdfSigningSession, "estimate_signature_container_size", counted)
    first = sign_pdf(report, identity, when=WHEN)
    second = sign_pdf(report, identity, when=WHEN)
    assert len(estimates) == 1
    assert verify_pdf(first).ok and verify_pdf(second).ok
    assert len(first) == len(second)  # the same room reserved, as pyHanko itself chose
