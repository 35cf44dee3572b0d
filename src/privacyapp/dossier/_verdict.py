"""The verdict on a signed PDF, shared by both verifiers: result types, problem codes, texts.

``_verify`` (pyHanko) and ``_liteverify`` (the browser build, without PyCA ``cryptography``)
decide per signature what holds; this module turns those findings into one
``VerificationReport`` with the same codes and the same Dutch sentences, so a screen or the
CLI cannot tell which verifier ran. The checks both verifiers make on the raw CMS (padding,
the signed certificate hash, the byte range) live here too; they need only ``asn1crypto``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = [
    "FIELD_NAME",
    "PROBLEM_CODES",
    "SignatureCheck",
    "VerificationReport",
    "assemble",
    "certificate_is_the_signed_one",
    "damaged_text",
    "invalid_text",
    "norm",
    "not_pdf",
    "padding_is_clean",
    "padding_text",
    "reaches_end",
    "swapped_certificate_text",
    "uncheckable_text",
    "unreadable",
    "unsigned",
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


def not_pdf(size: int) -> VerificationReport:
    """The report for bytes that are not a PDF at all."""
    return VerificationReport(size=size, problems=("Dit bestand is geen pdf.",), codes=("not-pdf",))


def unreadable(size: int, reason: str) -> VerificationReport:
    """The report for a PDF the parser cannot read (``reason``: an exception's type name)."""
    return VerificationReport(
        size=size,
        problems=(f"De pdf is beschadigd en niet te lezen ({reason}).",),
        codes=("unreadable",),
    )


def unsigned(size: int) -> VerificationReport:
    """The report for a readable PDF without any signature."""
    return VerificationReport(
        size=size, problems=("Deze pdf is niet ondertekend.",), codes=("unsigned",)
    )


#: The signature field both of the app's signers write (pyHanko's and the browser's).
FIELD_NAME = "Handtekening"


def _which(name: str, *, start: bool = True) -> str:
    """How a problem names its signature: the app's own field is just "de handtekening" (not
    "Handtekening 'Handtekening'"), another field by its name; ``start``: opening a sentence."""
    which = "de handtekening" if name in ("", FIELD_NAME) else f"handtekening '{name}'"
    return which[:1].upper() + which[1:] if start else which


def uncheckable_text(name: str, reason: str) -> str:
    """The validator refused the signature (``reason``: why, e.g. an exception's name)."""
    return f"{_which(name)} is niet te controleren ({reason})."


def damaged_text(name: str, reason: str) -> str:
    """The signature could not even be parsed."""
    return f"{_which(name)} is beschadigd ({reason})."


def padding_text(name: str) -> str:
    """Something was written into the reserved room after the CMS."""
    return f"Na {_which(name, start=False)} staan extra gegevens in het bestand."


def swapped_certificate_text(name: str) -> str:
    """The embedded certificate is not the one the signed attributes name."""
    return (
        f"{_which(name)}: het certificaat in het bestand is niet het certificaat "
        "waarmee is ondertekend. Het bestand is veranderd."
    )


def invalid_text(name: str) -> str:
    """The signed bytes changed, or the signature value does not hold."""
    return (
        f"{_which(name)} klopt niet: de inhoud is na het ondertekenen veranderd "
        "of de handtekening is beschadigd."
    )


def assemble(
    size: int,
    checked: Sequence[tuple[SignatureCheck, str]],
    known: set[str],
    *,
    more: bool = False,
) -> VerificationReport:
    """One report from every signature's check and problem text (empty when it holds).

    ``known`` are the normalised registered fingerprints (empty: none were given); ``more``:
    the file has more signatures than were checked (a hostile file; the text says so).
    """
    if not checked:
        return unsigned(size)
    checks = [check for check, _ in checked]
    problems: list[str] = []
    codes: list[str] = []

    def add(code: str, problem: str) -> None:
        problems.append(problem)
        if code not in codes:
            codes.append(code)

    for _, problem in checked:
        if problem:
            add("signature-invalid", problem)
    if len(checks) > 1:
        names = ", ".join(f"{c.signer or '?'} ({c.fingerprint[:11] or '?'}…)" for c in checks)
        add(
            "several-signatures",
            f"Dit bestand heeft {'meer dan ' if more else ''}{len(checks)} handtekeningen: "
            f"{names}. Een verslag uit de app "
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
        size=size, signatures=tuple(checks), problems=tuple(problems), codes=tuple(codes)
    )


def padding_is_clean(contents: bytes) -> bool:
    """The reserved /Contents space after the CMS must be zero bytes, as the signer left it."""
    from asn1crypto import cms

    try:
        used = len(cms.ContentInfo.load(contents).dump())
    except (ValueError, TypeError, AttributeError):
        return False
    return not any(contents[used:])


def certificate_is_the_signed_one(certificate_der: bytes, signed_attrs: Iterable[Any]) -> bool:
    """Compare the embedded signer certificate with the hash in the signed attributes (ESS
    signing-certificate v2, or v1 with SHA-1); no such attribute means no match.

    Each kind may appear once with one value, and every one present must name this
    certificate: a second, different one would leave it open which certificate was signed.
    """
    try:
        found = [
            attr
            for attr in signed_attrs
            if attr["type"].native in ("signing_certificate_v2", "signing_certificate")
        ]
        kinds = [attr["type"].native for attr in found]
        if not found or len(set(kinds)) != len(kinds):
            return False
        return all(_names_certificate(certificate_der, attr) for attr in found)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError):
        return False


def _names_certificate(certificate_der: bytes, attr: Any) -> bool:
    """One ESS attribute: one value whose first ESSCertID holds this certificate's hash."""
    if len(attr["values"]) != 1:
        return False
    entry = attr["values"][0]["certs"][0]
    v2 = attr["type"].native == "signing_certificate_v2"
    algorithm = entry["hash_algorithm"]["algorithm"].native if v2 else "sha1"
    expected: bytes = entry["cert_hash"].native
    return hashlib.new(algorithm, certificate_der).digest() == expected


def reaches_end(byte_range: Any, size: int) -> bool:
    """Our own check on the byte range: two parts, from byte 0 to the last byte of the file."""
    try:
        start1, len1, start2, len2 = (int(v) for v in byte_range)
    except (TypeError, ValueError):
        return False
    return start1 == 0 and start2 > len1 and start2 + len2 == size


def norm(fingerprint: str) -> str:
    """A fingerprint in one spelling: lower-case hex without separators."""
    return fingerprint.replace(":", "").replace(" ", "").lower()
