"""Check a signed PDF without pyHanko and without PyCA ``cryptography`` (the browser build).

The same verdict as ``_verify`` (same report, codes and Dutch texts, from ``_verdict``), but
without a full PDF reader it is strict where pyHanko is clever. There is no difference
analysis: anything after the first signature's byte range counts as a change ("other"). Every
dictionary in the file that has a /ByteRange and /Contents and calls itself a signature counts
as one, also one that no field refers to (the app never writes such a thing). A signature holds
only when:

- its byte range is ``[0 a b c]`` with exactly one hex string, the /Contents, between ``a`` and
  ``b``, and ``b + c`` is the file's length (else it does not cover the whole file);
- its CMS is detached (no content of its own) and has one SignerInfo over SHA-256 whose
  message digest is the hash of the two ranges, whose signing-certificate attributes name the
  embedded certificate, and whose signature over the signed attributes holds for that
  certificate's key (P-256 through ``_curves``, or RSA PKCS#1 v1.5); content type, message
  digest and signing certificate each appear once with one value, an algorithm-protection
  attribute names the algorithms the SignerInfo uses, and the room after the CMS is all zeros.

Trust is checked against the given roots only, as pyHanko does it: the signer's certificate is
one of them, or is signed by one, valid now (not at the time the file claims), allows
non-repudiation and has no critical extension we do not know (no chain building, no
revocation). Hostile input never raises, and its cost stays bounded: at most
``MAX_SIGNATURES`` signatures are checked, and RSA keys are capped as OpenSSL caps them.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from itertools import islice
from typing import Any

from privacyapp.dossier._curves import Curves, rsa_pkcs1v15_verify
from privacyapp.dossier._curves import curves as default_curves
from privacyapp.dossier._litepdf import (
    Hex,
    PdfSyntaxError,
    Raw,
    Ref,
    Value,
    decode_literal,
    parse_object_at,
)
from privacyapp.dossier._verdict import (
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
    unreadable,
)

__all__ = ["MAX_SIGNATURES", "lite_verify_pdf"]

#: A record has one signature; a file with more is refused anyway. Checking thousands of them
#: (a hostile file) would hang the page, so the report lists at most this many.
MAX_SIGNATURES = 64

_OBJ = re.compile(rb"(?<![0-9])(\d+)[ \t\r\n\f\x00]+(\d+)[ \t\r\n\f\x00]+obj\b")
_BYTE_RANGE = re.compile(rb"/ByteRange(?![^ \t\r\n\f\x00()<>\[\]{}/%])")
_TAIL = re.compile(rb"startxref[ \t\r\n\f\x00]+(\d+)[ \t\r\n\f\x00]+%%EOF[ \t\r\n\f\x00]*\Z")
_HEX_STRING = re.compile(rb"<[0-9A-Fa-f]*>")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?")
_SIGNATURE_KINDS = {"ETSI.CAdES.detached", "adbe.pkcs7.detached", "adbe.pkcs7.sha1"}
_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)
_V_REF = re.compile(rb"/V[ \t\r\n\f\x00]*(\d+)[ \t\r\n\f\x00]+0\s+R")
#: Critical extensions a signer's certificate may carry: the ones pyHanko's validator handles
#: that mean something on an end-entity certificate. Any other critical one: not trusted.
_KNOWN_CRITICAL = frozenset(
    {
        "authority_information_access",
        "authority_key_identifier",
        "basic_constraints",
        "certificate_policies",
        "crl_distribution_points",
        "extended_key_usage",
        "freshest_crl",
        "key_identifier",
        "key_usage",
        "ocsp_no_check",
        "subject_alt_name",
        "qc_statements",
        "1.3.6.1.5.5.7.1.3",
    }
)


def lite_verify_pdf(
    data: bytes,
    *,
    registered: Iterable[str] = (),
    trust_roots: Iterable[bytes] = (),
    curves: Curves | None = None,
) -> VerificationReport:
    """Check ``data`` as ``_verify.verify_pdf`` does (same arguments, same report).

    Args:
        data: the PDF file.
        registered: fingerprints an organisation registered.
        trust_roots: DER certificates of CAs to trust.
        curves: the P-256 implementation (default: the platform's, ``_curves.curves()``).
    """
    known = {norm(f) for f in registered}
    roots = tuple(trust_roots)
    if data.lstrip()[:5] != b"%PDF-":
        return not_pdf(len(data))
    if not _readable(data):
        return unreadable(len(data), "PdfSyntaxError")
    implementation = curves if curves is not None else default_curves()
    checked = []
    found = list(islice(_signatures(data), MAX_SIGNATURES + 1))  # one more: are there more?
    for sig, name in found[:MAX_SIGNATURES]:
        try:
            checked.append(_check(data, sig, name, known, roots, implementation))
        except (PdfSyntaxError, RecursionError, *_ERRORS) as exc:  # hostile input: not valid
            checked.append((_broken(name, known), damaged_text(name, type(exc).__name__)))
    return assemble(len(data), checked, known, more=len(found) > MAX_SIGNATURES)


def _readable(data: bytes) -> bool:
    """The file ends in ``startxref`` pointing at an xref table or an xref stream object."""
    tail = _TAIL.search(data, max(0, len(data) - 1024))
    if tail is None:
        return False
    start = int(tail.group(1))
    return 0 < start < len(data) and (
        data.startswith(b"xref", start) or _OBJ.match(data, start) is not None
    )


def _signatures(data: bytes) -> Iterator[tuple[dict[str, Value] | None, str]]:
    """Every signature dictionary in file order, with its field's name (None: unparsable)."""
    headers = [m.start() for m in _OBJ.finditer(data)]
    fields = _Fields(data, headers)
    seen: set[int] = set()
    for match in _BYTE_RANGE.finditer(data):
        owner = _owner(headers, match.start())
        if owner is None or owner in seen:
            continue
        seen.add(owner)
        try:
            num, _, value = parse_object_at(data, owner)
        except (PdfSyntaxError, RecursionError):
            yield None, ""
            continue
        for sig, name in _walk(value, ""):
            yield sig, name or fields.name(num)


def _owner(headers: list[int], position: int) -> int | None:
    """The offset of the last object header before ``position``."""
    index = bisect.bisect_left(headers, position) - 1
    return headers[index] if index >= 0 else None


def _walk(value: Value, name: str, depth: int = 0) -> Iterator[tuple[dict[str, Value], str]]:
    """Signature dictionaries inside ``value`` (a field may hold one inline as /V)."""
    if depth > 16:
        return
    if isinstance(value, dict):
        title = _text(value.get("T")) or name
        if "ByteRange" in value and "Contents" in value and _is_signature(value):
            yield value, name
        for item in value.values():
            yield from _walk(item, title, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, name, depth + 1)


def _is_signature(sig: dict[str, Value]) -> bool:
    return sig.get("Type") == "Sig" or str(sig.get("SubFilter", "")) in _SIGNATURE_KINDS


class _Fields:
    """The /T of the field whose /V is a given object, for every signature.

    The ``/V n 0 R`` references are found in one pass over the file and each object is parsed
    at most once: searching the whole file per signature took minutes for a hostile file with
    thousands of them.
    """

    def __init__(self, data: bytes, headers: list[int]) -> None:
        self._data = data
        self._owners: dict[int, dict[int, None]] = {}  # object number -> owners, in file order
        self._parsed: dict[int, Value | None] = {}
        for match in _V_REF.finditer(data):
            owner = _owner(headers, match.start())
            if owner is not None and len(match.group(1)) <= 10:  # longer: no object number
                self._owners.setdefault(int(match.group(1)), {})[owner] = None

    def name(self, num: int) -> str:
        """The field's name, or "" when no field refers to object ``num``."""
        for owner in self._owners.get(num, {}):
            value = self._object(owner)
            if isinstance(value, dict) and value.get("V") == Ref(num):
                return _text(value.get("T"))
        return ""

    def _object(self, owner: int) -> Value | None:
        if owner not in self._parsed:
            try:
                self._parsed[owner] = parse_object_at(self._data, owner)[2]
            except (PdfSyntaxError, RecursionError):
                self._parsed[owner] = None
        return self._parsed[owner]


def _text(value: Value | None) -> str:
    """A PDF text string as ``str`` (UTF-16BE with BOM, else PDFDocEncoding ~ Latin-1)."""
    if isinstance(value, Hex):
        raw = value.decoded()
    elif isinstance(value, Raw) and value.startswith(b"("):
        raw = decode_literal(value)
    else:
        return ""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _check(
    data: bytes,
    sig: dict[str, Value] | None,
    name: str,
    known: set[str],
    roots: tuple[bytes, ...],
    curves: Curves,
) -> tuple[SignatureCheck, str]:
    """One signature's findings and its problem text (empty when it holds)."""
    try:
        if sig is None:
            raise PdfSyntaxError("signature dictionary")
        byte_range, contents, signer_info, cert = _parts(sig)
    except (PdfSyntaxError, RecursionError, *_ERRORS) as exc:
        return _broken(name, known), damaged_text(name, type(exc).__name__)
    cert_der: bytes = cert.dump()
    fingerprint = hashlib.sha256(cert_der).digest().hex(":").upper()
    span = _span_is_contents(data, byte_range, contents)
    covers = span and reaches_end(byte_range, len(data))
    intact = span and _digest_matches(data, byte_range, signer_info)
    valid = _signature_holds(signer_info, cert, curves)
    signing_time = _pdf_date(sig.get("M"))
    problem = ""
    if intact and valid and not padding_is_clean(contents):
        valid, problem = False, padding_text(name)
    if not problem and intact and valid and not _cert_matches(cert_der, signer_info):
        valid, problem = False, swapped_certificate_text(name)
    if not problem and not (intact and valid):
        problem = invalid_text(name)
    subject = _subject(cert)
    check = SignatureCheck(
        field_name=name,
        signer=subject.get("common_name", ""),
        organisation=subject.get("organization_name", ""),
        email=subject.get("email_address", ""),
        signing_time=signing_time,
        fingerprint=fingerprint,
        intact=intact,
        valid=valid,
        trusted=intact and valid and _trusted(cert, roots, curves),
        covers_whole_file=covers,
        registered=(norm(fingerprint) in known) if known else None,
        modification="none" if covers else "other",
    )
    return check, problem


def _broken(name: str, known: set[str]) -> SignatureCheck:
    return SignatureCheck(
        field_name=name,
        signer="",
        organisation="",
        email="",
        signing_time=None,
        fingerprint="",
        intact=False,
        valid=False,
        trusted=False,
        covers_whole_file=False,
        registered=False if known else None,
        modification="other",
    )


def _parts(sig: dict[str, Value]) -> tuple[list[int], bytes, Any, Any]:
    """Byte range, /Contents bytes, the one SignerInfo and the signer's certificate."""
    from asn1crypto import cms, tsp

    assert tsp  # importing it registers the ESS attribute types (signing-certificate-v2)
    byte_range = sig["ByteRange"]
    contents = sig["Contents"]
    if not (
        isinstance(byte_range, list)
        and len(byte_range) == 4
        and all(isinstance(v, int) and not isinstance(v, bool) for v in byte_range)
        and isinstance(contents, Hex)
    ):
        raise PdfSyntaxError("ByteRange or Contents")
    decoded = contents.decoded()
    info = cms.ContentInfo.load(decoded)
    if info["content_type"].native != "signed_data":
        raise ValueError("not SignedData")
    signed_data = info["content"]
    if not _is_detached(signed_data):
        raise ValueError("not a detached signature over data")
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise ValueError("not one SignerInfo")
    signer_info = signer_infos[0]
    return (
        [v for v in byte_range if isinstance(v, int)],
        decoded,
        signer_info,
        _signer_cert(signed_data, signer_info),
    )


def _is_detached(signed_data: Any) -> bool:
    """PAdES signs the byte ranges, so the CMS must carry no content of its own: with an
    eContent the message digest would be over that content, not over the file."""
    encap = signed_data["encap_content_info"]
    return bool(encap["content_type"].native == "data" and encap["content"].native is None)


def _signer_cert(signed_data: Any, signer_info: Any) -> Any:
    """The embedded certificate the SignerInfo's identifier names."""
    sid = signer_info["sid"]
    for choice in signed_data["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (
                cert.issuer == wanted["issuer"]
                and cert.serial_number == wanted["serial_number"].native
            ):
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    raise KeyError("signer certificate")


def _span_is_contents(data: bytes, byte_range: list[int], contents: bytes) -> bool:
    """``[0 a b c]``: the bytes a..b are exactly one hex string, the /Contents."""
    start1, end1, start2, length2 = byte_range
    if start1 != 0 or not 0 < end1 < start2 or length2 < 0 or start2 + length2 > len(data):
        return False
    gap = data[end1:start2]
    if _HEX_STRING.fullmatch(gap) is None or len(gap) % 2:
        return False
    return bytes.fromhex(gap[1:-1].decode("ascii")) == contents


def _digest_matches(data: bytes, byte_range: list[int], signer_info: Any) -> bool:
    start1, end1, start2, length2 = byte_range
    try:
        if signer_info["digest_algorithm"]["algorithm"].native != "sha256":
            return False
        expected = _attribute(signer_info, "message_digest")
    except _ERRORS:
        return False
    actual = hashlib.sha256(data[start1:end1] + data[start2 : start2 + length2]).digest()
    return bool(expected == actual)


def _attribute(signer_info: Any, kind: str) -> Any:
    """The value of the signed attribute ``kind``, which must appear once with one value.

    KeyError when it is absent, repeated or has several values: which copy would count is
    exactly where two verifiers can disagree (pyHanko refuses such a signature too).
    """
    found = [attr for attr in signer_info["signed_attrs"] if attr["type"].native == kind]
    if len(found) != 1 or len(found[0]["values"]) != 1:
        raise KeyError(kind)
    return found[0]["values"][0].native


def _algorithms_protected(signer_info: Any) -> bool:
    """A CMS algorithm-protection attribute (RFC 6211), when there is one, names the digest
    and signature algorithms the SignerInfo says it uses (else someone swapped them)."""
    kinds = {attr["type"].native for attr in signer_info["signed_attrs"]}
    if "cms_algorithm_protection" not in kinds:
        return True
    try:
        protection = _attribute(signer_info, "cms_algorithm_protection")
    except KeyError:
        return False
    signature = protection.get("signature_algorithm") or {}
    return bool(
        protection.get("mac_algorithm") is None
        and protection["digest_algorithm"] == signer_info["digest_algorithm"].native
        and signature == signer_info["signature_algorithm"].native
    )


def _cert_matches(cert_der: bytes, signer_info: Any) -> bool:
    try:
        attrs = signer_info["signed_attrs"]
    except _ERRORS:
        return False
    return certificate_is_the_signed_one(cert_der, attrs)


def _signature_holds(signer_info: Any, cert: Any, curves: Curves) -> bool:
    """The signature over the DER SET OF signed attributes verifies with the cert's key."""
    try:
        if _attribute(signer_info, "content_type") != "data":
            return False
        if not _algorithms_protected(signer_info):
            return False
        encoded = signer_info["signed_attrs"].dump()
        to_sign = b"\x31" + encoded[1:]  # the [0] IMPLICIT tag back to SET OF (RFC 5652 §5.4)
        algorithm = signer_info["signature_algorithm"]["algorithm"].native
        signature: bytes = signer_info["signature"].native
    except _ERRORS:
        return False
    return _key_verifies(cert, algorithm, hashlib.sha256(to_sign).digest(), signature, curves)


def _key_verifies(
    cert: Any, algorithm: str, digest: bytes, signature: bytes, curves: Curves
) -> bool:
    """ECDSA P-256 or RSA PKCS#1 v1.5, both over SHA-256; any other key or scheme fails."""
    try:
        key = cert.public_key
        kind = key["algorithm"]["algorithm"].native
        if kind == "ec" and algorithm in ("sha256_ecdsa", "ecdsa"):
            if key.curve != ("named", "secp256r1"):
                return False
            point: bytes = key["public_key"].native
            return len(point) == 65 and curves.p256_verify(point, digest, signature)
        if kind == "rsa" and algorithm in ("sha256_rsa", "rsassa_pkcs1v15"):
            parsed = key["public_key"].parsed
            return rsa_pkcs1v15_verify(
                parsed["modulus"].native, parsed["public_exponent"].native, digest, signature
            )
    except _ERRORS:
        return False
    return False


def _trusted(cert: Any, roots: tuple[bytes, ...], curves: Curves) -> bool:
    """The certificate is a root, or a root CA signed it and it may sign records now."""
    from asn1crypto import x509

    for der in roots:
        try:
            root = x509.Certificate.load(der)
            if root.dump() == cert.dump():
                return True
            if cert.self_issued or cert.issuer != root.subject or not root.ca:
                continue  # a self-made certificate is never trusted through itself
            algorithm = cert["signature_algorithm"]["algorithm"].native
            digest = hashlib.sha256(cert["tbs_certificate"].dump()).digest()
            signature = cert["signature_value"].native
            if _key_verifies(root, algorithm, digest, signature, curves) and _may_sign(cert):
                return True
        except _ERRORS:
            continue
    return False


def _may_sign(cert: Any) -> bool:
    """What pyHanko's validator asks of an issued signer certificate besides the CA's
    signature: valid now (the /M date is the signer's own claim, so a forger with an expired
    certificate would simply backdate it), the non-repudiation key usage, and no critical
    extension the check does not understand."""
    validity = cert["tbs_certificate"]["validity"]
    now = datetime.now(UTC)
    if not validity["not_before"].native <= now <= validity["not_after"].native:
        return False
    usage = cert.key_usage_value
    if usage is None or "non_repudiation" not in usage.native:
        return False
    return not cert.critical_extensions - _KNOWN_CRITICAL


def _subject(cert: Any) -> dict[str, str]:
    """The subject's attributes as text (the first value where one repeats)."""
    try:
        native = cert.subject.native
    except _ERRORS:
        return {}
    result: dict[str, str] = {}
    for key, value in native.items():
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, str):
            result[key] = first
    return result


def _pdf_date(value: Value | None) -> datetime | None:
    """``D:YYYYMMDDHHmmSS`` with ``Z`` or ``+HH'mm'`` (the signature's /M), or None."""
    match = _PDF_DATE.match(_text(value))
    if match is None:
        return None
    zone = match.group(7) or "Z"
    try:
        tz: timezone = UTC
        if zone != "Z":
            digits = zone[1:].replace("'", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            tz = timezone(offset if zone[0] == "+" else -offset)
        year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
