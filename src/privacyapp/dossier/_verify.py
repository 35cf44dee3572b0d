"""Check a signed PDF: is what a reader sees exactly what its one signer signed?

A signature can be cryptographically valid while someone has appended a change after it (an
incremental update): readers then still say "signature is valid", and a forger can even sign the
changed file again with a self-made key under the same name. The app never makes more than one
signature, so a file is accepted only when:

- it has exactly one signature, intact and valid;
- that signature's byte range reaches the end of the file (nothing was added after it), and
  pyHanko's difference analysis finds no change after it;
- when the caller gives registered fingerprints (``--registered``, an organisation's list), the
  signer's certificate is one of them.

Trust in the certificate is reported separately: a self-made certificate is never "trusted" by a
reader; the fingerprint is what an organisation compares. Every signature found is reported
(``VerificationReport.signers``), so a screen can show a forger next to the real signer.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from privacyapp.dossier._identity import fingerprint_of
from privacyapp.dossier._lazy import LazyModule, importable
from privacyapp.dossier._sync import run_sync
from privacyapp.dossier._verdict import (
    PROBLEM_CODES,
    SignatureCheck,
    VerificationReport,
    assemble,
    certificate_is_the_signed_one,
    damaged_text,
    invalid_text,
    norm,
    not_pdf,
    padding_is_clean,
    padding_text,
    reaches_end,
    swapped_certificate_text,
    uncheckable_text,
    unreadable,
    unsigned,
)

if TYPE_CHECKING:
    from cryptography import x509
else:  # imported on first use: the browser build has no PyCA cryptography (``_lazy``)
    x509 = LazyModule("cryptography.x509")

__all__ = [
    "PROBLEM_CODES",
    "SignatureCheck",
    "VerificationReport",
    "async_verify_pdf",
    "verify_pdf",
]


def verify_pdf(
    data: bytes, *, registered: Iterable[str] = (), trust_roots: Iterable[bytes] = ()
) -> VerificationReport:
    """Check ``data`` (sync; inside an event loop prefer ``async_verify_pdf``).

    Args:
        data: the PDF file.
        registered: fingerprints an organisation registered; when given, each signature says
            whether its certificate is one of them.
        trust_roots: DER certificates of CAs to trust (an organisation's own CA); a signature
            whose certificate chains to one is reported as ``trusted``.
    """
    return run_sync(async_verify_pdf(data, registered=registered, trust_roots=trust_roots))


async def async_verify_pdf(
    data: bytes, *, registered: Iterable[str] = (), trust_roots: Iterable[bytes] = ()
) -> VerificationReport:
    """Check ``data`` from inside an event loop (arguments as ``verify_pdf``).

    Where pyHanko cannot run (the browser build) the lite verifier gives the same report.
    """
    if not _native():
        from privacyapp.dossier._liteverify import lite_verify_pdf

        return lite_verify_pdf(data, registered=registered, trust_roots=trust_roots)
    from pyhanko.pdf_utils.reader import PdfFileReader

    # pyHanko logs a traceback for every self-signed certificate; the report says it instead.
    logging.getLogger("pyhanko").addHandler(logging.NullHandler())
    logging.getLogger("pyhanko").propagate = False
    known = {norm(f) for f in registered}
    roots = tuple(trust_roots)
    if data.lstrip()[:5] != b"%PDF-":
        return not_pdf(len(data))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # hostile input: any parser failure means "not readable"
        return unreadable(len(data), type(exc).__name__)
    if not embedded:
        return unsigned(len(data))
    checked = [await _check(sig, len(data), known, roots) for sig in embedded]
    return assemble(len(data), checked, known)


def _native() -> bool:
    """pyHanko and PyCA ``cryptography`` can be imported (not in the browser build)."""
    return importable("pyhanko", "cryptography")


async def _check(
    sig: Any, size: int, known: set[str], roots: tuple[bytes, ...]
) -> tuple[SignatureCheck, str]:
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    cert = _certificate(sig)
    fingerprint = fingerprint_of(cert) if cert is not None else ""
    name = sig.field_name or ""
    problem = ""
    intact = valid = trusted = False
    covers = False
    modification = "none"
    signing_time: datetime | None = None
    try:
        # No fetching (the app works offline) and only the CAs the user gave: a self-made
        # certificate is never "trusted"; the fingerprint comparison is the trust decision.
        from asn1crypto import x509 as asn1_x509

        context = ValidationContext(
            trust_roots=[asn1_x509.Certificate.load(der) for der in roots],
            allow_fetching=False,
            revocation_mode="soft-fail",
        )
        status = await async_validate_pdf_signature(sig, signer_validation_context=context)
        intact, valid, trusted = bool(status.intact), bool(status.valid), bool(status.trusted)
        signing_time = status.signer_reported_dt
        entire = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        covers = entire and reaches_end(sig.byte_range, size)
        modification = _modification(status, covers)
    except SignatureValidationError as exc:
        problem = uncheckable_text(name, type(exc).__name__)
    except Exception as exc:  # hostile input: any parser failure means "not valid"
        problem = damaged_text(name, type(exc).__name__)
    if not problem and intact and valid and not _padding_is_clean(sig):
        valid = False
        problem = padding_text(name)
    if not problem and intact and valid and not _certificate_is_the_signed_one(sig):
        # The certificate sits in /Contents, outside the signed bytes; the signed attributes
        # carry its hash (ESS signing-certificate). pyHanko does not always hold them together.
        valid = False
        problem = swapped_certificate_text(name)
    if not problem and not (intact and valid):
        problem = invalid_text(name)
    return (
        SignatureCheck(
            field_name=name,
            signer=_subject(cert, x509.NameOID.COMMON_NAME),
            organisation=_subject(cert, x509.NameOID.ORGANIZATION_NAME),
            email=_subject(cert, x509.NameOID.EMAIL_ADDRESS),
            signing_time=signing_time,
            fingerprint=fingerprint,
            intact=intact,
            valid=valid,
            trusted=trusted,
            covers_whole_file=covers,
            registered=(norm(fingerprint) in known) if known else None,
            modification=modification,
        ),
        problem,
    )


def _modification(status: Any, covers: bool) -> str:
    """What pyHanko's difference analysis says changed after the signature ("none" if nothing).

    A signature that covers the whole file has nothing after it. Otherwise the analysis names
    the kind of change; when it could not run (``None``) or refuses (``docmdp_ok`` false) the
    change counts as "other".
    """
    from pyhanko.sign.diff_analysis import ModificationLevel

    if covers:
        return "none"
    level = getattr(status, "modification_level", None)
    if not isinstance(level, ModificationLevel) or getattr(status, "docmdp_ok", None) is False:
        return "other"
    if level == ModificationLevel.NONE:
        return "other"  # not the whole file, yet "no change": the bytes say otherwise
    return str(level.name).lower()


def _padding_is_clean(sig: Any) -> bool:
    try:
        contents = bytes(sig.pkcs7_content)
    except (ValueError, TypeError, AttributeError):
        return False
    return padding_is_clean(contents)


def _certificate_is_the_signed_one(sig: Any) -> bool:
    try:
        raw = sig.signer_cert.dump()
        attrs = sig.signer_info["signed_attrs"]
    except (KeyError, ValueError, TypeError, AttributeError):
        return False
    return certificate_is_the_signed_one(raw, attrs)


def _certificate(sig: Any) -> x509.Certificate | None:
    try:
        return x509.load_der_x509_certificate(sig.signer_cert.dump())
    except (ValueError, AttributeError, KeyError, TypeError):
        return None


def _subject(cert: x509.Certificate | None, oid: x509.ObjectIdentifier) -> str:
    if cert is None:
        return ""
    values = cert.subject.get_attributes_for_oid(oid)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
