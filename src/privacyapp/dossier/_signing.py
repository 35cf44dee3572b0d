"""Sign a laid-out record as PAdES B-B with a visible signature block (pyHanko).

The signature covers the whole file. Its appearance is a small PDF page drawn with reportlab in
the embedded font (pyHanko's own text stamps would need fontTools for that), placed in the box
the layout reserved. pyHanko is imported on first use (~330 ms). Its sync API runs
``asyncio.run()``, so code inside an event loop (Flet handlers) calls ``async_sign_pdf``.

Before it signs, pyHanko builds a whole trial signature to learn how much room to reserve in
the file (half of the signing time). That size depends only on the signer's certificates, not
on the record, so it is learned once per identity and then passed on (issue 21): the same
reserve pyHanko would compute, so the same file, at half the cost.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from privacyapp.dossier._identity import SigningIdentity
from privacyapp.dossier._lazy import importable
from privacyapp.dossier._record import RecordInput
from privacyapp.dossier._report import ReportPdf, SignatureBox, build_report
from privacyapp.dossier._sync import run_sync
from privacyapp.dossier._verdict import FIELD_NAME  # readers show it in their signature panel
from privacyapp.dossier.errors import SigningError

__all__ = [
    "FIELD_NAME",
    "async_sign_pdf",
    "make_signed_record",
    "sign_pdf",
    "signing_report",
    "stamp_pdf",
]


#: Bytes pyHanko reserved for a signature, per identity (certificate and chain fingerprint).
_RESERVED: dict[str, int] = {}


def make_signed_record(record: RecordInput, identity: SigningIdentity) -> bytes:
    """Lay out ``record`` and sign it with ``identity`` at ``record.created_at`` (sync API).

    Where pyHanko cannot run (the browser build) the lite signer makes the record.
    """
    return sign_pdf(signing_report(record, identity), identity, when=record.created_at)


def signing_report(record: RecordInput, identity: SigningIdentity) -> ReportPdf:
    """Lay out ``record`` for ``sign_pdf``/``async_sign_pdf`` by this build's signer.

    pyHanko adds the visible signature block as the field's appearance when it signs; the lite
    signer (the browser build) cannot, so there the block is drawn into the page now.
    """
    stamp = None
    if not _native():
        from privacyapp.dossier._stamp import stamp_drawer

        stamp = stamp_drawer(identity, record.created_at)
    return build_report(
        record,
        fingerprint=identity.fingerprint,
        self_signed=identity.origin == "self-signed",
        stamp=stamp,
    )


def sign_pdf(report: ReportPdf, identity: SigningIdentity, *, when: datetime) -> bytes:
    """Sign ``report`` (PAdES B-B, SHA-256); inside an event loop prefer ``async_sign_pdf``."""
    return run_sync(async_sign_pdf(report, identity, when=when))


async def async_sign_pdf(report: ReportPdf, identity: SigningIdentity, *, when: datetime) -> bytes:
    """Sign ``report`` from inside an event loop.

    Where pyHanko cannot run, the lite signer signs instead; it cannot draw the visible block
    afterwards, so lay the report out with ``signing_report``.
    """
    if not _native():
        from privacyapp.dossier._litesign import lite_sign_pdf

        return lite_sign_pdf(report, identity, when=when)
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    box = report.signature_box
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(report.data))
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason="Vastgelegd voor het dossier",
            location=identity.organisation or None,
            contact_info=identity.email or None,
            name=identity.name,
        )
        field_spec = fields.SigFieldSpec(
            sig_field_name=FIELD_NAME, on_page=box.page_index, box=box.box
        )
        stamp = StaticStampStyle(
            background=_bytes_page(stamp_pdf(identity, when, box)),
            border_width=0,
            background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MIN,
                margins=layout.Margins(0, 0, 0, 0),
                inner_content_scaling=layout.InnerScaling.NO_SCALING,
            ),
        )
        pdf_signer = _timed_signer(when, _reserve_key(identity))(
            meta, _signer(identity), stamp_style=stamp, new_field_spec=field_spec
        )
        output = await pdf_signer.async_sign_pdf(writer)
    except SigningError:
        raise
    except Exception as exc:  # pyHanko raises many types; the user needs one clear message
        raise SigningError(
            f"Ondertekenen is niet gelukt ({type(exc).__name__}: {exc}). Controleer je "
            "certificaat in ‘Ondertekenaar’ en probeer het opnieuw."
        ) from exc
    data: bytes = output.getvalue()
    return data


def _native() -> bool:
    """pyHanko and PyCA ``cryptography`` can be imported (not in the browser build)."""
    return importable("pyhanko", "cryptography")


def stamp_pdf(identity: SigningIdentity, when: datetime, box: SignatureBox) -> bytes:
    """The visible signature block as a one-page PDF the size of ``box``."""
    from reportlab.pdfgen.canvas import Canvas

    from privacyapp.dossier._stamp import draw_stamp
    from privacyapp.fonts import REGULAR, register_fonts

    register_fonts()
    width, height = box.size
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, initialFontName=REGULAR)
    draw_stamp(canvas, identity, when, width, height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _signer(identity: SigningIdentity) -> Any:
    from asn1crypto import keys, x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = x509.Certificate.load(identity.certificate_der)
    chain = [x509.Certificate.load(der) for der in identity.chain_der]
    return signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=keys.PrivateKeyInfo.load(identity.key_der),
        # The signing certificate is embedded by the signer itself; a second copy from the
        # registry would let a changed copy inside /Contents go unnoticed.
        cert_registry=SimpleCertificateStore.from_certs(chain),  # type: ignore[no-untyped-call]
    )


def _reserve_key(identity: SigningIdentity) -> str:
    import hashlib

    digest = hashlib.sha256(identity.certificate_der)
    for der in identity.chain_der:
        digest.update(der)
    return digest.hexdigest()


def _timed_signer(when: datetime, reserve_key: str) -> Any:
    """A PdfSigner whose signing time is ``when`` (pyHanko otherwise reads the wall clock) and
    that estimates the signature's size only once per identity."""
    from pyhanko.sign import signers

    class TimedPdfSigner(signers.PdfSigner):
        def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = when
            estimate = session.estimate_signature_container_size

            async def remembered(*a: Any, **k: Any) -> int:
                if reserve_key not in _RESERVED:
                    if len(_RESERVED) > 32:  # a few identities per device; never grows far
                        _RESERVED.clear()
                    _RESERVED[reserve_key] = int(await estimate(*a, **k))
                return _RESERVED[reserve_key]

            session.estimate_signature_container_size = remembered  # type: ignore[method-assign]
            return session

    return TimedPdfSigner


def _bytes_page(data: bytes) -> Any:
    """pyHanko content that imports page 1 of an in-memory PDF (its own class reads a file)."""
    import binascii
    import uuid

    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class BytesPdfPage(ImportedPdfPage):
        def render(self) -> bytes:
            writer = self._ensure_writer
            xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(data)), page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return BytesPdfPage("stamp.pdf")  # type: ignore[no-untyped-call]
