"""`.p12` import of a weak key or an out-of-date certificate warns (security review 9d)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from record_samples import WHEN, sample_identity

from privacyapp.dossier import IdentityWarning, identity_warnings, import_pkcs12


def p12(key: object, *, days: tuple[int, int] = (-1, 365)) -> bytes:
    """A .p12 whose certificate is valid from WHEN + days[0] to WHEN + days[1]."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bo Jansen")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(9)
        .not_valid_before(WHEN + timedelta(days=days[0]))
        .not_valid_after(WHEN + timedelta(days=days[1]))
        .sign(key, hashes.SHA256())  # type: ignore[arg-type]
    )
    return pkcs12.serialize_key_and_certificates(
        b"bo",
        key,  # type: ignore[arg-type]
        cert,
        None,
        serialization.NoEncryption(),
    )


@pytest.fixture(scope="module")
def rsa1024() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def _codes(data: bytes) -> list[str]:
    return [w.code for w in import_pkcs12(data, None).warnings(WHEN)]


def test_rsa_1024_is_imported_with_a_weak_key_warning(rsa1024: rsa.RSAPrivateKey) -> None:
    identity = import_pkcs12(p12(rsa1024), None)
    [warning] = identity.warnings(WHEN)
    assert isinstance(warning, IdentityWarning) and warning.code == "weak-key"
    assert "1024 bits" in warning.text and "2048" in warning.text


def test_an_expired_certificate_warns_with_its_date() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    identity = import_pkcs12(p12(key, days=(-400, -10)), None)
    [warning] = identity_warnings(identity, WHEN)
    assert warning.code == "expired"
    assert f"{WHEN - timedelta(days=10):%d-%m-%Y}" in warning.text


def test_a_certificate_not_valid_yet_warns() -> None:
    assert _codes(p12(ec.generate_private_key(ec.SECP256R1()), days=(3, 30))) == ["not-yet-valid"]


def test_both_problems_are_reported(rsa1024: rsa.RSAPrivateKey) -> None:
    assert _codes(p12(rsa1024, days=(-400, -1))) == ["weak-key", "expired"]


def test_good_certificates_have_no_warnings() -> None:
    assert _codes(p12(rsa.generate_private_key(public_exponent=65537, key_size=2048))) == []
    assert _codes(p12(ec.generate_private_key(ec.SECP256R1()))) == []
    assert sample_identity().warnings(WHEN) == ()
    assert _codes(p12(ec.generate_private_key(ec.SECP192R1()))) == ["weak-key"]
