"""Detached Ed25519 signatures over one bundle file (``flows keygen|sign|verify``).

This is **not** how the app takes updates: installed apps accept content only through TUF
(``privacyapp.content.updater``), which adds what a bare signature cannot give: expiry against
a frozen server, a version chain against rollback and mix-and-match, key rotation with
thresholds, and size caps. The old ``accept_update`` is gone for that reason.

What is kept is where TUF does not serve: checking one bundle file handed over outside any
repository (to a reviewer, or attached to a release), with nothing but a public key. The
signature file (``content-bundle.json.sig``) holds the format, the signing key's id, the
bundle's SHA-256 and the Ed25519 signature over its bytes. ``version_key`` compares content
versions as numbers for both paths.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from privacyapp.content.bundle import load_bundle
from privacyapp.content.errors import ContentError, SignatureInvalid, SigningKeyInvalid
from privacyapp.engine import Library

if TYPE_CHECKING:  # cryptography is imported where it is used: the browser build has none
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

__all__ = [
    "SIGNATURE_FORMAT",
    "generate_signing_key",
    "key_id",
    "load_signing_key",
    "public_key_text",
    "sign_bundle",
    "verify_bundle",
    "version_key",
]

SIGNATURE_FORMAT = 1


def _raw(public_key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_text(public_key: Ed25519PublicKey) -> str:
    """A public key as base64 text (what the app keeps in its list of trusted keys)."""
    return base64.b64encode(_raw(public_key)).decode("ascii")


def key_id(public_key_b64: str) -> str:
    """A short id for a public key: the first 16 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:16]


def generate_signing_key() -> tuple[bytes, str]:
    """A new key pair: (private key as PEM, public key as base64)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem, public_key_text(private.public_key())


def load_signing_key(pem: bytes) -> Ed25519PrivateKey:
    """Read a private key written by ``generate_signing_key``.

    Raises:
        SigningKeyInvalid: when the data is not an Ed25519 private key.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyInvalid(f"the signing key cannot be read ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyInvalid("the signing key is not an Ed25519 key; make one with flows keygen")
    return key


def sign_bundle(data: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """The signature file for a bundle (JSON, UTF-8)."""
    public = public_key_text(private_key.public_key())
    signature = {
        "format": SIGNATURE_FORMAT,
        "key_id": key_id(public),
        "sha256": hashlib.sha256(data).hexdigest(),
        "signature": base64.b64encode(private_key.sign(data)).decode("ascii"),
    }
    return (json.dumps(signature, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _signature(signature_file: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(signature_file.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SignatureInvalid("the signature file is damaged; download the update again") from None
    if not isinstance(parsed, dict) or parsed.get("format") != SIGNATURE_FORMAT:
        raise SignatureInvalid("the signature file has an unknown format; update the app")
    return parsed


def verify_bundle(data: bytes, signature_file: bytes, trusted_keys: Iterable[str]) -> Library:
    """Check the signature with the trusted public keys (base64), then load the bundle.

    Raises:
        SignatureInvalid: unknown key, wrong signature, or a bundle that does not match it.
        BundleInvalid: the bundle itself is damaged.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    signature = _signature(signature_file)
    keys = {key_id(k): k for k in trusted_keys}
    public_b64 = keys.get(str(signature.get("key_id")))
    if public_b64 is None:
        raise SignatureInvalid("the content was signed with a key this app does not trust")
    if signature.get("sha256") != hashlib.sha256(data).hexdigest():
        raise SignatureInvalid("the content does not match its signature; download it again")
    try:
        raw_signature = base64.b64decode(str(signature.get("signature")), validate=True)
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(raw_signature, data)
    except (InvalidSignature, ValueError, binascii.Error):
        raise SignatureInvalid(
            "the content's signature is not valid; it was not accepted"
        ) from None
    return load_bundle(data)


def version_key(version: str) -> tuple[int, ...]:
    """``2026.11.1`` -> (2026, 11, 1), so content versions compare as numbers.

    Raises:
        ContentError: when the version is not numbers separated by dots.
    """
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        raise ContentError(
            f'the content version "{version}" is not numbers with dots, like 2026.11.0'
        ) from None
