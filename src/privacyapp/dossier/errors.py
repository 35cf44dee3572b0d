"""Errors of the dossier package (encrypted store, journal, app lock, signed PDF records).

    PrivacyAppError
     └── DossierError
          └── StoreError                  (the encrypted local store and the app lock)
               ├── WrongPinError          wrong PIN or passphrase
               ├── LockedOutError         too many wrong PINs: wait ``retry_after`` seconds
               ├── PinPolicyError         a PIN that is too short, or removing the only key
               ├── KdfLimitError          stored key parameters above what this server allows
               ├── NewerFormatError       written by a newer app version; left untouched
               ├── CorruptDataError       truncated, altered or swapped file
               │    └── KeyFileError      the key file itself is unreadable
               ├── MissingKeysError       data without its key file (storage partly cleared)
               ├── JournalTamperedError   a journal entry removed, reordered or altered
               ├── StoreWriteError        saving failed (disk full, no permission); old data kept
               ├── StorageClearedError    the browser's storage was cleared while the app was
               │                          open (also an ``OSError``: a backend write failure)
               ├── RecordNotFoundError    no record with that id
               ├── InvalidRecordError     bad record input (e.g. a BSN in the reference)
               └── VaultLockedError       the store is locked: unlock it first
          └── RecordError                 (signed PDF records, issue 6)
               ├── IdentityError          signing identity
               │    ├── IdentityMissingError     no identity yet: create or import one
               │    ├── IdentityLockedError      wrong PIN / password for the stored key
               │    └── IdentityImportError      unreadable or unsuitable PKCS#12 file
               ├── ClientReferenceError   a client reference that looks like a BSN
               ├── ReportError            the record could not be laid out as a PDF
               ├── SigningError           the PDF could not be signed
               └── VerificationError      the file is not a PDF we can read at all

Every message says what the user can do. None of these errors ever follows a silent reset: the
store never overwrites or removes data it could not read. An invalid PDF signature is not an
error: ``verify_pdf`` returns a report that says what is wrong.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
    "ClientReferenceError",
    "CorruptDataError",
    "DossierError",
    "IdentityError",
    "IdentityImportError",
    "IdentityLockedError",
    "IdentityMissingError",
    "InvalidRecordError",
    "JournalTamperedError",
    "KdfLimitError",
    "KeyFileError",
    "LockedOutError",
    "MissingKeysError",
    "NewerFormatError",
    "PinPolicyError",
    "RecordError",
    "RecordNotFoundError",
    "ReportError",
    "SigningError",
    "StorageClearedError",
    "StoreError",
    "StoreWriteError",
    "VaultLockedError",
    "VerificationError",
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


class KdfLimitError(StoreError):
    """The stored PIN key parameters ask more work than this (web) server allows.

    Refused before anything is derived: in web mode the parameters come from the visitor's own
    browser storage, so they must not decide how much memory and time the server spends.
    """


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

    def __init__(self, message: str, *, reason: str = "") -> None:
        #: Which rule refused it, for a screen that says it in another language:
        #: ``title_empty``, ``title_long``, ``reference_bsn``, ``reference_long`` (else empty).
        self.reason = reason
        super().__init__(message)


class VaultLockedError(StoreError):
    """The store is locked; unlock it with the PIN first."""


# ---------------------------------------------------------------- signed PDF records (issue 6)


class RecordError(DossierError):
    """Something went wrong while making, signing or checking a PDF record."""


class IdentityError(RecordError):
    """A problem with the professional's signing identity."""


class IdentityMissingError(IdentityError):
    """There is no signing identity yet."""

    def __init__(self) -> None:
        super().__init__(
            "Er is nog geen ondertekenaar. Maak er een met `privacyapp identity create` "
            "of importeer het certificaat van je organisatie met `privacyapp identity import`."
        )


class IdentityLockedError(IdentityError):
    """The stored private key could not be opened with the given PIN or password."""


class IdentityImportError(IdentityError):
    """A PKCS#12 file could not be read or holds a key we cannot sign PDFs with."""


class ClientReferenceError(RecordError):
    """The client reference looks like a BSN; the record must never hold one."""


class ReportError(RecordError):
    """The record could not be laid out as a PDF."""


class SigningError(RecordError):
    """The PDF could not be signed."""


class VerificationError(RecordError):
    """The file could not be read as a PDF at all."""


class StorageClearedError(StoreError, OSError):
    """The browser's storage was cleared while the app was open: nothing more can be saved.

    Raised by the browser backend's writes. It is an ``OSError`` too, because that is how a
    backend says a write failed (the vault then keeps its memory in line with the storage).
    """
