"""The signing identity: generation, serialization, PKCS#12 import and persistence."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from record_samples import WHEN, sample_identity

from privacyapp.dossier import (
    IdentityError,
    IdentityImportError,
    IdentityLockedError,
    IdentityMissingError,
    MemoryIdentityStore,
    SigningIdentity,
    Vault,
    VaultIdentityStore,
    create_identity,
    import_pkcs12,
    load_identity,
    save_identity,
)

FINGERPRINT = re.compile(r"^([0-9A-F]{2}:){31}[0-9A-F]{2}$")


def test_created_identity_is_p256_self_signed_with_professional_in_subject() -> None:
    identity = sample_identity()
    cert = identity.certificate
    assert isinstance(identity.private_key, ec.EllipticCurvePrivateKey)
    assert identity.private_key.curve.name == "secp256r1"
    assert cert.subject == cert.issuer
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Anne de Vries"
    assert cert.subject.get_attributes_for_oid(NameOID.TITLE)[0].value == "Jeugdconsulent"
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in eku  # NSS (pdfsig) accepts it for signing
    assert cert.not_valid_after_utc - WHEN > timedelta(days=4 * 365)
    assert FINGERPRINT.match(identity.fingerprint)
    assert identity.fingerprint.replace(":", "").lower() == cert.fingerprint(hashes.SHA256()).hex()


def test_two_identities_have_different_fingerprints() -> None:
    other = create_identity(name="Anne de Vries", organisation="X", email="a@b.nl", now=WHEN)
    assert other.fingerprint != sample_identity().fingerprint


@pytest.mark.parametrize(
    ("name", "organisation", "email", "message"),
    [
        ("  ", "Wijkteam", "a@b.nl", "naam"),
        ("Anne", "", "a@b.nl", "organisatie"),
        ("Anne", "Wijkteam", "geen-adres", "e-mailadres"),
        ("A" * 121, "Wijkteam", "a@b.nl", "te lang"),
    ],
)
def test_bad_identity_input_says_what_to_fix(
    name: str, organisation: str, email: str, message: str
) -> None:
    with pytest.raises(IdentityError, match=message):
        create_identity(name=name, organisation=organisation, email=email, now=WHEN)


def test_round_trip_without_password_for_the_encrypted_store() -> None:
    identity = sample_identity()
    data = identity.to_bytes()
    assert b"BEGIN PRIVATE KEY" in data  # the store encrypts the whole record
    back = SigningIdentity.from_bytes(data)
    assert back.fingerprint == identity.fingerprint
    assert back.name == identity.name and back.role == identity.role


def test_round_trip_with_pin_encrypts_the_key() -> None:
    data = sample_identity().to_bytes(b"24680")
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in data
    assert SigningIdentity.from_bytes(data, b"24680").fingerprint == sample_identity().fingerprint
    with pytest.raises(IdentityLockedError, match="pincode klopt niet"):
        SigningIdentity.from_bytes(data, b"13579")
    with pytest.raises(IdentityLockedError, match="pincode"):
        SigningIdentity.from_bytes(data)


def test_damaged_identity_is_a_clear_error() -> None:
    with pytest.raises(IdentityError, match="beschadigd"):
        SigningIdentity.from_bytes(b'{"format": "iets anders"}')
    with pytest.raises(IdentityError, match="beschadigd"):
        SigningIdentity.from_bytes(b"\xff\xfe")


def test_memory_store_starts_empty_then_holds_the_identity() -> None:
    store = MemoryIdentityStore()
    with pytest.raises(IdentityMissingError, match="identity create"):
        load_identity(store)
    save_identity(store, sample_identity())
    assert load_identity(store).fingerprint == sample_identity().fingerprint


def test_vault_store_keeps_one_identity_record(vault: Vault) -> None:
    store = VaultIdentityStore(vault)
    assert store.load() is None
    save_identity(store, sample_identity())
    replacement = create_identity(name="Bo", organisation="Wmo", email="bo@wmo.nl", now=WHEN)
    save_identity(store, replacement)
    assert len(vault.list(kind="identity")) == 1
    assert load_identity(store).fingerprint == replacement.fingerprint


def _p12(key: object, password: bytes | None, *, cn: str = "Wijkteam Zuid CA-leaf") -> bytes:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Bo Jansen"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Gemeente Utrecht"),
        ]
    )
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    ca_key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(7)
        .not_valid_before(WHEN - timedelta(days=1))
        .not_valid_after(WHEN + timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name("bo@utrecht.example")]), False)
        .sign(ca_key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(b"bo", key, cert, None, encryption)  # type: ignore[arg-type]


def test_import_organisation_rsa_certificate() -> None:
    data = _p12(rsa.generate_private_key(public_exponent=65537, key_size=2048), b"geheim")
    identity = import_pkcs12(data, b"geheim", role="Wmo-consulent")
    assert identity.origin == "pkcs12"
    assert (identity.name, identity.organisation) == ("Bo Jansen", "Gemeente Utrecht")
    assert identity.email == "bo@utrecht.example"
    assert identity.role == "Wmo-consulent"
    assert FINGERPRINT.match(identity.fingerprint)
    back = SigningIdentity.from_bytes(identity.to_bytes())
    assert back.origin == "pkcs12" and back.fingerprint == identity.fingerprint


def test_import_with_wrong_password_or_garbage_fails_clearly() -> None:
    data = _p12(ec.generate_private_key(ec.SECP256R1()), b"geheim")
    with pytest.raises(IdentityImportError, match="wachtwoord klopt niet"):
        import_pkcs12(data, b"fout")
    with pytest.raises(IdentityImportError, match="geen"):
        import_pkcs12(b"dit is geen p12", None)


def test_import_refuses_ed25519_which_pdf_readers_cannot_check() -> None:
    data = _p12(ed25519.Ed25519PrivateKey.generate(), None)
    with pytest.raises(IdentityImportError, match="ECDSA- of RSA"):
        import_pkcs12(data, None)
