"""The key file: the random data key, wrapped once per way of unlocking.

``keys.json`` is readable JSON without secrets in the clear::

    {"app": "privacyapp", "format": 1, "created_at": "...",
     "wraps": [{"kind": "pin", "kdf": {...}, "pepper": true, "key": "<base64>"},
               {"kind": "keystore", "key": "<base64>"}]}

A ``KeyWrapper`` turns the data key into one ``wraps`` entry and back:

- ``PinWrapper``: key-encryption key = HKDF(Argon2id/scrypt(PIN) || keystore secret). With a
  keystore secret ("pepper") a stolen copy of the files cannot be brute-forced offline through
  the short PIN alone; without one (web, Linux desktop) the KDF cost is the only protection.
- ``SecretWrapper``: wraps with a 256-bit secret held elsewhere. With ``kind="keystore"`` the
  secret lives in the OS keystore (Keychain / Android Keystore via flet-secure-storage); tests
  and the in-memory keystore use the same class.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from privacyapp.dossier._crypto import (
    KEY_BYTES,
    DecryptionFailed,
    KdfParams,
    b64d,
    b64e,
    calibrate_kdf,
    derive_subkey,
    open_sealed,
    seal,
)
from privacyapp.dossier._envelope import check_version
from privacyapp.dossier.errors import KeyFileError, MissingKeysError, PinPolicyError

__all__ = [
    "KEY_FILE",
    "KeyFile",
    "KeyWrapper",
    "PinWrapper",
    "SecretWrapper",
    "check_pin",
]

KEY_FILE = "keys.json"
MIN_PIN_LENGTH = 5


def check_pin(pin: str) -> str:
    """Return ``pin`` if it is acceptable (at least 5 characters), else raise ``PinPolicyError``."""
    if len(pin.strip()) < MIN_PIN_LENGTH:
        raise PinPolicyError(
            f"Kies een pincode van minstens {MIN_PIN_LENGTH} tekens. Langer is veiliger.",
            min_length=MIN_PIN_LENGTH,
        )
    return pin


class KeyWrapper(Protocol):
    """One way to protect the data key (PIN, OS keystore, ...)."""

    @property
    def kind(self) -> str:
        """The ``wraps`` entry kind this wrapper writes and reads (``pin``, ``keystore``)."""
        ...

    def wrap(self, data_key: bytes) -> dict[str, Any]:
        """Return a JSON-able entry from which ``unwrap`` recovers ``data_key``."""
        ...

    def unwrap(self, entry: dict[str, Any]) -> bytes:
        """Recover the data key; raise ``DecryptionFailed`` if this wrapper does not fit."""
        ...


class KdfLimitsLike(Protocol):
    """What ``PinWrapper`` needs of ``KdfLimits`` (``_webguard``)."""

    def check(self, params: KdfParams) -> None: ...
    def clamp(self, params: KdfParams) -> KdfParams: ...


def _aad(kind: str) -> bytes:
    return f"privacyapp/keywrap/v1/{kind}".encode()


class PinWrapper:
    """Protects the data key with a PIN or passphrase (optionally peppered by the keystore)."""

    kind = "pin"

    def __init__(
        self,
        pin: str,
        *,
        pepper: bytes | None = None,
        kdf: KdfParams | None = None,
        limits: KdfLimitsLike | None = None,
    ) -> None:
        """``limits`` (web mode: ``WEB_KDF_LIMITS``) bound the stored parameters: checked
        before deriving on unlock, and applied to the parameters of a new PIN."""
        self._pin = pin
        self._pepper = pepper
        self._kdf = kdf
        self._limits = limits

    def _kek(self, params: KdfParams, peppered: bool) -> bytes:
        material = params.derive(self._pin)
        if peppered:
            if self._pepper is None:
                raise MissingKeysError(
                    "De sleutel in de beveiligde opslag van dit apparaat ontbreekt. Zonder die "
                    "sleutel zijn je bewaarde gegevens niet te openen."
                )
            material += self._pepper
        return derive_subkey(material, "privacyapp/pin-kek/v1")

    def wrap(self, data_key: bytes) -> dict[str, Any]:
        params = (self._kdf or calibrate_kdf()).with_new_salt()
        if self._limits is not None:
            params = self._limits.clamp(params)
        kek = self._kek(params, self._pepper is not None)
        return {
            "kind": self.kind,
            "kdf": params.to_dict(),
            "pepper": self._pepper is not None,
            "key": b64e(seal(kek, data_key, _aad(self.kind))),
        }

    def unwrap(self, entry: dict[str, Any]) -> bytes:
        try:
            params = KdfParams.from_dict(dict(entry["kdf"]))
            sealed = b64d(str(entry["key"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError(
                "Het sleutelbestand is beschadigd (pincode-gegevens). Er is niets veranderd."
            ) from exc
        if self._limits is not None:
            self._limits.check(params)  # before any work: the file may come from the visitor
        return open_sealed(self._kek(params, bool(entry.get("pepper"))), sealed, _aad(self.kind))


class SecretWrapper:
    """Protects the data key with a 256-bit secret kept outside the store (OS keystore)."""

    def __init__(self, secret: bytes, *, kind: str = "keystore") -> None:
        if len(secret) != KEY_BYTES:
            raise ValueError("a keystore secret must be 32 bytes")
        self._secret = secret
        self.kind = kind

    def wrap(self, data_key: bytes) -> dict[str, Any]:
        return {"kind": self.kind, "key": b64e(seal(self._secret, data_key, _aad(self.kind)))}

    def unwrap(self, entry: dict[str, Any]) -> bytes:
        try:
            sealed = b64d(str(entry["key"]))
        except (KeyError, ValueError) as exc:
            raise KeyFileError("Het sleutelbestand is beschadigd. Er is niets veranderd.") from exc
        return open_sealed(self._secret, sealed, _aad(self.kind))


@dataclass
class KeyFile:
    """The parsed key file."""

    created_at: str
    wraps: list[dict[str, Any]] = field(default_factory=list)
    format: int = 1

    def kinds(self) -> list[str]:
        return [str(w.get("kind")) for w in self.wraps]

    def unwrap(self, wrappers: list[KeyWrapper]) -> bytes | None:
        """Try each wrapper on its own entries; the data key, or ``None`` if none fits."""
        for wrapper in wrappers:
            for entry in self.wraps:
                if entry.get("kind") != wrapper.kind:
                    continue
                try:
                    key = wrapper.unwrap(entry)
                except DecryptionFailed:
                    continue
                if len(key) == KEY_BYTES:
                    return key
        return None

    def dumps(self) -> bytes:
        body: dict[str, Any] = {"app": "privacyapp", "format": self.format}
        body.update(created_at=self.created_at, wraps=self.wraps)
        return json.dumps(body, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def loads(cls, data: bytes) -> KeyFile:
        """Parse the key file; ``NewerFormatError`` or ``KeyFileError`` when it cannot be used."""
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileError(
                "Het sleutelbestand is beschadigd of ingekort. Er is niets veranderd of gewist. "
                "Heb je een reservekopie van de app-gegevens? Zet die dan terug."
            ) from exc
        if not isinstance(body, dict) or body.get("app") != "privacyapp":
            raise KeyFileError("Het sleutelbestand is niet van deze app. Er is niets veranderd.")
        fmt = body.get("format")
        if not isinstance(fmt, int):
            raise KeyFileError(
                "Het sleutelbestand heeft geen geldig formaat. Er is niets veranderd."
            )
        check_version(fmt, KEY_FILE)
        wraps = body.get("wraps")
        if not isinstance(wraps, list) or not all(isinstance(w, dict) for w in wraps) or not wraps:
            raise KeyFileError("Het sleutelbestand bevat geen sleutels. Er is niets veranderd.")
        return cls(created_at=str(body.get("created_at", "")), wraps=wraps, format=fmt)

    def replace_kind(self, wrapper: KeyWrapper, data_key: bytes) -> None:
        """Wrap ``data_key`` with ``wrapper``, replacing earlier entries of the same kind."""
        self.wraps = [w for w in self.wraps if w.get("kind") != wrapper.kind]
        self.wraps.append(wrapper.wrap(data_key))

    def remove_kind(self, kind: str) -> None:
        remaining = [w for w in self.wraps if w.get("kind") != kind]
        if not remaining:
            raise PinPolicyError(
                "Je kunt de pincode niet uitzetten: dan zouden je gegevens zonder slot bewaard "
                "worden. Dit apparaat heeft geen beveiligde sleutelopslag.",
                min_length=MIN_PIN_LENGTH,
            )
        self.wraps = remaining
