"""The primitives under ``_crypto``: one small interface, two vetted implementations.

- ``NativeBackend``: PyCA ``cryptography`` (desktop, iOS, Android, the web server).
- ``BrowserBackend``: the static web build, where Python runs in the browser (Pyodide) and PyCA
  ``cryptography`` has no build. It calls the audited @noble JavaScript libraries
  (``@noble/ciphers`` for AES-256-GCM, ``@noble/hashes`` for HKDF-SHA256, scrypt and Argon2id),
  vendored into the site at build time and loaded by the page before the app starts
  (``BROWSER_LOADER``). They are synchronous, so the store's code stays as it is, and their
  output is byte-for-byte what PyCA produces (the store format does not change).

Nothing here imports ``cryptography`` at import time: the browser build has none.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any, Protocol

__all__ = [
    "BROWSER_LOADER",
    "BackendUnavailable",
    "BrowserBackend",
    "CryptoBackend",
    "DecryptionFailed",
    "NativeBackend",
    "backend",
]


class DecryptionFailed(Exception):
    """Internal: the key is wrong or the bytes were altered (callers raise a user error)."""


class BackendUnavailable(RuntimeError):
    """No implementation of the primitives can run here (see the message for what is missing)."""


class CryptoBackend(Protocol):
    """AES-256-GCM, HKDF-SHA256, scrypt and Argon2id: all the store needs."""

    name: str

    def aesgcm_encrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """``ciphertext || 16-byte tag``."""
        ...

    def aesgcm_decrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """The plaintext; raises ``DecryptionFailed`` when the tag does not match."""
        ...

    def hkdf_sha256(self, key: bytes, info: bytes, length: int) -> bytes:
        """RFC 5869 HKDF with SHA-256 and no salt."""
        ...

    def scrypt(
        self, secret: bytes, salt: bytes, *, n: int, r: int, p: int, length: int
    ) -> bytes: ...

    def argon2id(
        self, secret: bytes, salt: bytes, *, iterations: int, lanes: int, memory_kib: int,
        length: int,
    ) -> bytes:  # fmt: skip
        ...

    def argon2_available(self) -> bool: ...


class NativeBackend:
    """PyCA ``cryptography`` (imported on first use)."""

    name = "cryptography"

    def aesgcm_encrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(key).encrypt(nonce, data, aad)

    def aesgcm_decrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            return AESGCM(key).decrypt(nonce, data, aad)
        except InvalidTag as exc:
            raise DecryptionFailed("authentication failed") from exc

    def hkdf_sha256(self, key: bytes, info: bytes, length: int) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)

    def scrypt(self, secret: bytes, salt: bytes, *, n: int, r: int, p: int, length: int) -> bytes:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return Scrypt(salt=salt, length=length, n=n, r=r, p=p).derive(secret)

    def argon2id(
        self, secret: bytes, salt: bytes, *, iterations: int, lanes: int, memory_kib: int,
        length: int,
    ) -> bytes:  # fmt: skip
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt, length=length, iterations=iterations, lanes=lanes, memory_cost=memory_kib
        ).derive(secret)

    def argon2_available(self) -> bool:
        from cryptography.exceptions import UnsupportedAlgorithm

        try:
            self.argon2id(b"x", b"\0" * 16, iterations=1, lanes=1, memory_kib=8, length=32)
        except (ImportError, UnsupportedAlgorithm):
            return False
        return True


#: Run by the browser build's entry point (``pyodide.code.run_js``) before the app starts: loads
#: the vendored @noble modules from this site into ``self.privacyappCrypto``. P-256 from
#: @noble/curves (signed records, ``_curves.BrowserCurves``) loads alongside without holding up
#: the first screen: ``privacyappCrypto.curves`` is its promise (``_curves.curves_ready``).
BROWSER_LOADER = """(async () => {
  if (self.privacyappCrypto) return true;
  const base = new URL('/vendor/noble/', self.location.origin).href;
  const [aes, hkdf, sha2, scrypt, argon2] = await Promise.all([
    import(base + 'ciphers/aes.js'), import(base + 'hashes/hkdf.js'),
    import(base + 'hashes/sha2.js'), import(base + 'hashes/scrypt.js'),
    import(base + 'hashes/argon2.js')]);
  const lib = {gcm: aes.gcm, hkdf: hkdf.hkdf, sha256: sha2.sha256, scrypt: scrypt.scrypt,
               argon2id: argon2.argon2id};  // p256 (undefined: None in Python) comes later
  // P-256 for signed records is not needed for the first screen: loaded, not waited for
  lib.curves = import(base + 'curves/nist.js').then((nist) => { lib.p256 = nist.p256; });
  self.privacyappCrypto = lib;
  return true;
})()"""


def to_js_bytes(data: bytes) -> Any:
    """``data`` as a JavaScript ``Uint8Array`` (Pyodide only)."""
    from pyodide.ffi import to_js  # type: ignore[import-not-found]

    return to_js(data)


def js_options(**options: object) -> Any:
    """Keyword arguments as a plain JavaScript object (the @noble functions' ``opts``)."""
    import js  # type: ignore[import-not-found]  # Pyodide only
    from pyodide.ffi import to_js

    return to_js(options, dict_converter=js.Object.fromEntries)


class BrowserBackend:
    """The @noble libraries in the page's JavaScript, through Pyodide's ``js`` module."""

    name = "noble"

    def __init__(self, lib: Any = None) -> None:
        if lib is None:
            import js  # Pyodide only

            lib = getattr(js, "privacyappCrypto", None)
            if lib is None:
                raise BackendUnavailable(
                    "the browser's crypto library is not loaded: run BROWSER_LOADER first"
                )
        self._lib = lib

    _js = staticmethod(to_js_bytes)

    @staticmethod
    def _py(value: Any) -> bytes:
        return bytes(value.to_py())

    _options = staticmethod(js_options)

    def aesgcm_encrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        cipher = self._lib.gcm(self._js(key), self._js(nonce), self._js(aad))
        return self._py(cipher.encrypt(self._js(data)))

    def aesgcm_decrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        from pyodide.ffi import JsException

        cipher = self._lib.gcm(self._js(key), self._js(nonce), self._js(aad))
        try:
            return self._py(cipher.decrypt(self._js(data)))
        except JsException as exc:  # noble throws on a wrong tag
            raise DecryptionFailed("authentication failed") from exc

    def hkdf_sha256(self, key: bytes, info: bytes, length: int) -> bytes:
        # salt None = HashLen zero bytes (RFC 5869 §2.2), as PyCA does with salt=None
        lib = self._lib
        return self._py(lib.hkdf(lib.sha256, self._js(key), None, self._js(info), length))

    def scrypt(self, secret: bytes, salt: bytes, *, n: int, r: int, p: int, length: int) -> bytes:
        # maxmem: noble refuses above 1 GiB by default; our stored limit (2**22, r=8) is 4 GiB
        opts = self._options(N=n, r=r, p=p, dkLen=length, maxmem=2**33)
        return self._py(self._lib.scrypt(self._js(secret), self._js(salt), opts))

    def argon2id(
        self, secret: bytes, salt: bytes, *, iterations: int, lanes: int, memory_kib: int,
        length: int,
    ) -> bytes:  # fmt: skip
        opts = self._options(t=iterations, m=memory_kib, p=lanes, dkLen=length)
        return self._py(self._lib.argon2id(self._js(secret), self._js(salt), opts))

    def argon2_available(self) -> bool:
        return True


@cache
def backend() -> CryptoBackend:
    """The implementation for this platform: @noble in the browser, PyCA everywhere else."""
    if sys.platform == "emscripten":
        return BrowserBackend()
    return NativeBackend()
