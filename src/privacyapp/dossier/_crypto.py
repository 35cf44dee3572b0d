"""Key derivation and authenticated encryption, with vetted primitives only.

The primitives come from ``_cryptobackend``: PyCA ``cryptography`` natively, the audited @noble
JavaScript libraries in the browser build; both give the same bytes, so the formats are one.

- A PIN or passphrase becomes a 256-bit key with Argon2id, or scrypt where this build of
  ``cryptography`` has no Argon2id. The parameters are calibrated to about a quarter second on
  the device that creates the store and are stored next to the wrapped key, so a store always
  opens with exactly the parameters it was made with.
- Data is sealed with AES-256-GCM under a random 96-bit nonce; the associated data binds every
  ciphertext to its purpose and storage name, so a file moved to another name does not decrypt.
- Sub-keys (the journal MAC key) come from the data key through HKDF-SHA256.
"""

from __future__ import annotations

import base64
import os
import time
from dataclasses import dataclass
from typing import Any

from privacyapp.dossier._cryptobackend import DecryptionFailed, backend

__all__ = [
    "DecryptionFailed",
    "KEY_BYTES",
    "KdfParams",
    "NONCE_BYTES",
    "argon2_available",
    "b64d",
    "b64e",
    "calibrate_kdf",
    "derive_subkey",
    "new_key",
    "open_sealed",
    "seal",
]

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
TARGET_SECONDS = 0.25

# Limits on stored parameters: a crafted key file must not make the app allocate gigabytes.
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_ITERATIONS = 64
_MAX_SCRYPT_LOG2_N = 22


def new_key() -> bytes:
    """Return a fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate; returns ``nonce || ciphertext || tag``."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + backend().aesgcm_encrypt(key, nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Reverse ``seal``; raises ``DecryptionFailed`` for a wrong key, altered bytes or wrong AAD."""
    if len(sealed) < NONCE_BYTES + 16:
        raise DecryptionFailed("too short")
    return backend().aesgcm_decrypt(key, sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)


def derive_subkey(key: bytes, purpose: str) -> bytes:
    """Derive an independent 256-bit key for ``purpose`` from ``key`` (HKDF-SHA256)."""
    return backend().hkdf_sha256(key, purpose.encode(), KEY_BYTES)


def argon2_available() -> bool:
    """True when the crypto backend here offers Argon2id."""
    return backend().argon2_available()


@dataclass(frozen=True)
class KdfParams:
    """How a PIN becomes a key. Stored (without the PIN) next to the key it protects.

    Attributes:
        algorithm: ``"argon2id"`` or ``"scrypt"``.
        salt: random per store and per PIN change.
        iterations: Argon2id time cost.
        memory_kib: Argon2id memory cost in KiB.
        lanes: Argon2id parallelism.
        log2_n: scrypt cost ``N = 2**log2_n`` (r=8, p=1).
    """

    algorithm: str
    salt: bytes
    iterations: int = 1
    memory_kib: int = 65536
    lanes: int = 1
    log2_n: int = 17

    def with_new_salt(self) -> KdfParams:
        return KdfParams(
            self.algorithm, os.urandom(SALT_BYTES), self.iterations, self.memory_kib,
            self.lanes, self.log2_n,
        )  # fmt: skip

    def derive(self, secret: str) -> bytes:
        """Derive the 256-bit key-encryption key from ``secret``."""
        data = secret.encode("utf-8")
        if self.algorithm == "argon2id":
            return backend().argon2id(
                data, self.salt, iterations=self.iterations, lanes=self.lanes,
                memory_kib=self.memory_kib, length=KEY_BYTES,
            )  # fmt: skip
        return backend().scrypt(data, self.salt, n=2**self.log2_n, r=8, p=1, length=KEY_BYTES)

    def to_dict(self) -> dict[str, Any]:
        if self.algorithm == "argon2id":
            return {
                "algorithm": "argon2id", "salt": b64e(self.salt), "iterations": self.iterations,
                "memory_kib": self.memory_kib, "lanes": self.lanes,
            }  # fmt: skip
        return {
            "algorithm": "scrypt",
            "salt": b64e(self.salt),
            "log2_n": self.log2_n,
            "r": 8,
            "p": 1,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        """Parse stored parameters; raises ``ValueError`` for anything unknown or unsafe."""
        algorithm = data.get("algorithm")
        salt = b64d(str(data.get("salt", "")))
        if len(salt) < 8:
            raise ValueError("salt too short")
        if algorithm == "argon2id":
            iterations, memory, lanes = (
                int(data[k]) for k in ("iterations", "memory_kib", "lanes")
            )
            if not (1 <= iterations <= _MAX_ITERATIONS and 8 * lanes <= memory <= _MAX_MEMORY_KIB):
                raise ValueError("argon2id parameters out of range")
            if not 1 <= lanes <= 16:
                raise ValueError("argon2id lanes out of range")
            return cls("argon2id", salt, iterations=iterations, memory_kib=memory, lanes=lanes)
        if algorithm == "scrypt":
            log2_n = int(data["log2_n"])
            if not 10 <= log2_n <= _MAX_SCRYPT_LOG2_N or data.get("r") != 8 or data.get("p") != 1:
                raise ValueError("scrypt parameters out of range")
            return cls("scrypt", salt, log2_n=log2_n)
        raise ValueError(f"unknown key derivation {algorithm!r}")


def calibrate_kdf(
    target_seconds: float = TARGET_SECONDS, *, algorithm: str | None = None
) -> KdfParams:
    """Pick parameters that take about ``target_seconds`` on this device.

    Argon2id keeps 64 MiB of memory (what makes guessing on GPUs expensive) and scales its time
    cost; scrypt scales N. One short probe run is measured and extrapolated linearly.
    """
    algorithm = algorithm or ("argon2id" if argon2_available() else "scrypt")
    salt = os.urandom(SALT_BYTES)
    if algorithm == "argon2id":
        probe = KdfParams("argon2id", salt, iterations=1, memory_kib=65536)
        spent = _time(probe)
        iterations = max(2, min(_MAX_ITERATIONS, round(target_seconds / max(spent, 1e-3))))
        return KdfParams("argon2id", salt, iterations=iterations, memory_kib=65536)
    probe = KdfParams("scrypt", salt, log2_n=14)
    spent = _time(probe)
    log2_n = 14
    while log2_n < 20 and spent * 2 ** (log2_n - 14 + 1) <= target_seconds * 1.4:
        log2_n += 1
    return KdfParams("scrypt", salt, log2_n=max(15, log2_n))


def _time(params: KdfParams) -> float:
    start = time.perf_counter()
    params.derive("calibration")
    return time.perf_counter() - start
