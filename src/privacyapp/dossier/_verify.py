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

import hashlib
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from privacyapp.dossier._identity import fingerprint_of
from privacyapp.dossier._lazy import LazyModule
from privacyapp.dossier._sync import run_sync

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

#: Why a file is not valid, as stable codes (``VerificationReport.codes``) a UI can translate.
PROBLEM_CODES = (
    "not-pdf",  # the bytes are not a PDF
    "unreadable",  # a PDF the parser cannot read
    "unsigned",  # no signature at all
    "signature-invalid",  # a signature is broken, or its certificate was swapped
    "appended",  # something was added or changed after the signature
    "several-signatures",  # more than one signature: the app never makes two
    "not-registered",  # registered fingerprints were given and the signer is not one of them
)


@dataclass(frozen=True)
class SignatureCheck:
    """What one signature in the file says and whether it holds."""

    field_name: str
    signer: str
    organisation: str
    email: str
    signing_time: datetime | None
    fingerprint: str
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    registered: bool | None = None
    #: pyHanko's difference analysis of what changed after this signature: "none" when nothing
    #: did; otherwise its level ("lta_updates", "form_filling", "annotations", "other").
    modification: str = "none"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (used by ``privacyapp pdf verify --format json``)."""
        return {
            "field": self.field_name,
            "signer": self.signer,
            "organisation": self.organisation,
            "email": self.email,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "fingerprint_sha256": self.fingerprint,
            "intact": self.intact,
            "valid": self.valid,
            "trusted": self.trusted,
            "covers_whole_file": self.covers_whole_file,
            "fingerprint_registered": self.registered,
            "modification_after_signing": self.modification,
        }


@dataclass(frozen=True)
class VerificationReport:
    """The verdict on a file plus every signature in it; ``problems`` are in Dutch."""

    size: int
    signatures: tuple[SignatureCheck, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)
    #: One code from ``PROBLEM_CODES`` per kind of problem found (empty when ``ok``).
    codes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """True only for ONE intact, valid signature that covers the whole, unchanged file
        (and, when registered fingerprints were given, is one of them)."""
        if self.problems or self.codes or len(self.signatures) != 1:
            return False
        only = self.signatures[0]
        return (
            only.intact
            and only.valid
            and only.covers_whole_file
            and only.modification == "none"
            and only.registered is not False
        )

    @property
    def signers(self) -> tuple[SignatureCheck, ...]:
        """Every signature in the file, in the order they were made (show them all)."""
        return self.signatures

    @property
    def first_signature(self) -> SignatureCheck | None:
        """The first signature: the one a valid record has, and the only one it has."""
        return self.signatures[0] if self.signatures else None

    @property
    def signature(self) -> SignatureCheck | None:
        """The last (outermost) signature, if any (kept for old callers; see ``signers``)."""
        return self.signatures[-1] if self.signatures else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "ok": self.ok,
            "size": self.size,
            "signatures": [s.to_dict() for s in self.signatures],
            "problems": list(self.problems),
            "problem_codes": list(self.codes),
        }


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
    """Check ``data`` from inside an event loop (arguments as ``verify_pdf``)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    # pyHanko logs a traceback for every self-signed certificate; the report says it instead.
    logging.getLogger("pyhanko").addHandler(logging.NullHandler())
    logging.getLogger("pyhanko").propagate = False
    known = {_norm(f) for f in registered}
    roots = tuple(trust_roots)
    if data.lstrip()[:5] != b"%PDF-":
        return VerificationReport(
            size=len(data), problems=("Dit bestand is geen pdf.",), codes=("not-pdf",)
        )
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # hostile input: any parser failure means "not readable"
        return VerificationReport(
            size=len(data),
            problems=(f"De pdf is beschadigd en niet te lezen ({type(exc).__name__}).",),
            codes=("unreadable",),
        )
    if not embedded:
        return VerificationReport(
            size=len(data), problems=("Deze pdf is niet ondertekend.",), codes=("unsigned",)
        )
    checks: list[SignatureCheck] = []
    problems: list[str] = []
    codes: list[str] = []

    def add(code: str, problem: str) -> None:
        problems.append(problem)
        if code not in codes:
            codes.append(code)

    for sig in embedded:
        check, problem = await _check(sig, len(data), known, roots)
        checks.append(check)
        if problem:
            add("signature-invalid", problem)
    if len(checks) > 1:
        names = ", ".join(f"{c.signer or '?'} ({c.fingerprint[:11] or '?'}…)" for c in checks)
        add(
            "several-signatures",
            f"Dit bestand heeft {len(checks)} handtekeningen: {names}. Een verslag uit de app "
            "heeft er precies één. Iemand heeft het bestand na de eerste handtekening veranderd "
            "of opnieuw ondertekend. Vraag de ondertekenaar om het oorspronkelijke bestand.",
        )
    first = checks[0]
    if (
        first.intact
        and first.valid
        and (not first.covers_whole_file or first.modification != "none")
    ):
        add(
            "appended",
            "Na het ondertekenen is er iets aan het bestand toegevoegd of veranderd. "
            "De handtekening dekt niet het hele bestand.",
        )
    if known and not first.registered:
        add(
            "not-registered",
            f"De vingerafdruk van de ondertekenaar ({first.fingerprint or 'onbekend'}) staat niet "
            "bij de geregistreerde vingerafdrukken. Dit bestand is niet ondertekend met een "
            "certificaat dat je organisatie kent.",
        )
    return VerificationReport(
        size=len(data), signatures=tuple(checks), problems=tuple(problems), codes=tuple(codes)
    )


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
        covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and _reaches_end(sig, size)
        modification = _modification(status, covers)
    except SignatureValidationError as exc:
        problem = f"Handtekening '{name}' is niet te controleren ({type(exc).__name__})."
    except Exception as exc:  # hostile input: any parser failure means "not valid"
        problem = f"Handtekening '{name}' is beschadigd ({type(exc).__name__})."
    if not problem and intact and valid and not _padding_is_clean(sig):
        valid = False
        problem = f"Handtekening '{name}': na de handtekening staan extra gegevens in het bestand."
    if not problem and intact and valid and not _certificate_is_the_signed_one(sig):
        # The certificate sits in /Contents, outside the signed bytes; the signed attributes
        # carry its hash (ESS signing-certificate). pyHanko does not always hold them together.
        valid = False
        problem = (
            f"Handtekening '{name}': het certificaat in het bestand is niet het certificaat "
            "waarmee is ondertekend. Het bestand is veranderd."
        )
    if not problem and not (intact and valid):
        problem = (
            f"Handtekening '{name}' klopt niet: de inhoud is na het ondertekenen veranderd "
            "of de handtekening is beschadigd."
        )
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
            registered=(_norm(fingerprint) in known) if known else None,
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
    """The reserved /Contents space after the CMS must be zero bytes, as the signer left it."""
    from asn1crypto import cms

    try:
        contents = bytes(sig.pkcs7_content)
        used = len(cms.ContentInfo.load(contents).dump())
    except (ValueError, TypeError, AttributeError):
        return False
    return not any(contents[used:])


def _certificate_is_the_signed_one(sig: Any) -> bool:
    """Compare the embedded signer certificate with the hash in the signed attributes."""
    try:
        raw = sig.signer_cert.dump()
        for attr in sig.signer_info["signed_attrs"]:
            kind = attr["type"].native
            if kind in ("signing_certificate_v2", "signing_certificate"):
                entry = attr["values"][0]["certs"][0]
                algorithm = (
                    entry["hash_algorithm"]["algorithm"].native
                    if kind == "signing_certificate_v2"
                    else "sha1"
                )
                expected: bytes = entry["cert_hash"].native
                return hashlib.new(algorithm, raw).digest() == expected
    except (KeyError, ValueError, TypeError, AttributeError, IndexError):
        return False
    return False


def _reaches_end(sig: Any, size: int) -> bool:
    """Our own check on the byte range: two parts, from byte 0 to the last byte of the file."""
    try:
        start1, len1, start2, len2 = (int(v) for v in sig.byte_range)
    except (TypeError, ValueError):
        return False
    return start1 == 0 and start2 > len1 and start2 + len2 == size


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


def _norm(fingerprint: str) -> str:
    return fingerprint.replace(":", "").replace(" ", "").lower()
