"""Certificates and keys as bytes, read and made without PyCA ``cryptography`` (asn1crypto).

The signing identity keeps its certificate, chain and key as DER, so the browser build (no
``cryptography``) can store, show and use one. This module reads what a screen needs from a
certificate (names, validity, key size) and makes the self-signed certificate the browser build
hands out, with the same fields and extensions as the native one (``_identity.create_identity``)
and a P-256 key from ``_curves``. asn1crypto is pure Python, so it runs everywhere.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from privacyapp.dossier._curves import Curves, curves

__all__ = [
    "CertificateInfo",
    "certificate_info",
    "from_pem",
    "key_algorithm",
    "lite_self_signed",
    "p256_scalar",
    "to_pem",
]

_CERT = "CERTIFICATE"
_KEY = "PRIVATE KEY"


@dataclass(frozen=True)
class CertificateInfo:
    """What the app shows and checks about a certificate."""

    common_name: str
    organisation: str
    email: str
    title: str
    not_before: datetime
    not_after: datetime
    key_algorithm: str  # "ec", "rsa" or another asn1crypto name
    key_bits: int


def to_pem(der: bytes, kind: str = _CERT) -> str:
    """PEM text of ``der`` (64-character lines, as PyCA writes it)."""
    from asn1crypto import pem

    return str(pem.armor(kind, der).decode("ascii"))


def from_pem(text: str, kind: str = _CERT) -> bytes:
    """The DER inside a PEM block of ``kind``; ValueError when it is not one."""
    from asn1crypto import pem

    data = text.encode("ascii")
    if not pem.detect(data):
        raise ValueError("not PEM")
    found, _headers, der = pem.unarmor(data)
    if found != kind:
        raise ValueError(f"PEM holds {found}, not {kind}")
    return bytes(der)


def certificate_info(der: bytes) -> CertificateInfo:
    """Read ``der``; ValueError when it is not a readable X.509 certificate."""
    from asn1crypto import x509

    try:
        cert = x509.Certificate.load(der)
        subject = cert.subject.native
        email = str(subject.get("email_address", "")) or _san_email(cert)
        public = cert.public_key
        info = CertificateInfo(
            common_name=str(subject.get("common_name", "")),
            organisation=str(subject.get("organization_name", "")),
            email=email,
            title=str(subject.get("title", "")),
            not_before=cert.not_valid_before,
            not_after=cert.not_valid_after,
            key_algorithm=str(public.algorithm),
            key_bits=int(public.bit_size),
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a certificate ({type(exc).__name__})") from exc
    return info


def key_algorithm(pkcs8_der: bytes) -> str:
    """ "ec", "rsa" or another name for a PKCS#8 key; ValueError when it is not one."""
    from asn1crypto import keys

    try:
        return str(keys.PrivateKeyInfo.load(pkcs8_der).algorithm)
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"not a PKCS#8 key ({type(exc).__name__})") from exc


def lite_self_signed(
    *, name: str, organisation: str, email: str, role: str, now: datetime, years: int,
    backend: Curves | None = None,
) -> tuple[bytes, bytes]:  # fmt: skip
    """A new P-256 key and a self-signed certificate for it: ``(certificate DER, PKCS#8 DER)``.

    Same subject, validity and extensions as the native certificate: CA false, key usage
    digital signature + non-repudiation (critical), EKU e-mail protection (which NSS, so pdfsig
    and Firefox, wants), the e-mail address as SAN, and a subject key identifier.
    """
    from asn1crypto import keys, x509

    use = backend or curves()
    private = use.p256_generate()
    public = use.p256_public(private)
    parameters = keys.ECDomainParameters(name="named", value="secp256r1")
    public_info = keys.PublicKeyInfo(
        {"algorithm": {"algorithm": "ec", "parameters": parameters}, "public_key": public}
    )
    fields = {"common_name": name, "organization_name": organisation, "email_address": email}
    if role:
        fields["title"] = role
    subject = x509.Name.build(fields)
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": int.from_bytes(secrets.token_bytes(20), "big") >> 1 or 1,
            "signature": {"algorithm": "sha256_ecdsa"},
            "issuer": subject,
            "validity": {
                "not_before": _time(now - timedelta(minutes=5)),
                "not_after": _time(now + timedelta(days=365 * years)),
            },
            "subject": subject,
            "subject_public_key_info": public_info,
            "extensions": [
                _ext("basic_constraints", {"ca": False}, critical=True),
                _ext("key_usage", {"digital_signature", "non_repudiation"}, critical=True),
                _ext("extended_key_usage", ["email_protection"]),
                _ext("subject_alt_name", [x509.GeneralName(name="rfc822_name", value=email)]),
                _ext("key_identifier", hashlib.sha1(public).digest()),  # noqa: S324 - RFC 5280 §4.2.1.2
            ],
        }
    )
    signature = use.p256_sign(private, hashlib.sha256(tbs.dump()).digest())
    certificate = x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": "sha256_ecdsa"},
            "signature_value": signature,
        }
    )
    key = keys.PrivateKeyInfo(
        {
            "version": 0,
            "private_key_algorithm": {"algorithm": "ec", "parameters": parameters},
            "private_key": keys.ECPrivateKey(
                {
                    "version": "ecPrivkeyVer1",
                    "private_key": int.from_bytes(private, "big"),
                    "public_key": public,
                }
            ),
        }
    )
    return certificate.dump(), key.dump()


def p256_scalar(pkcs8_der: bytes) -> bytes:
    """The 32-byte private scalar of a P-256 PKCS#8 key; ValueError for any other key."""
    from asn1crypto import keys

    try:
        info = keys.PrivateKeyInfo.load(pkcs8_der)
        if info.algorithm != "ec" or info.curve[1] != "secp256r1":
            raise ValueError("not a P-256 key")
        value = info["private_key"].parsed["private_key"].native
    except (TypeError, KeyError) as exc:
        raise ValueError(f"not a P-256 key ({type(exc).__name__})") from exc
    return int(value).to_bytes(32, "big")


def _time(when: datetime) -> object:
    from asn1crypto import x509

    kind = "utc_time" if when.year < 2050 else "general_time"  # RFC 5280 §4.1.2.5
    return x509.Time(name=kind, value=when)


def _ext(kind: str, value: object, *, critical: bool = False) -> dict[str, object]:
    return {"extn_id": kind, "critical": critical, "extn_value": value}


def _san_email(cert: object) -> str:
    san = getattr(cert, "subject_alt_name_value", None)
    if san is None:
        return ""
    for general in san:
        if general.name == "rfc822_name":
            return str(general.native)
    return ""
