"""Errors of the dossier package (encrypted store, journal, app lock).

    PrivacyAppError
     └── DossierError
          └── StoreError                  (the encrypted local store and the app lock)
               ├── WrongPinError          wrong PIN or passphrase
               ├── LockedOutError         too many wrong PINs: wait ``retry_after`` seconds
               ├── PinPolicyError         a PIN that is too short, or removing the only key
               ├── NewerFormatError       written by a newer app version; left untouched
               ├── CorruptDataError       truncated, altered or swapped file
               │    └── KeyFileError      the key file itself is unreadable
               ├── MissingKeysError       data without its key file (storage partly cleared)
               ├── JournalTamperedError   a journal entry removed, reordered or altered
               ├── StoreWriteError        saving failed (disk full, no permission); old data kept
               ├── RecordNotFoundError    no record with that id
               ├── InvalidRecordError     bad record input (e.g. a BSN in the reference)
               └── VaultLockedError       the store is locked: unlock it first

Every message says what the user can do. None of these errors ever follows a silent reset: the
store never overwrites or removes data it could not read.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
    "CorruptDataError",
    "DossierError",
    "InvalidRecordError",
    "JournalTamperedError",
    "KeyFileError",
    "LockedOutError",
    "MissingKeysError",
    "NewerFormatError",
    "PinPolicyError",
    "RecordNotFoundError",
    "StoreError",
    "StoreWriteError",
    "VaultLockedError",
    "WrongPinError",
]


class DossierError(PrivacyAppError):
    """Base class of the dossier package's errors."""


# --------------------------------------------------------------------------- store (issue 5)
class StoreError(DossierError):
    """Something went wrong in the encrypted local store or the app lock."""


class WrongPinError(StoreError):
    """The PIN or passphrase does not open the store."""

    def __init__(self, message: str = "", *, failures: int = 0, retry_after: float = 0.0) -> None:
        self.failures = failures
        self.retry_after = retry_after
        super().__init__(
            message
            or "De pincode klopt niet. Probeer het opnieuw. "
            "Ben je je pincode vergeten? Dan kun je je bewaarde gegevens niet meer openen."
        )


class LockedOutError(StoreError):
    """Too many wrong PINs in a row: the app waits before it accepts another try."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        seconds = max(1, round(retry_after))
        super().__init__(
            f"Te vaak een verkeerde pincode. Wacht {seconds} seconden en probeer het dan opnieuw."
        )


class PinPolicyError(StoreError):
    """The PIN does not meet the rules, or the change would leave the data without a key."""


class NewerFormatError(StoreError):
    """The data was written by a newer version of the app; nothing was changed."""


class CorruptDataError(StoreError):
    """A stored file is truncated, altered or swapped with another file."""


class KeyFileError(CorruptDataError):
    """The key file cannot be read; the data stays as it is."""


class MissingKeysError(StoreError):
    """There is stored data but no key file: storage was partly cleared."""


class JournalTamperedError(StoreError):
    """The journal does not verify: an entry was removed, reordered or altered."""


class StoreWriteError(StoreError):
    """Saving failed; the last good version is kept."""


class RecordNotFoundError(StoreError):
    """There is no record with this id."""


class InvalidRecordError(StoreError):
    """The record input is not accepted (for example a BSN in the client reference)."""


class VaultLockedError(StoreError):
    """The store is locked; unlock it with the PIN first."""
