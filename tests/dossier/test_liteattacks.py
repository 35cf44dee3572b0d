"""Hostile files against the lite verifier (``_liteverify``), each compared with pyHanko's.

A forged or altered record must never be GELDIG: the lite verdict may be stricter than
pyHanko's, never looser. Most attacks here are made by someone who holds a signing key (the
record's own, a forger's, an organisation's CA-issued one), because that is the only way to get
a signature that holds at all: without the key the signed bytes, and so the byte range and the
signed attributes, cannot change. The record they start from is a lite-signed one with extra
room in /Contents, so that a larger, reshaped CMS still fits.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from record_samples import WHEN, sample_identity, sample_record

from privacyapp.dossier import (
    SigningIdentity,
    VerificationReport,
    _litesign,
    create_identity,
    verify_pdf,
)
from privacyapp.dossier._liteverify import MAX_SIGNATURES, lite_verify_pdf

logging.getLogger("pyhanko").disabled = True

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256 group order
DATA_OID = "1.2.840.113549.1.7.1"
SIGNED_DATA_OID = "1.2.840.113549.1.7.2"


# ------------------------------------------------------------------------------------ helpers


@dataclass(frozen=True)
class Base:
    """A genuine lite-signed record with room for a bigger CMS, and what its signature covers."""

    data: bytes
    byte_range: tuple[int, int, int, int]
    identity: SigningIdentity

    @property
    def digest(self) -> bytes:
        return _range_digest(self.data, self.byte_range)

    @property
    def fingerprint(self) -> list[str]:
        return [self.identity.fingerprint]


def _range_digest(data: bytes, byte_range: tuple[int, int, int, int]) -> bytes:
    start1, len1, start2, len2 = byte_range
    return hashlib.sha256(data[start1 : start1 + len1] + data[start2 : start2 + len2]).digest()


def _byte_range(data: bytes) -> tuple[int, int, int, int]:
    match = re.search(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]", data)
    assert match is not None
    a, b, c, d = (int(v) for v in match.groups())
    return a, b, c, d


def _roomy(identity: SigningIdentity) -> Base:
    """Sign the sample record with ``identity``, reserving 12 kB for the CMS."""
    key = hashlib.sha256(identity.certificate_der).hexdigest()
    _litesign._RESERVED[key] = 12_000
    try:
        data = _litesign.make_lite_signed_record(sample_record(), identity)
    finally:
        del _litesign._RESERVED[key]
    return Base(data, _byte_range(data), identity)


@pytest.fixture(scope="module")
def base() -> Base:
    return _roomy(sample_identity())


def _tlv(tag: int, body: bytes) -> bytes:
    """One DER element (definite length, minimal length octets)."""
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(octets)]) + octets + body


def _attr(kind: str, *values: object) -> bytes:
    from asn1crypto import cms, tsp

    assert tsp  # registers signing-certificate-v2
    return bytes(cms.CMSAttribute({"type": kind, "values": list(values)}).dump())


def _protection(digest: str = "sha256", signature: str = "sha256_ecdsa") -> bytes:
    return _attr(
        "cms_algorithm_protection",
        {
            "digest_algorithm": {"algorithm": digest},
            "signature_algorithm": {"algorithm": signature},
        },
    )


def _ess(cert_der: bytes) -> bytes:
    from asn1crypto import x509

    cert = x509.Certificate.load(cert_der)
    return _attr("signing_certificate_v2", {"certs": [_litesign._ess_cert_id(cert)]})


def _attrs(digest: bytes, cert_der: bytes, signature: str = "sha256_ecdsa") -> list[bytes]:
    """The four signed attributes the app writes (PAdES B-B)."""
    return [
        _attr("content_type", "data"),
        _attr("message_digest", digest),
        _ess(cert_der),
        _protection(signature=signature),
    ]


def _ec_signer(identity: SigningIdentity) -> Callable[[bytes], bytes]:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = serialization.load_der_private_key(identity.key_der, None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return lambda data: key.sign(data, ec.ECDSA(hashes.SHA256()))


def _sid(cert_der: bytes) -> bytes:
    from asn1crypto import core, x509

    cert = x509.Certificate.load(cert_der)
    return _tlv(0x30, cert.issuer.dump() + core.Integer(cert.serial_number).dump())


@dataclass
class Cms:
    """A CMS SignedData built element by element, so each part can be bent on its own."""

    attrs: list[bytes]
    sign: Callable[[bytes], bytes]
    cert_der: bytes
    certs: list[bytes] | None = None
    sid: bytes | None = None
    digest_algorithm: str = "sha256"
    signature_algorithm: str = "sha256_ecdsa"
    #: the signed attributes as written ([0] IMPLICIT SET OF); None: DER of ``attrs``, sorted
    written: bytes | None = None
    #: the bytes the signature is over; None: ``written`` with the SET OF tag
    signed_over: bytes | None = None
    signature: bytes | None = None
    encap: bytes | None = None
    extra_signer_infos: int = 0

    def signed_attrs(self) -> bytes:
        return self.written or _tlv(0xA0, b"".join(sorted(self.attrs)))

    def signature_value(self) -> bytes:
        if self.signature is not None:
            return self.signature
        return self.sign(self.signed_over or b"\x31" + self.signed_attrs()[1:])

    def signer_info(self) -> bytes:
        from asn1crypto import algos, core

        return _tlv(
            0x30,
            core.Integer(1).dump()
            + (self.sid or _sid(self.cert_der))
            + algos.DigestAlgorithm({"algorithm": self.digest_algorithm}).dump()
            + self.signed_attrs()
            + algos.SignedDigestAlgorithm({"algorithm": self.signature_algorithm}).dump()
            + core.OctetString(self.signature_value()).dump(),
        )

    def dump(self) -> bytes:
        from asn1crypto import algos, core

        info = self.signer_info()
        digests = _tlv(0x31, algos.DigestAlgorithm({"algorithm": self.digest_algorithm}).dump())
        encap = self.encap or _tlv(0x30, core.ObjectIdentifier(DATA_OID).dump())
        certs = _tlv(0xA0, b"".join(self.certs if self.certs is not None else [self.cert_der]))
        infos = _tlv(0x31, info * (1 + self.extra_signer_infos))
        signed_data = _tlv(0x30, core.Integer(1).dump() + digests + encap + certs + infos)
        oid = core.ObjectIdentifier(SIGNED_DATA_OID).dump()
        return _tlv(0x30, oid + _tlv(0xA0, signed_data))


def _cms(base: Base, **changes: Any) -> Cms:
    """The record's own CMS, rebuilt, with ``changes``."""
    identity = base.identity
    parts = Cms(
        attrs=_attrs(base.digest, identity.certificate_der),
        sign=_ec_signer(identity),
        cert_der=identity.certificate_der,
    )
    return replace(parts, **changes)


def _embed(base: Base, cms_der: bytes, data: bytes | None = None) -> bytes:
    """``data`` (default: the record) with ``cms_der`` in the signature's /Contents room."""
    data = base.data if data is None else data
    _, end1, start2, _ = base.byte_range
    room = start2 - end1 - 2
    digits = cms_der.hex().upper().encode()
    assert len(digits) <= room
    return data[: end1 + 1] + digits + b"0" * (room - len(digits)) + data[start2 - 1 :]


def _both(data: bytes, **kwargs: Any) -> tuple[VerificationReport, VerificationReport]:
    """pyHanko's report and the lite one; the lite verdict is never looser than pyHanko's."""
    native = verify_pdf(data, **kwargs)
    lite = lite_verify_pdf(data, **kwargs)
    assert native.ok or not lite.ok, ("lite accepts what pyHanko refuses", native.problems)
    return native, lite


def test_the_harness_rebuilds_a_record_both_accept(base: Base) -> None:
    native, lite = _both(_embed(base, _cms(base).dump()), registered=base.fingerprint)
    assert native.ok and lite.ok and lite.codes == native.codes == ()


# ------------------------------------------------------------------ 1. byte range and layout


def _rewrite_range(base: Base, values: tuple[int, ...]) -> bytes:
    """Write another /ByteRange over the record's (same width, so no offset moves)."""
    placeholder = _litesign._BYTE_RANGE_PLACEHOLDER
    at = base.data.index(b"/ByteRange [") + len(b"/ByteRange ")
    text = ("[" + " ".join(str(v) for v in values) + "]").encode().ljust(len(placeholder))
    assert len(text) == len(placeholder)
    return base.data[:at] + text + base.data[at + len(placeholder) :]


def _resigned(base: Base, values: tuple[int, int, int, int]) -> bytes:
    """The key holder claims the ranges ``values`` and signs exactly those bytes."""
    data = _rewrite_range(base, values)
    digest = _range_digest(data, values)
    parts = _cms(base, attrs=_attrs(digest, base.identity.certificate_der))
    return _embed(base, parts.dump(), data)


def _skips_the_end(base: Base) -> bytes:
    start1, end1, start2, len2 = base.byte_range
    return _resigned(base, (start1, end1, start2, len2 - 40))


def _gap_holds_more(base: Base) -> bytes:
    start1, end1, start2, len2 = base.byte_range
    return _resigned(base, (start1, end1, start2 + 12, len2 - 12))


def _gap_starts_early(base: Base) -> bytes:
    start1, end1, start2, len2 = base.byte_range
    return _resigned(base, (start1, end1 - 10, start2, len2))


def _gap_is_the_trailer_id(base: Base) -> bytes:
    """The gap is another hex string (the trailer /ID); /Contents falls inside the signed part."""
    match = list(re.finditer(rb"<[0-9A-Fa-f]{32}>", base.data))[-1]
    size = len(base.data)
    return _resigned(base, (0, match.start(), match.end(), size - match.end()))


def _overlapping(base: Base) -> bytes:
    _, end1, start2, len2 = base.byte_range
    return _resigned(base, (0, start2 + 5, end1, len2 + start2 - end1))


def _not_from_zero(base: Base) -> bytes:
    _, end1, start2, len2 = base.byte_range
    return _resigned(base, (1, end1 - 1, start2, len2))


def _negative(base: Base) -> bytes:
    _, end1, start2, len2 = base.byte_range
    return _rewrite_range(base, (0, end1, -start2, len2))


def _five_numbers(base: Base) -> bytes:
    _, end1, start2, len2 = base.byte_range
    return _rewrite_range(base, (0, end1, start2, len2, 0))


def _whitespace_in_the_gap(base: Base) -> bytes:
    """Two padding zeros become spaces: the same CMS, but the gap is no longer one plain
    hex string."""
    _, _, start2, _ = base.byte_range
    return base.data[: start2 - 3] + b"  " + base.data[start2 - 1 :]


def _comment_after_the_hex(base: Base) -> bytes:
    """The gap ends in ``>%`` and a comment: only the hex string may be unsigned."""
    _, _, start2, _ = base.byte_range
    return base.data[: start2 - 4] + b">%x" + base.data[start2 - 1 :]


def _append(base: Base, body: bytes) -> bytes:
    """An incremental update with ``body`` and a classic xref table for its first object."""
    data = base.data
    offset = len(data)
    match = re.match(rb"(\d+) 0 obj", body)
    assert match is not None
    xref = offset + len(body)
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    table = f"xref\n{match.group(1).decode()} 1\n{offset:010d} 00000 n \n".encode()
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    root = re.findall(rb"/Root (\d+ 0 R)", data)[-1]
    trailer = b"trailer\n<< /Size %d /Root %s /Prev %d >>\n" % (size, root, startxref)
    return data + body + table + trailer + f"startxref\n{xref}\n%%EOF\n".encode()


def _sig_number(base: Base) -> int:
    match = re.search(rb"(\d+) 0 obj\s*<<\s*/Type /Sig", base.data)
    assert match is not None
    return int(match.group(1))


def _replaced_signature_dictionary(base: Base) -> bytes:
    """An update redefines the signature object: a new dictionary with the same CMS and a
    byte range that claims to reach the new end of the file."""
    _, end1, start2, len2 = base.byte_range
    contents = base.data[end1:start2]
    body = (
        f"{_sig_number(base)} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite "
        f"/SubFilter /ETSI.CAdES.detached /ByteRange [0 {end1} {start2} {len2 + 400}] "
        "/Contents "
    ).encode()
    return _append(base, body + contents + b" >>\nendobj\n")


def _hidden_in_an_object_stream(base: Base) -> bytes:
    """A second signature dictionary inside a compressed object stream, with an xref stream:
    the lite reader cannot look inside, so the file must still be refused."""
    inner = b"<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>"
    number = 900
    header = f"{number} 0 ".encode()
    packed = zlib.compress(header + inner)
    stream = (
        (
            f"901 0 obj\n<< /Type /ObjStm /N 1 /First {len(header)} /Filter /FlateDecode "
            f"/Length {len(packed)} >>\nstream\n"
        ).encode()
        + packed
        + b"\nendstream\nendobj\n"
    )
    data = base.data
    at = len(data)
    xref_at = at + len(stream)
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    root = re.findall(rb"/Root (\d+ 0 R)", data)[-1]
    rows = bytes([1]) + at.to_bytes(4, "big") + b"\x00" + bytes([2]) + (901).to_bytes(4, "big")
    rows += b"\x00" + bytes([1]) + xref_at.to_bytes(4, "big") + b"\x00"
    xref = (
        (
            f"902 0 obj\n<< /Type /XRef /Size 903 /Index [901 1 900 1 902 1] /W [1 4 1] "
            f"/Root {root.decode()} /Prev {startxref} /Length {len(rows)} >>\nstream\n"
        ).encode()
        + rows
        + b"\nendstream\nendobj\n"
    )
    return data + stream + xref + f"startxref\n{xref_at}\n%%EOF\n".encode()


LAYOUT: dict[str, Callable[[Base], bytes]] = {
    "skips the last bytes": _skips_the_end,
    "gap holds more than the hex string": _gap_holds_more,
    "gap starts inside the dictionary": _gap_starts_early,
    "gap is another hex string": _gap_is_the_trailer_id,
    "overlapping ranges": _overlapping,
    "range not from byte 0": _not_from_zero,
    "negative offset": _negative,
    "five numbers": _five_numbers,
    "whitespace in the gap": _whitespace_in_the_gap,
    "comment after the hex string": _comment_after_the_hex,
    "update replaces the signature dictionary": _replaced_signature_dictionary,
    "second signature in an object stream": _hidden_in_an_object_stream,
}


@pytest.mark.parametrize("case", list(LAYOUT))
def test_byte_range_and_layout_tricks_are_refused(base: Base, case: str) -> None:
    data = LAYOUT[case](base)
    _, lite = _both(data, registered=base.fingerprint)
    assert not lite.ok, case
    assert lite.codes, case


def test_a_replaced_signature_dictionary_counts_as_a_second_signature(base: Base) -> None:
    _, lite = _both(_replaced_signature_dictionary(base))
    assert "several-signatures" in lite.codes


# ------------------------------------------------------------------------------ 2. CMS tricks


def _ber_attrs(base: Base, *, over_der: bool) -> Cms:
    """Signed attributes written with an indefinite length (BER)."""
    parts = _cms(base)
    body = b"".join(sorted(parts.attrs))
    der = b"\x31" + _tlv(0xA0, body)[1:]
    ber = b"\xa0\x80" + body + b"\x00\x00"
    return replace(parts, written=ber, signed_over=der if over_der else b"\x31" + ber[1:])


def _with_attrs(base: Base, edit: Callable[[list[bytes]], list[bytes]]) -> Cms:
    parts = _cms(base)
    return replace(parts, attrs=edit(list(parts.attrs)))


def _other_cert(base: Base) -> bytes:
    real = base.identity
    return create_identity(
        name=real.name, organisation=real.organisation, email=real.email, now=WHEN
    ).certificate_der


def _sha512_digest(base: Base) -> bytes:
    start1, len1, start2, len2 = base.byte_range
    data = base.data
    return hashlib.sha512(data[start1 : start1 + len1] + data[start2 : start2 + len2]).digest()


def _encapsulated(base: Base) -> Cms:
    from asn1crypto import core

    content = _tlv(0xA0, core.OctetString(b"Ja, de ouders gaven toestemming").dump())
    return _cms(base, encap=_tlv(0x30, core.ObjectIdentifier(DATA_OID).dump() + content))


def _ess_v1(base: Base) -> bytes:
    sha1 = hashlib.sha1(base.identity.certificate_der).digest()  # noqa: S324 - ESS v1 is SHA-1
    return _attr("signing_certificate", {"certs": [{"cert_hash": sha1}]})


#: case -> (how the CMS is bent, whether a verifier may still accept it)
CMS_CASES: dict[str, tuple[Callable[[Base], Cms], bool]] = {
    "BER signed attributes, signature over the DER": (lambda b: _ber_attrs(b, over_der=True), True),
    "BER signed attributes, signature over the BER": (
        lambda b: _ber_attrs(b, over_der=False),
        False,
    ),
    "no message digest": (lambda b: _with_attrs(b, lambda a: [a[0], a[2], a[3]]), False),
    "no content type": (lambda b: _with_attrs(b, lambda a: a[1:]), False),
    "no signing certificate": (lambda b: _with_attrs(b, lambda a: [a[0], a[1], a[3]]), False),
    "second, wrong message digest": (
        lambda b: _with_attrs(b, lambda a: [*a, _attr("message_digest", b"\x00" * 32)]),
        False,
    ),
    "message digest with two values": (
        lambda b: _with_attrs(
            b, lambda a: [a[0], _attr("message_digest", b.digest, b"\x00" * 32), a[2], a[3]]
        ),
        False,
    ),
    "second content type": (
        lambda b: _with_attrs(b, lambda a: [*a, _attr("content_type", "signed_data")]),
        False,
    ),
    "content type with two values": (
        lambda b: _with_attrs(b, lambda a: [_attr("content_type", "data", "signed_data"), *a[1:]]),
        False,
    ),
    "second signing certificate naming another": (
        lambda b: _with_attrs(b, lambda a: [*a, _ess(_other_cert(b))]),
        False,
    ),
    "ESS v2 right, ESS v1 wrong": (
        lambda b: _with_attrs(
            b, lambda a: [*a, _attr("signing_certificate", {"certs": [{"cert_hash": bytes(20)}]})]
        ),
        False,
    ),
    "only ESS v1 (SHA-1)": (
        lambda b: _with_attrs(b, lambda a: [a[0], a[1], _ess_v1(b), a[3]]),
        True,
    ),
    "signing certificate names another": (
        lambda b: _with_attrs(b, lambda a: [a[0], a[1], _ess(_other_cert(b)), a[3]]),
        False,
    ),
    "digest algorithm SHA-512, message digest SHA-256": (
        lambda b: _cms(b, digest_algorithm="sha512"),
        False,
    ),
    "message digest is SHA-512 of the ranges": (
        lambda b: _with_attrs(
            b, lambda a: [a[0], _attr("message_digest", _sha512_digest(b)), *a[2:]]
        ),
        False,
    ),
    "algorithm protection names SHA-512": (
        lambda b: _with_attrs(b, lambda a: [*a[:3], _protection("sha512", "sha512_ecdsa")]),
        False,
    ),
    "algorithm protection names RSA": (
        lambda b: _with_attrs(b, lambda a: [*a[:3], _protection(signature="sha256_rsa")]),
        False,
    ),
    "two algorithm protections": (
        lambda b: _with_attrs(b, lambda a: [*a, _protection(signature="sha256_rsa")]),
        False,
    ),
    "encapsulated content (not detached)": (_encapsulated, False),
    "two SignerInfos": (lambda b: _cms(b, extra_signer_infos=1), False),
    "signer is not the first certificate": (
        lambda b: _cms(b, certs=[_other_cert(b), b.identity.certificate_der]),
        True,
    ),
    "signer identified by subjectKeyIdentifier": (
        lambda b: _cms(b, sid=_tlv(0x80, _ski(b.identity.certificate_der))),
        True,
    ),
    "another certificate embedded than the one signed": (
        lambda b: _cms(b, certs=[_other_cert(b)]),
        False,
    ),
    "RSA signature algorithm on an EC key": (
        lambda b: _cms(
            b,
            signature_algorithm="sha256_rsa",
            attrs=_attrs(b.digest, b.identity.certificate_der, "sha256_rsa"),
        ),
        False,
    ),
}


def _ski(cert_der: bytes) -> bytes:
    from asn1crypto import x509

    identifier: bytes = x509.Certificate.load(cert_der).key_identifier
    return identifier


@pytest.mark.parametrize("case", list(CMS_CASES))
def test_cms_tricks_get_the_same_verdict_as_pyhanko(base: Base, case: str) -> None:
    make, may_hold = CMS_CASES[case]
    native, lite = _both(_embed(base, make(base).dump()), registered=base.fingerprint)
    assert lite.ok == native.ok == may_hold, (native.problems, lite.problems)


# ----------------------------------------------------------------------------- 3. ECDSA, RSA


def _signature_parts(base: Base) -> tuple[int, int]:
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    parts = _cms(base)
    r, s = decode_dss_signature(parts.signature_value())
    return r, s


def _der_sig(r: int, s: int) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    return encode_dss_signature(r, s)


def _ecdsa_cases(base: Base) -> Iterator[tuple[str, bytes, bool]]:
    """(name, signature value, may it hold); ``r, s`` is a good signature over the record's
    own signed attributes (PyCA's nonce is random, so each run gets another one)."""
    r, s = _signature_parts(base)
    good = _der_sig(r, s)
    yield "the good one", good, True
    yield "low/high s swapped (malleable, same signer)", _der_sig(r, N - s), True
    yield "r = 0", _der_sig(0, s), False
    yield "s = 0", _der_sig(r, 0), False
    yield "r = n", _der_sig(N, s), False
    yield "r + n", _der_sig(r + N, s), False
    yield "s + n", _der_sig(r, s + N), False
    yield "trailing byte", good + b"\x00", False
    yield "trailing bytes inside the SEQUENCE", _tlv(0x30, good[2:] + b"\x05\x00"), False
    padded = b"\x02\x22\x00\x00" + r.to_bytes(32, "big")
    yield "non-minimal INTEGER", _tlv(0x30, padded + _der_sig(0, s)[5:]), False
    yield "indefinite-length SEQUENCE", b"\x30\x80" + good[2:] + b"\x00\x00", False
    yield "raw r || s", r.to_bytes(32, "big") + s.to_bytes(32, "big"), False
    yield "empty", b"", False


def test_ecdsa_edge_cases(base: Base) -> None:
    for name, signature, may_hold in _ecdsa_cases(base):
        data = _embed(base, _cms(base, signature=signature).dump())
        native, lite = _both(data, registered=base.fingerprint)
        assert lite.ok == native.ok == may_hold, name


def _with_point(base: Base, point: bytes) -> bytes:
    """The record's certificate with another public-key point (its own signature broken)."""
    from asn1crypto import keys, x509

    cert = x509.Certificate.load(base.identity.certificate_der)
    tbs = cert["tbs_certificate"].copy()
    parameters = keys.ECDomainParameters(name="named", value="secp256r1")
    tbs["subject_public_key_info"] = keys.PublicKeyInfo(
        {"algorithm": {"algorithm": "ec", "parameters": parameters}, "public_key": point}
    )
    changed = x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": "sha256_ecdsa"},
            "signature_value": cert["signature_value"].native,
        }
    )
    return bytes(changed.dump())


def test_public_key_tricks_are_refused(base: Base) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = serialization.load_der_private_key(base.identity.key_der, None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    pub = key.public_key()
    full = pub.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    compressed = pub.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
    points = {
        "compressed (lite refuses, pyHanko accepts)": compressed,
        "hybrid (lite refuses, pyHanko accepts)": bytes([6 + (full[-1] & 1)]) + full[1:],
        "point at infinity": b"\x00",
        "not on the curve": full[:-1] + bytes([full[-1] ^ 1]),
        "coordinates above p": b"\x04" + b"\xff" * 64,
        "too short": full[:40],
    }
    for name, point in points.items():
        cert_der = _with_point(base, point)
        parts = _cms(base, cert_der=cert_der, attrs=_attrs(base.digest, cert_der))
        fingerprint = hashlib.sha256(cert_der).digest().hex(":").upper()
        _, lite = _both(_embed(base, parts.dump()), registered=[fingerprint])
        assert not lite.ok, name


@dataclass(frozen=True)
class RsaSigner:
    key: Any
    identity: SigningIdentity

    def raw(self, block: bytes) -> bytes:
        """The RSA private operation on ``block`` (any padding a forger likes)."""
        numbers = self.key.private_numbers()
        n = numbers.public_numbers.n
        return pow(int.from_bytes(block, "big"), numbers.d, n).to_bytes(256, "big")


def _rsa_identity(exponent: int) -> RsaSigner:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=exponent, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bo Jansen")])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(9)
        .not_valid_before(WHEN - timedelta(days=1)).not_valid_after(WHEN + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return RsaSigner(key, _imported(cert, key, name="Bo Jansen"))


def _imported(
    cert: Any, key: Any, *, name: str, organisation: str = "", chain: tuple[bytes, ...] = ()
) -> SigningIdentity:
    """A PyCA certificate and key as the identity a .p12 import gives."""
    from cryptography.hazmat.primitives import serialization

    der = serialization.Encoding.DER
    return SigningIdentity(
        name=name,
        organisation=organisation,
        email="",
        role="",
        certificate_der=cert.public_bytes(der),
        key_der=key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        chain_der=chain,
        origin="pkcs12",
    )


@pytest.fixture(scope="module", params=[65537, 3], ids=["e=65537", "e=3"])
def rsa_signer(request: pytest.FixtureRequest) -> RsaSigner:
    return _rsa_identity(request.param)


_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _block(middle: bytes, tail: bytes, *, head: bytes = b"\x00\x01") -> bytes:
    """``head || FF… || 00 || middle || tail``, 256 bytes."""
    pad = 256 - len(head) - 1 - len(middle) - len(tail)
    return head + b"\xff" * pad + b"\x00" + middle + tail


def _cube_root_forgery(digest: bytes) -> bytes:
    """Bleichenbacher 2006: for e = 3, a cube that starts like a good block and ends in junk."""
    prefix = b"\x00\x01\xff\x00" + _DIGEST_INFO + digest
    target = int.from_bytes(prefix + b"\xff" * (256 - len(prefix)), "big")
    low, high = 0, 1 << (target.bit_length() // 3 + 2)
    while low < high:
        mid = (low + high) // 2
        low, high = (mid + 1, high) if mid**3 < target else (low, mid)
    root = low
    while (root**3).to_bytes(256, "big")[: len(prefix)] != prefix:
        root -= 1
    return root.to_bytes(256, "big")


def test_rsa_forgeries_are_refused(base: Base, rsa_signer: RsaSigner) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    cert_der = rsa_signer.identity.certificate_der
    parts = replace(
        _cms(base),
        attrs=_attrs(base.digest, cert_der, "sha256_rsa"),
        cert_der=cert_der,
        signature_algorithm="sha256_rsa",
        sign=lambda data: rsa_signer.key.sign(data, padding.PKCS1v15(), hashes.SHA256()),
    )
    digest = hashlib.sha256(b"\x31" + parts.signed_attrs()[1:]).digest()
    good = parts.signature_value()
    modulus = rsa_signer.key.public_key().public_numbers().n
    without_null = bytes.fromhex("302f300b06096086480165030402010420")
    cases = {
        "the good one": (good, True),
        "one byte short": (good[1:], False),
        "signature + n": ((int.from_bytes(good, "big") + modulus).to_bytes(257, "big"), False),
        "block type 02": (rsa_signer.raw(_block(_DIGEST_INFO, digest, head=b"\x00\x02")), False),
        "DigestInfo without NULL": (rsa_signer.raw(_block(without_null, digest)), False),
        "junk after the digest": (rsa_signer.raw(_block(_DIGEST_INFO, digest + bytes(8))), False),
        "garbage DigestInfo": (rsa_signer.raw(_block(b"\x30\x31" + bytes(17), digest)), False),
    }
    if rsa_signer.key.public_key().public_numbers().e == 3:
        cases["e = 3 cube-root forgery (no private key)"] = (_cube_root_forgery(digest), False)
    fingerprint = [rsa_signer.identity.fingerprint]
    for name, (signature, may_hold) in cases.items():
        data = _embed(base, replace(parts, signature=signature).dump())
        native, lite = _both(data, registered=fingerprint)
        assert lite.ok == native.ok == may_hold, name


def _rsa_certificate(modulus: int, exponent: int) -> bytes:
    """A certificate with any RSA numbers (its own signature is not valid)."""
    from asn1crypto import keys, x509

    cert = x509.Certificate.load(sample_identity().certificate_der)
    tbs = cert["tbs_certificate"].copy()
    tbs["subject_public_key_info"] = keys.PublicKeyInfo(
        {
            "algorithm": {"algorithm": "rsa"},
            "public_key": keys.RSAPublicKey({"modulus": modulus, "public_exponent": exponent}),
        }
    )
    tbs["signature"] = {"algorithm": "sha256_rsa"}
    return bytes(
        x509.Certificate(
            {
                "tbs_certificate": tbs,
                "signature_algorithm": {"algorithm": "sha256_rsa"},
                "signature_value": b"\x01" * (modulus.bit_length() // 8),
            }
        ).dump()
    )


def test_a_huge_rsa_key_cannot_keep_the_check_busy(base: Base) -> None:
    """A 16 000-bit modulus with an exponent as large: about 10 s of ``pow`` per signature in
    CPython (more in the browser), so the key size is capped as OpenSSL caps it."""
    bits = 16_000
    modulus = (1 << bits) - 159
    data = base.data
    for exponent in (modulus - 2, 65537):
        cert_der = _rsa_certificate(modulus, exponent)
        parts = _cms(
            base,
            cert_der=cert_der,
            attrs=_attrs(base.digest, cert_der, "sha256_rsa"),
            signature_algorithm="sha256_rsa",
            signature=(12345).to_bytes(bits // 8, "big"),
        )
        data = _embed(base, parts.dump())
        began = time.monotonic()
        assert not lite_verify_pdf(data).ok
        assert time.monotonic() - began < 2


def test_rsa_key_limits() -> None:
    from privacyapp.dossier._curves import rsa_pkcs1v15_verify

    digest, signature = bytes(32), (7).to_bytes(256, "big")
    modulus = (1 << 2048) - 159
    began = time.monotonic()
    for exponent in (1, 2, 65536, (1 << 65) + 1, modulus - 2):
        assert not rsa_pkcs1v15_verify(modulus, exponent, digest, signature), exponent
    big = (1 << 16_392) - 1
    assert not rsa_pkcs1v15_verify(big, 65537, digest, (7).to_bytes(2049, "big"))
    assert time.monotonic() - began < 1


# ------------------------------------------------------------------------------ 4. trust roots


@dataclass(frozen=True)
class Ca:
    key: Any
    cert: Any

    @property
    def der(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        data: bytes = self.cert.public_bytes(serialization.Encoding.DER)
        return data


def _make_ca(*, cn: str = "Gemeente Zwolle CA", ca: bool = True) -> Ca:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(WHEN - timedelta(days=30)).not_valid_after(WHEN + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return Ca(key, cert)


@pytest.fixture(scope="module")
def org_ca() -> Ca:
    return _make_ca()


_SIGNING = (True, True, False, False, False, False, False, False, False)  # + non-repudiation
_DIGITAL_ONLY = (True, False, False, False, False, False, False, False, False)
_CERT_SIGN_ONLY = (False, False, False, False, False, True, False, False, False)


def _issued(
    issuer: Ca,
    *,
    before: datetime = WHEN - timedelta(days=1),
    after: datetime = WHEN + timedelta(days=365),
    usage: tuple[bool, ...] | None = _SIGNING,
    critical: Any = None,
    ca: bool | None = None,
) -> SigningIdentity:
    """A signer certificate ``issuer`` made, with its key, as a .p12 from IT would hold."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Sam Bakker"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Gemeente Zwolle"),
        ]
    )
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer.cert.subject)
        .public_key(key.public_key()).serial_number(2)
        .not_valid_before(before).not_valid_after(after)
    )  # fmt: skip
    if usage is not None:
        builder = builder.add_extension(x509.KeyUsage(*usage), critical=True)
    if ca is not None:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
    if critical is not None:
        builder = builder.add_extension(critical, critical=True)
    cert = builder.sign(issuer.key, hashes.SHA256())
    return _imported(
        cert, key, name="Sam Bakker", organisation="Gemeente Zwolle", chain=(issuer.der,)
    )


def _unknown_extension() -> Any:
    from cryptography import x509

    return x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.4.1.99999.1"), b"\x05\x00")


def _trust(identity: SigningIdentity, roots: list[bytes], when: datetime = WHEN) -> tuple[
    bool, bool
]:  # fmt: skip
    """Sign a record at ``when`` (its /M) and return (pyHanko trusted, lite trusted)."""
    data = _litesign.make_lite_signed_record(replace(sample_record(), created_at=when), identity)
    native, lite = _both(data, trust_roots=roots)
    assert native.ok and lite.ok  # trust never makes a record (in)valid, the fingerprint does
    return native.signatures[0].trusted, lite.signatures[0].trusted


def test_an_issued_certificate_is_trusted_by_both(org_ca: Ca) -> None:
    assert _trust(_issued(org_ca), [org_ca.der]) == (True, True)


def test_an_expired_certificate_is_not_trusted_by_backdating_the_record(org_ca: Ca) -> None:
    """/M is the signer's own claim: validity counts now, as pyHanko counts it."""
    expired = _issued(org_ca, before=WHEN - timedelta(days=400), after=WHEN - timedelta(days=30))
    assert _trust(expired, [org_ca.der], WHEN - timedelta(days=100)) == (False, False)
    soon = datetime.now(UTC) + timedelta(days=100)
    future = _issued(org_ca, before=soon, after=soon + timedelta(days=400))
    assert _trust(future, [org_ca.der], soon + timedelta(days=1)) == (False, False)


@pytest.mark.parametrize(
    "usage", [_DIGITAL_ONLY, _CERT_SIGN_ONLY, None], ids=["digital-signature", "cert-sign", "none"]
)
def test_a_certificate_without_non_repudiation_is_not_trusted(
    org_ca: Ca, usage: tuple[bool, ...] | None
) -> None:
    assert _trust(_issued(org_ca, usage=usage), [org_ca.der]) == (False, False)


def test_an_unknown_critical_extension_is_not_trusted(org_ca: Ca) -> None:
    assert _trust(_issued(org_ca, critical=_unknown_extension()), [org_ca.der]) == (False, False)


def test_a_self_made_ca_with_the_same_name_is_not_trusted(org_ca: Ca) -> None:
    lookalike = _make_ca()  # same subject, another key
    assert lookalike.cert.subject == org_ca.cert.subject
    assert _trust(_issued(lookalike), [org_ca.der]) == (False, False)


def test_a_certificate_issued_by_a_non_ca_is_not_trusted(org_ca: Ca) -> None:
    """A signer's own certificate registered as a root cannot issue others (lite is stricter
    than pyHanko here, which trusts such a root as an anchor)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    leaf = _issued(org_ca)
    as_issuer = Ca(
        serialization.load_der_private_key(leaf.key_der, None),
        x509.load_der_x509_certificate(leaf.certificate_der),
    )
    assert _trust(_issued(as_issuer), [as_issuer.der]) == (True, False)
    assert _trust(_issued(as_issuer), [org_ca.der]) == (False, False)  # no chain through it


def test_a_registered_fingerprint_of_one_signer_does_not_pass_another(
    base: Base, org_ca: Ca
) -> None:
    other = _litesign.make_lite_signed_record(sample_record(), _issued(org_ca))
    _, lite = _both(other, registered=base.fingerprint, trust_roots=[org_ca.der])
    assert not lite.ok and "not-registered" in lite.codes
    assert lite.signatures[0].trusted  # trusted by the CA, still not the registered signer


# ------------------------------------------------------------------------------- 5. robustness


def _quick(data: bytes) -> VerificationReport:
    began = time.monotonic()
    report = lite_verify_pdf(data)
    assert time.monotonic() - began < 3, len(data)
    assert isinstance(report, VerificationReport) and not report.ok
    return report


def test_thousands_of_signature_dictionaries_are_checked_quickly() -> None:
    """Each signature used to search the whole file for its field: minutes for a few MB."""
    objects = b"".join(
        b"%d 0 obj<</ByteRange[0 1 2 3]/Contents<3000>/Type/Sig>>endobj\n" % i
        for i in range(1, 20_000)
    )
    report = _quick(b"%PDF-1.7\n" + objects + b"xref\nstartxref\n9\n%%EOF")
    assert "several-signatures" in report.codes
    assert len(report.signatures) == MAX_SIGNATURES
    # the text does not claim the file has just the ones checked
    assert any(f"meer dan {MAX_SIGNATURES} handtekeningen" in p for p in report.problems)


def test_one_object_with_many_inline_signatures_is_bounded() -> None:
    one = b"<</ByteRange[0 1 2 3]/Contents<3000>/Type/Sig>>"
    body = b"1 0 obj [" + one * 20_000 + b"] endobj\n"
    report = _quick(b"%PDF-1.7\n" + body + b"xref\nstartxref\n9\n%%EOF")
    assert len(report.signatures) == MAX_SIGNATURES


def test_hostile_bytes_get_a_clear_verdict_in_time(base: Base) -> None:
    import random

    rng = random.Random(27)
    tail = b"\nstartxref\n9\n%%EOF"
    cases = [
        b"",
        b"%PDF-",
        bytes(rng.randrange(256) for _ in range(200_000)),
        b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(200_000)) + tail,
        b"%PDF-1.7\n1 0 obj " + b"<< /A " * 20_000 + b"1" + b" >>" * 20_000 + tail,
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 " + b"9" * 5_000 + b" 1 1] /Contents <00>"
        b" /Type /Sig >> endobj" + tail,
        b"%PDF-1.7\n" + b"9" * 5_000 + b" 0 obj << /ByteRange [0 1 2 3] /Contents <00>"
        b" /Type /Sig >> endobj" + tail,
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 1 2 3] /Contents <00> /Type /Sig >> endobj"
        b" 2 0 obj << /T (x) /V " + b"7" * 5_000 + b" 0 R >> endobj" + tail,
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 1 2 3] /Contents <" + b"30" * 2_000_000 + b">"
        b" /Type /Sig >> endobj" + tail,
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 1 2 3] /Contents (" + b"(" * 100_000 + tail,
        base.data[: len(base.data) // 2],
        base.data + b"\x00" * 10,
    ]
    for data in cases:
        report = _quick(data)
        assert report.codes and report.problems


def test_one_object_full_of_field_references_is_parsed_once() -> None:
    """Every signature looks up its field: a huge object referring to all of them must not be
    parsed again for each one."""
    sigs = b"".join(
        b"%d 0 obj<</ByteRange[0 1 2 3]/Contents<3000>/Type/Sig>>endobj\n" % i for i in range(1, 80)
    )
    refs = b"".join(b"<</V %d 0 R>>" % (i % 79 + 1) for i in range(60_000))
    body = b"100 0 obj [" + refs + b"] endobj\n"
    report = _quick(b"%PDF-1.7\n" + sigs + body + b"xref\nstartxref\n9\n%%EOF")
    assert len(report.signatures) == MAX_SIGNATURES
