"""Identities without PyCA ``cryptography`` (the browser build): made, stored, read and signed.

The browser build makes its own self-signed certificate with asn1crypto and a P-256 key from
``_curves``. Natively the same code runs on PyCA's curves, so these tests check that what the
browser makes is a certificate PyCA, pyHanko and the rest of the app accept like the native one.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from record_samples import WHEN, sample_identity, sample_record

from privacyapp.dossier import (
    IdentityError,
    IdentityImportError,
    SigningIdentity,
    create_identity,
    import_pkcs12,
    make_signed_record,
    verify_pdf,
)
from privacyapp.dossier._curves import NativeCurves
from privacyapp.dossier._litecert import (
    certificate_info,
    from_pem,
    key_algorithm,
    lite_self_signed,
    p256_scalar,
    to_pem,
)

ANNA = {
    "name": "Anna de Vries",
    "organisation": "Wijkteam Noord",
    "email": "anna@wijkteam-noord.nl",
    "role": "Jeugdprofessional",
}


@pytest.fixture
def no_cryptography(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The identity module as the browser build sees it: ``cryptography`` cannot be found.
    (The lite certificate still gets PyCA's curves here; in the browser it gets @noble's.)"""
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name == "cryptography":
            return None
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    yield


def _extensions(cert: x509.Certificate) -> dict[str, bool]:
    return {ext.oid.dotted_string: ext.critical for ext in cert.extensions}


def test_lite_certificate_has_the_native_fields_and_extensions() -> None:
    cert_der, key_der = lite_self_signed(**ANNA, now=WHEN, years=5, backend=NativeCurves())
    lite = x509.load_der_x509_certificate(cert_der)
    native = create_identity(**ANNA, now=WHEN).certificate
    assert set(lite.subject) == set(native.subject)  # the same attributes (order may differ)
    assert lite.issuer == lite.subject
    assert _extensions(lite) == _extensions(native)
    assert lite.not_valid_before_utc == native.not_valid_before_utc
    assert lite.not_valid_after_utc == native.not_valid_after_utc
    lite.verify_directly_issued_by(lite)  # the self-signature holds
    key = serialization.load_der_private_key(key_der, None)
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
    assert key.public_key().public_numbers() == lite.public_key().public_numbers()
    assert 0 < lite.serial_number < 2**159
    assert len(p256_scalar(key_der)) == 32


def test_browser_identity_is_stored_read_and_signs_a_valid_record(no_cryptography: None) -> None:
    identity = create_identity(**ANNA, now=WHEN)
    assert identity.origin == "self-signed"
    stored = identity.to_bytes()
    doc = json.loads(stored)
    assert doc["format"] == "privacyapp-identity/1" and not doc["key_encrypted"]
    again = SigningIdentity.from_bytes(stored)
    assert again == identity
    assert again.fingerprint == identity.fingerprint
    assert again.valid_until == WHEN + timedelta(days=365 * 5)
    assert again.warnings(WHEN) == ()
    assert again.info.common_name == "Anna de Vries" and again.info.title == "Jeugdprofessional"
    # What the browser made, a native app signs with (pyHanko) and checks as valid.
    report = verify_pdf(make_signed_record(sample_record(), again))
    assert report.ok, report.problems
    assert report.signers[0].fingerprint == identity.fingerprint
    assert report.signers[0].signer == "Anna de Vries"


def test_native_identity_is_read_without_cryptography(no_cryptography: None) -> None:
    native = sample_identity().to_bytes()
    identity = SigningIdentity.from_bytes(native)
    assert identity.fingerprint == sample_identity().fingerprint
    assert identity.info.key_algorithm == "ec" and identity.info.key_bits == 256


def test_browser_says_plainly_that_it_cannot_open_a_p12(no_cryptography: None) -> None:
    with pytest.raises(IdentityImportError, match="webversie"):
        import_pkcs12(b"not read at all", b"secret")


def test_damaged_stored_key_is_a_clear_error() -> None:
    doc = json.loads(sample_identity().to_bytes())
    doc["key"] = to_pem(b"\x30\x03\x02\x01\x00", "PRIVATE KEY")  # DER, but no key
    with pytest.raises(IdentityError, match="beschadigd"):
        SigningIdentity.from_bytes(json.dumps(doc).encode())
    doc["key"] = doc["certificate"]  # a certificate where the key belongs
    with pytest.raises(IdentityError, match="beschadigd"):
        SigningIdentity.from_bytes(json.dumps(doc).encode())


def test_pem_and_readers_refuse_what_is_not_theirs() -> None:
    cert = sample_identity().certificate_der
    assert from_pem(to_pem(cert)) == cert
    with pytest.raises(ValueError, match="PEM"):
        from_pem("no pem here")
    with pytest.raises(ValueError, match="PRIVATE KEY"):
        from_pem(to_pem(cert), "PRIVATE KEY")
    with pytest.raises(ValueError, match="certificate"):
        certificate_info(b"\x30\x00")
    with pytest.raises(ValueError, match="PKCS#8"):
        key_algorithm(cert)
    with pytest.raises(ValueError, match="P-256"):
        p256_scalar(_rsa_pkcs8())


def _rsa_pkcs8() -> bytes:
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def test_while_the_browser_still_loads_its_curves_the_user_is_told_to_wait(
    no_cryptography: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page loads P-256 beside the first screen; a very quick first signer gets a clear
    sentence, not a crash."""
    from privacyapp.dossier import _curves, _litecert

    def loading() -> _curves.Curves:
        raise _curves.CurvesUnavailable("still loading")

    monkeypatch.setattr(_litecert, "curves", loading)
    with pytest.raises(IdentityError, match="nog bezig met laden"):
        create_identity(**ANNA, now=WHEN)
