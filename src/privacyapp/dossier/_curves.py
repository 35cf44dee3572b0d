"""Public-key primitives for signing where pyHanko cannot run: one small interface, two vetted
implementations (as ``_cryptobackend`` is for the store).

- ``NativeCurves``: PyCA ``cryptography`` (what tests use to check the browser's code paths).
- ``BrowserCurves``: the static web build, where PyCA ``cryptography`` has no build. It calls the
  audited ``@noble/curves`` JavaScript library (P-256), vendored into the site at build time and
  loaded by the page before the app starts (``_cryptobackend.BROWSER_LOADER``).

Keys travel as bytes: a P-256 private key is its 32-byte scalar, a public key the 65-byte
uncompressed point (``04 || x || y``). Signatures are DER ``ECDSA-Sig-Value`` over a SHA-256
digest the caller computed. RSA is only ever *verified* (an organisation's certificate imported
on another device), in plain Python: ``rsa_pkcs1v15_verify``.
"""

from __future__ import annotations

import hmac
import sys
from functools import cache
from typing import Any, Protocol

from privacyapp.dossier._cryptobackend import js_options, to_js_bytes

__all__ = [
    "BrowserCurves",
    "Curves",
    "CurvesUnavailable",
    "NOBLE_OPTIONS",
    "NativeCurves",
    "RSA_MAX_BITS",
    "RSA_MAX_EXPONENT_BITS",
    "curves",
    "curves_ready",
    "rsa_pkcs1v15_verify",
]


class CurvesUnavailable(RuntimeError):
    """No implementation of the signing primitives can run here."""


class Curves(Protocol):
    """ECDSA on P-256 with SHA-256 digests: all the browser's signing needs."""

    name: str

    def p256_generate(self) -> bytes:
        """A new private key: its 32-byte big-endian scalar."""
        ...

    def p256_public(self, private: bytes) -> bytes:
        """The 65-byte uncompressed public point of ``private``."""
        ...

    def p256_sign(self, private: bytes, digest: bytes) -> bytes:
        """DER ECDSA signature of a 32-byte SHA-256 ``digest`` (not hashed again)."""
        ...

    def p256_verify(self, public: bytes, digest: bytes, signature: bytes) -> bool:
        """True when DER ``signature`` over ``digest`` holds for the uncompressed ``public``
        point; False for any malformed input (never raises on hostile bytes)."""
        ...


class NativeCurves:
    """PyCA ``cryptography`` (imported on first use)."""

    name = "cryptography"

    def p256_generate(self) -> bytes:
        from cryptography.hazmat.primitives.asymmetric import ec

        key = ec.generate_private_key(ec.SECP256R1())
        return key.private_numbers().private_value.to_bytes(32, "big")

    def p256_public(self, private: bytes) -> bytes:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        key = ec.derive_private_key(int.from_bytes(private, "big"), ec.SECP256R1())
        return key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )

    def p256_sign(self, private: bytes, digest: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, utils

        key = ec.derive_private_key(int.from_bytes(private, "big"), ec.SECP256R1())
        return key.sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))

    def p256_verify(self, public: bytes, digest: bytes, signature: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, utils

        try:
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), public)
            key.verify(signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
        except (InvalidSignature, ValueError, TypeError):
            return False
        return True


#: How @noble/curves is called: ``digest`` is already SHA-256 (no prehash), signatures are DER
#: (as in CMS), and high-s signatures hold as they do for PyCA (both verify either form).
NOBLE_OPTIONS: dict[str, object] = {"prehash": False, "format": "der", "lowS": False}


class BrowserCurves:
    """``@noble/curves`` P-256 in the page's JavaScript, through Pyodide's ``js`` module."""

    name = "noble"

    def __init__(self, lib: Any = None) -> None:
        if lib is None:
            import js  # type: ignore[import-not-found]  # Pyodide only

            crypto = getattr(js, "privacyappCrypto", None)
            lib = getattr(crypto, "p256", None) if crypto is not None else None
            if lib is None:
                raise CurvesUnavailable(
                    "the browser's signing library is not loaded yet (await curves_ready())"
                )
        self._lib = lib

    _js = staticmethod(to_js_bytes)
    _options = staticmethod(js_options)

    def p256_generate(self) -> bytes:
        return bytes(self._lib.utils.randomSecretKey().to_py())

    def p256_public(self, private: bytes) -> bytes:
        return bytes(self._lib.getPublicKey(self._js(private), False).to_py())

    def p256_sign(self, private: bytes, digest: bytes) -> bytes:
        opts = self._options(**NOBLE_OPTIONS)
        return bytes(self._lib.sign(self._js(digest), self._js(private), opts).to_py())

    def p256_verify(self, public: bytes, digest: bytes, signature: bytes) -> bool:
        from pyodide.ffi import JsException  # type: ignore[import-not-found]

        opts = self._options(**NOBLE_OPTIONS)
        try:
            return bool(
                self._lib.verify(self._js(signature), self._js(digest), self._js(public), opts)
            )
        except JsException:  # noble throws on malformed DER or a point off the curve
            return False


#: DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


#: The largest RSA modulus OpenSSL verifies (OPENSSL_RSA_MAX_MODULUS_BITS).
RSA_MAX_BITS = 16384
#: The largest public exponent accepted; real keys use 65537 (or 3).
RSA_MAX_EXPONENT_BITS = 64


def rsa_pkcs1v15_verify(modulus: int, exponent: int, digest: bytes, signature: bytes) -> bool:
    """RSASSA-PKCS1-v1_5 verification with SHA-256 (RFC 8017 §8.2.2): re-encode and compare.

    Only public data is involved (a signature check), so plain ``pow`` is fine here. The key
    comes from the file, so its size is capped as OpenSSL caps it: a made-up certificate with
    a huge modulus and exponent would otherwise keep the page busy for minutes.
    """
    size = (modulus.bit_length() + 7) // 8
    if len(digest) != 32 or len(signature) != size or size < 64:
        return False
    if modulus.bit_length() > RSA_MAX_BITS or not _usable_exponent(exponent):
        return False
    s = int.from_bytes(signature, "big")
    if s >= modulus:
        return False
    encoded = pow(s, exponent, modulus).to_bytes(size, "big")
    tail = _SHA256_DIGEST_INFO + digest
    expected = b"\x00\x01" + b"\xff" * (size - len(tail) - 3) + b"\x00" + tail
    return hmac.compare_digest(encoded, expected)


def _usable_exponent(exponent: int) -> bool:
    """Odd, at least 3 and at most 64 bits (OpenSSL allows no more for large moduli)."""
    return exponent >= 3 and exponent % 2 == 1 and exponent.bit_length() <= RSA_MAX_EXPONENT_BITS


async def curves_ready() -> None:
    """Wait until the browser's P-256 has loaded (``BROWSER_LOADER`` starts it without holding
    up the first screen); at once everywhere else."""
    if sys.platform != "emscripten":
        return
    import js  # Pyodide only

    pending = getattr(getattr(js, "privacyappCrypto", None), "curves", None)
    if pending is not None:
        await pending


@cache
def curves() -> Curves:
    """The implementation for this platform: @noble in the browser, PyCA everywhere else."""
    if sys.platform == "emscripten":
        return BrowserCurves()
    return NativeCurves()
