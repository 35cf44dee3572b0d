"""Sign a laid-out record as PAdES B-B without pyHanko and without PyCA ``cryptography``.

The static web build runs in Pyodide, where ``cryptography`` (and so pyHanko) has no build.
This signer needs only the standard library, ``asn1crypto`` (pure Python) and the ECDSA P-256
primitive of ``_curves`` (``@noble/curves`` in the browser). It appends one incremental update
to reportlab's output, as pyHanko does: the signature dictionary with a zero-filled /Contents
placeholder, the signature widget, the page with the widget in /Annots and the catalog with an
/AcroForm. The CMS is built with ``asn1crypto`` and signs the DER of its signed attributes.

The visible block cannot be imported as the widget's appearance here (that needs a PDF page
importer), so ``make_lite_signed_record`` has ``build_report`` draw it into the reserved box at
layout time; the widget gets an empty appearance. Only P-256 keys can sign: RSA signing would
need a private-key operation the browser library does not offer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from privacyapp.dossier._curves import Curves
from privacyapp.dossier._curves import curves as default_curves
from privacyapp.dossier._identity import SigningIdentity
from privacyapp.dossier._litepdf import (
    Document,
    Hex,
    Name,
    PdfSyntaxError,
    Raw,
    Ref,
    Value,
    dump,
    text_string,
)
from privacyapp.dossier._record import RecordInput
from privacyapp.dossier._report import ReportPdf, build_report
from privacyapp.dossier._stamp import stamp_drawer
from privacyapp.dossier._verdict import FIELD_NAME
from privacyapp.dossier.errors import SigningError

__all__ = ["lite_sign_pdf", "make_lite_signed_record"]

REASON = "Vastgelegd voor het dossier"
#: Room for a DER ECDSA P-256 signature (at most 72 bytes) plus growth of the CMS lengths.
_MARGIN = 64
#: Ten digits per number: any file below 10 GB fits the fixed-width /ByteRange placeholder.
_BYTE_RANGE_PLACEHOLDER = b"[0 0000000000 0000000000 0000000000]"
#: Bytes reserved for the CMS, per identity (certificate and chain).
_RESERVED: dict[str, int] = {}


def make_lite_signed_record(
    record: RecordInput, identity: SigningIdentity, *, curves: Curves | None = None
) -> bytes:
    """Lay out ``record`` with the visible signature block and sign it at ``created_at``."""
    report = build_report(
        record,
        fingerprint=identity.fingerprint,
        self_signed=identity.origin == "self-signed",
        stamp=stamp_drawer(identity, record.created_at),
    )
    return lite_sign_pdf(report, identity, when=record.created_at, curves=curves)


def lite_sign_pdf(
    report: ReportPdf, identity: SigningIdentity, *, when: datetime, curves: Curves | None = None
) -> bytes:
    """Sign ``report`` (PAdES B-B, SHA-256, ECDSA P-256) as an incremental update.

    Raises:
        SigningError: the key is not a P-256 key, or ``report`` is not a PDF this signer can
            extend (classic cross-reference table).
    """
    private = _p256_private(identity.key_der)
    implementation = curves if curves is not None else default_curves()
    if implementation.p256_public(private) != _certificate_point(identity.certificate_der):
        raise SigningError(
            "De sleutel hoort niet bij het certificaat. Maak je ondertekenaar opnieuw aan in "
            "‘Ondertekenaar’."
        )
    try:
        doc = Document.read(report.data)
        update, span = _update(doc, report, identity, when)
    except PdfSyntaxError as exc:
        raise SigningError(
            f"Het dossierstuk kan hier niet worden ondertekend ({exc}). Probeer het opnieuw."
        ) from exc
    data = bytearray(report.data + update)
    start, end = span[0] + len(report.data), span[1] + len(report.data)
    _fill_byte_range(data, start, end)
    digest = hashlib.sha256(bytes(data[:start]) + bytes(data[end:])).digest()
    signed = _cms(identity, digest, lambda attrs: implementation.p256_sign(private, attrs))
    hex_digits = signed.hex().upper().encode("ascii")
    room = end - start - 2
    if len(hex_digits) > room:  # pragma: no cover - the reserve is measured, not guessed
        raise SigningError("De handtekening past niet in de gereserveerde ruimte.")
    data[start + 1 : start + 1 + len(hex_digits)] = hex_digits
    return bytes(data)


def _p256_private(key_der: bytes) -> bytes:
    """The 32-byte scalar of a P-256 PKCS#8 key; other keys cannot sign in the browser."""
    from asn1crypto import keys

    try:
        info = keys.PrivateKeyInfo.load(key_der)
        is_p256 = info.algorithm == "ec" and info.curve == ("named", "secp256r1")
        scalar = int(info["private_key"].parsed["private_key"].native) if is_p256 else 0
    except (ValueError, TypeError, KeyError):
        is_p256, scalar = False, 0
    if not is_p256 or not 0 < scalar < 2**256:
        raise SigningError(
            "Met dit certificaat kun je niet ondertekenen in de browser. Alleen een certificaat "
            "met een P-256-sleutel (zoals de app er zelf een maakt) werkt hier. Gebruik de app "
            "op je computer of telefoon om met dit certificaat te ondertekenen."
        )
    return scalar.to_bytes(32, "big")


def _certificate_point(certificate_der: bytes) -> bytes:
    from asn1crypto import x509

    try:
        point: bytes = x509.Certificate.load(certificate_der).public_key["public_key"].native
    except (ValueError, TypeError, KeyError):
        return b""
    return point


def _update(
    doc: Document, report: ReportPdf, identity: SigningIdentity, when: datetime
) -> tuple[bytes, tuple[int, int]]:
    """The incremental update and where its /Contents hex string lies (offsets in it)."""
    box = report.signature_box
    pages = doc.page_refs()
    if not 0 <= box.page_index < len(pages):
        raise PdfSyntaxError("the signature page is not in the document")
    page_ref = pages[box.page_index]
    root_ref = doc.trailer.get("Root")
    if not isinstance(root_ref, Ref):
        raise PdfSyntaxError("trailer without /Root")
    size = doc.trailer.get("Size")
    if not isinstance(size, int):
        raise PdfSyntaxError("trailer without /Size")
    sig_num, widget_num, appearance_num = size, size + 1, size + 2
    widget = Ref(widget_num)

    page = dict(doc.dictionary(page_ref))
    annots = doc.get(page.get("Annots", []))
    page["Annots"] = [*(annots if isinstance(annots, list) else []), widget]
    catalog = dict(doc.dictionary(root_ref))
    catalog["AcroForm"] = _acroform(doc, catalog.get("AcroForm"), widget)
    width, height = box.size
    objects: dict[int, bytes] = {
        page_ref.num: dump(page),
        root_ref.num: dump(catalog),
        widget_num: dump(
            {
                "Type": Name("Annot"),
                "Subtype": Name("Widget"),
                "FT": Name("Sig"),
                "T": _raw(text_string(FIELD_NAME)),
                "F": 132,  # print + locked (PDF/A wants printable annotations)
                "Rect": list(box.box),
                "P": page_ref,
                "AP": {"N": Ref(appearance_num)},
                "V": Ref(sig_num),
            }
        ),
        appearance_num: (
            dump(
                {
                    "Type": Name("XObject"),
                    "Subtype": Name("Form"),
                    "BBox": [0, 0, width, height],
                    "Resources": {},
                    "Length": 0,
                }
            )
            + b"\nstream\n\nendstream"
        ),
        sig_num: _signature_dictionary(identity, when, _reserve(identity)),
    }
    out = bytearray(b"" if doc.data.endswith(b"\n") else b"\n")
    offsets: dict[int, int] = {}
    base = len(doc.data)
    for num in sorted(objects):
        offsets[num] = base + len(out)
        out += f"{num} 0 obj\n".encode("ascii") + objects[num] + b"\nendobj\n"
    contents = out.index(b"/Contents <", offsets[sig_num] - base) + len(b"/Contents ")
    span = (contents, out.index(b">", contents) + 1)
    xref = base + len(out)
    out += _xref_table(offsets)
    trailer: dict[str, Value] = {
        "Size": size + 3,
        "Root": root_ref,
        "Prev": doc.startxref,
    }
    if "Info" in doc.trailer:
        trailer["Info"] = doc.trailer["Info"]
    trailer["ID"] = _ids(doc, identity, when)
    out += b"trailer\n" + dump(trailer) + f"\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out), span


def _raw(token: bytes) -> Value:
    return Hex(token[1:-1]) if token.startswith(b"<") else Raw(token)


def _acroform(doc: Document, existing: Value | None, widget: Ref) -> Value:
    """The catalog's /AcroForm with the new field added (and any fields it had kept)."""
    form = dict(doc.dictionary(existing)) if existing is not None else {}
    fields = doc.get(form.get("Fields", []))
    form["Fields"] = [*(fields if isinstance(fields, list) else []), widget]
    form["SigFlags"] = 3  # signatures exist; append only
    return form


def _signature_dictionary(identity: SigningIdentity, when: datetime, reserve: int) -> bytes:
    """/Contents first, then the /ByteRange placeholder (inside the signed bytes), as pyHanko."""
    stamp = when.astimezone(UTC).strftime("D:%Y%m%d%H%M%SZ")
    lines = [
        b"/Type /Sig",
        b"/Filter /Adobe.PPKLite",
        b"/SubFilter /ETSI.CAdES.detached",
        b"/Contents <" + b"0" * (2 * reserve) + b">",
        b"/ByteRange " + _BYTE_RANGE_PLACEHOLDER,
        b"/M " + text_string(stamp),
        b"/Name " + text_string(identity.name),
    ]
    if identity.organisation:
        lines.append(b"/Location " + text_string(identity.organisation))
    lines.append(b"/Reason " + text_string(REASON))
    if identity.email:
        lines.append(b"/ContactInfo " + text_string(identity.email))
    return b"<<\n" + b"\n".join(lines) + b"\n>>"


def _fill_byte_range(data: bytearray, start: int, end: int) -> None:
    """Write the real byte range over the placeholder, padded to the same width."""
    at = data.index(b"/ByteRange " + _BYTE_RANGE_PLACEHOLDER, end) + len(b"/ByteRange ")
    value = f"[0 {start} {end} {len(data) - end}]".encode("ascii")
    data[at : at + len(_BYTE_RANGE_PLACEHOLDER)] = value.ljust(len(_BYTE_RANGE_PLACEHOLDER))


def _xref_table(offsets: dict[int, int]) -> bytes:
    """A classic xref section: the free-list head, then one subsection per run of numbers."""
    out = bytearray(b"xref\n0 1\n0000000000 65535 f \n")
    numbers = sorted(offsets)
    run: list[int] = []
    for num in numbers:
        if run and num != run[-1] + 1:
            out += _subsection(run, offsets)
            run = []
        run.append(num)
    out += _subsection(run, offsets)
    return bytes(out)


def _subsection(run: list[int], offsets: dict[int, int]) -> bytes:
    rows = b"".join(f"{offsets[n]:010d} 00000 n \n".encode("ascii") for n in run)
    return f"{run[0]} {len(run)}\n".encode("ascii") + rows


def _ids(doc: Document, identity: SigningIdentity, when: datetime) -> Value:
    """Keep the document's permanent ID; the second one changes with this revision."""
    previous = doc.trailer.get("ID")
    first = previous[0] if isinstance(previous, list) and previous else None
    seed = hashlib.sha256(doc.data[-4096:] + identity.certificate_der + when.isoformat().encode())
    changing = Hex(seed.hexdigest()[:32].encode("ascii"))
    return [first if isinstance(first, Hex) else changing, changing]


def _reserve(identity: SigningIdentity) -> int:
    """Bytes to reserve for the CMS: a trial one with a longest-possible signature, plus room."""
    key = hashlib.sha256(b"".join((identity.certificate_der, *identity.chain_der))).hexdigest()
    if key not in _RESERVED:  # it depends only on the certificates: learn it once (as pyHanko)
        if len(_RESERVED) > 32:
            _RESERVED.clear()
        _RESERVED[key] = len(_cms(identity, b"\0" * 32, lambda _attrs: b"\0" * 72)) + _MARGIN
    return _RESERVED[key]


def _cms(identity: SigningIdentity, digest: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """CMS SignedData (detached) over ``digest`` with PAdES B-B signed attributes."""
    from asn1crypto import algos, cms, tsp, x509

    assert tsp  # importing it registers the ESS attribute types (signing-certificate-v2)
    cert = x509.Certificate.load(identity.certificate_der)
    chain = [x509.Certificate.load(der) for der in identity.chain_der]
    attributes = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
        cms.CMSAttribute(
            {
                "type": "signing_certificate_v2",
                "values": [{"certs": [_ess_cert_id(cert)]}],
            }
        ),
        cms.CMSAttribute(
            {
                "type": "cms_algorithm_protection",
                "values": [
                    {
                        "digest_algorithm": {"algorithm": "sha256"},
                        "signature_algorithm": {"algorithm": "sha256_ecdsa"},
                    }
                ],
            }
        ),
    ]
    # DER: a SET OF is sorted by its members' encodings; the signature is over that SET.
    attributes.sort(key=lambda attribute: attribute.dump())
    signed_attrs = cms.CMSAttributes(attributes)
    signature = sign(hashlib.sha256(signed_attrs.dump()).digest())
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                name="issuer_and_serial_number",
                value={"issuer": cert.issuer, "serial_number": cert.serial_number},
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": signed_attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
            "signature": signature,
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            # Freshly loaded copies: asn1crypto re-encodes (slowly) values it has parsed.
            "certificates": [x509.Certificate.load(identity.certificate_der), *chain],
            "signer_infos": [signer_info],
        }
    )
    content_info = cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    result: bytes = content_info.dump()
    return result


def _ess_cert_id(cert: object) -> dict[str, object]:
    """ESSCertIDv2 (RFC 5035): SHA-256 of the certificate (the default, so not written) and
    its issuer and serial, which bind the signer's certificate into the signed attributes."""
    from asn1crypto import x509

    assert isinstance(cert, x509.Certificate)
    return {
        "cert_hash": hashlib.sha256(cert.dump()).digest(),
        "issuer_serial": {
            "issuer": [x509.GeneralName(name="directory_name", value=cert.issuer)],
            "serial_number": cert.serial_number,
        },
    }
