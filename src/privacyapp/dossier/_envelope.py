"""The envelope every stored blob uses, the same on disk and in the browser.

Layout (bytes)::

    magic "PAPV" | format version (1 byte) | nonce (12) | AES-256-GCM ciphertext + tag (16)

The associated data is the 5 header bytes plus the blob's storage name, so a record file
renamed to another record's name, a journal segment moved to another position, or a header with
an edited version byte all fail to decrypt. A version byte above ``FORMAT_VERSION`` means a newer
app wrote it: we stop with a clear message and never rewrite it.
"""

from __future__ import annotations

from privacyapp.dossier._crypto import DecryptionFailed, open_sealed, seal
from privacyapp.dossier.errors import CorruptDataError, NewerFormatError

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "check_version",
    "open_envelope",
    "seal_envelope",
]

MAGIC = b"PAPV"
FORMAT_VERSION = 1
_HEADER = len(MAGIC) + 1

NEWER_MESSAGE = (
    "Deze gegevens zijn gemaakt met een nieuwere versie van de app (formaat {found}, deze app "
    "kent tot en met {known}). Er is niets veranderd. Werk de app bij om ze te openen."
)


def check_version(found: int, what: str) -> None:
    """Raise ``NewerFormatError`` when ``found`` is newer than this app understands."""
    if found > FORMAT_VERSION:
        raise NewerFormatError(NEWER_MESSAGE.format(found=found, known=FORMAT_VERSION))
    if found < 1:
        raise CorruptDataError(f"{what}: onbekend formaat {found}.")


def _aad(header: bytes, name: str) -> bytes:
    return header + b"|" + name.encode("ascii")


def seal_envelope(key: bytes, name: str, plaintext: bytes) -> bytes:
    """Encrypt ``plaintext`` for storage under ``name``."""
    header = MAGIC + bytes([FORMAT_VERSION])
    return header + seal(key, plaintext, _aad(header, name))


def open_envelope(key: bytes, name: str, blob: bytes) -> bytes:
    """Decrypt a blob stored under ``name``.

    Raises:
        NewerFormatError: a newer app version wrote it.
        CorruptDataError: truncated, altered, or stored under another name.
    """
    if len(blob) < _HEADER or blob[: len(MAGIC)] != MAGIC:
        raise CorruptDataError(
            f"Het bestand '{name}' is geen bestand van deze app of is ingekort. "
            "Er is niets aan veranderd; je andere gegevens zijn nog te openen."
        )
    check_version(blob[len(MAGIC)], name)
    try:
        return open_sealed(key, blob[_HEADER:], _aad(blob[:_HEADER], name))
    except DecryptionFailed:
        raise CorruptDataError(
            f"Het bestand '{name}' is beschadigd, ingekort of verwisseld met een ander bestand. "
            "Er is niets aan veranderd; je andere gegevens zijn nog te openen."
        ) from None
