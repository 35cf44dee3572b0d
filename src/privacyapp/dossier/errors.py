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

Every message says what the user can do. Each error also carries a ``code`` (a
:class:`StoreCode` or :class:`RecordCode`: what happened) and the ``fields`` its text needs
(``seconds``, ``min``, ``max``), so a screen words it in its own language from its catalogs;
``str(exc)`` is the Dutch for the CLI, often more precise (which file, which step). None of
these errors ever follows a silent reset: the
store never overwrites or removes data it could not read. An invalid PDF signature is not an
error: ``verify_pdf`` returns a report that says what is wrong.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

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
    "RecordCode",
    "RecordError",
    "RecordNotFoundError",
    "ReportError",
    "SigningError",
    "StorageClearedError",
    "StoreCode",
    "StoreError",
    "StoreWriteError",
    "VaultLockedError",
    "VerificationError",
    "WrongPinError",
]


class StoreCode(StrEnum):
    """What went wrong in the store or the app lock (a screen's key: ``store.error.<code>``)."""

    WRONG_PIN = "wrong_pin"
    LOCKED_OUT = "locked_out"
    PIN_POLICY = "pin_policy"
    KDF_LIMIT = "kdf_limit"
    NEWER = "newer"
    CORRUPT = "corrupt"
    KEY_FILE = "key_file"
    MISSING_KEYS = "missing_keys"
    JOURNAL = "journal"
    WRITE = "write"
    CLEARED = "cleared"
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    TITLE_EMPTY = "title_empty"
    TITLE_LONG = "title_long"
    REFERENCE_BSN = "reference_bsn"
    REFERENCE_LONG = "reference_long"
    VAULT_LOCKED = "vault_locked"
    OTHER = "other"


class RecordCode(StrEnum):
    """What went wrong with a PDF record (a screen's key: ``record.error.<code>``)."""

    IMPORT = "import"
    IDENTITY_LOCKED = "identity_locked"
    IDENTITY_MISSING = "identity_missing"
    IDENTITY = "identity"
    IDENTITY_FIELD_EMPTY = "identity_field_empty"
    IDENTITY_FIELD_TOO_LONG = "identity_field_too_long"
    IDENTITY_EMAIL = "identity_email"
    REFERENCE = "reference"
    REPORT = "report"
    SIGNING = "signing"
    VERIFICATION = "verification"
    OTHER = "other"


class DossierError(PrivacyAppError):
    """Base class of the dossier package's errors."""

    @property
    def fields(self) -> dict[str, int | str]:
        """The values the error's text names (``seconds``, ``min``, ``max``, ``asked``); none by
        default."""
        return {}


# --------------------------------------------------------------------------- store (issue 5)
class StoreError(DossierError):
    """Something went wrong in the encrypted local store or the app lock."""

    #: What went wrong, for a screen (each kind of error has its own).
    code: StoreCode = StoreCode.OTHER


class WrongPinError(StoreError):
    """The PIN or passphrase does not open the store."""

    code = StoreCode.WRONG_PIN

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

    code = StoreCode.LOCKED_OUT

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        seconds = self.fields["seconds"]
        super().__init__(
            f"Te vaak een verkeerde pincode. Wacht {seconds} seconden en probeer het dan opnieuw."
        )

    @property
    def fields(self) -> dict[str, int | str]:
        return {"seconds": max(1, round(self.retry_after))}


class PinPolicyError(StoreError):
    """The PIN does not meet the rules, or the change would leave the data without a key.

    ``min_length``: the shortest PIN allowed (``fields["min"]``), for the screen's rule.
    """

    code = StoreCode.PIN_POLICY

    def __init__(self, message: str, *, min_length: int) -> None:
        self.min_length = min_length
        super().__init__(message)

    @property
    def fields(self) -> dict[str, int | str]:
        return {"min": self.min_length}


class KdfLimitError(StoreError):
    """The stored PIN key parameters ask more work than this (web) server allows.

    Refused before anything is derived: in web mode the parameters come from the visitor's own
    browser storage, so they must not decide how much memory and time the server spends.
    """

    code = StoreCode.KDF_LIMIT

    def __init__(self, message: str, *, asked: str) -> None:
        #: The work the stored parameters ask, as a technical line (``argon2id 1024 MiB``).
        self.asked = asked
        super().__init__(message)

    @property
    def fields(self) -> dict[str, int | str]:
        return {"asked": self.asked}


class NewerFormatError(StoreError):
    """The data was written by a newer version of the app; nothing was changed."""

    code = StoreCode.NEWER


class CorruptDataError(StoreError):
    """A stored file is truncated, altered or swapped with another file."""

    code = StoreCode.CORRUPT


class KeyFileError(CorruptDataError):
    """The key file cannot be read; the data stays as it is."""

    code = StoreCode.KEY_FILE


class MissingKeysError(StoreError):
    """There is stored data but no key file: storage was partly cleared."""

    code = StoreCode.MISSING_KEYS


class JournalTamperedError(StoreError):
    """The journal does not verify: an entry was removed, reordered or altered."""

    code = StoreCode.JOURNAL


class StoreWriteError(StoreError):
    """Saving failed; the last good version is kept."""

    code = StoreCode.WRITE


class RecordNotFoundError(StoreError):
    """There is no record with this id."""

    code = StoreCode.NOT_FOUND


class InvalidRecordError(StoreError):
    """The record input is not accepted (for example a BSN in the client reference)."""

    _REASONS: ClassVar[dict[str, StoreCode]] = {
        code.value: code
        for code in (
            StoreCode.TITLE_EMPTY,
            StoreCode.TITLE_LONG,
            StoreCode.REFERENCE_BSN,
            StoreCode.REFERENCE_LONG,
        )
    }

    def __init__(self, message: str, *, reason: str = "", limit: int = 0) -> None:
        #: Which rule refused it: ``title_empty``, ``title_long``, ``reference_bsn``,
        #: ``reference_long`` (else empty); it is also the error's ``code``.
        self.reason = reason
        #: The longest length allowed, for the ``*_long`` rules (``fields["max"]``).
        self.limit = limit
        self.code = self._REASONS.get(reason, StoreCode.INVALID)
        super().__init__(message)

    @property
    def fields(self) -> dict[str, int | str]:
        return {"max": self.limit} if self.limit else {}


class VaultLockedError(StoreError):
    """The store is locked; unlock it with the PIN first."""

    code = StoreCode.VAULT_LOCKED


# ---------------------------------------------------------------- signed PDF records (issue 6)


class RecordError(DossierError):
    """Something went wrong while making, signing or checking a PDF record."""

    #: What went wrong, for a screen (each kind of error has its own).
    code: RecordCode = RecordCode.OTHER


class IdentityError(RecordError):
    """A problem with the professional's signing identity."""

    code = RecordCode.IDENTITY


class IdentityFieldError(IdentityError):
    """One of the identity's fields is empty, too long, or (the e-mail address) not one.

    ``field``: which one (``name``, ``organisation``, ``email`` or ``role``), so a form can
    point at it; ``limit``: the longest a field may be (for ``IDENTITY_FIELD_TOO_LONG``).
    """

    def __init__(self, message: str, *, code: RecordCode, field: str, limit: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.limit = limit

    @property
    def fields(self) -> dict[str, int | str]:
        return {"limit": self.limit} if self.code is RecordCode.IDENTITY_FIELD_TOO_LONG else {}


class IdentityMissingError(IdentityError):
    """There is no signing identity yet."""

    code = RecordCode.IDENTITY_MISSING

    def __init__(self) -> None:
        super().__init__(
            "Er is nog geen ondertekenaar. Maak er een met `privacyapp identity create` "
            "of importeer het certificaat van je organisatie met `privacyapp identity import`."
        )


class IdentityLockedError(IdentityError):
    """The stored private key could not be opened with the given PIN or password."""

    code = RecordCode.IDENTITY_LOCKED


class IdentityImportError(IdentityError):
    """A PKCS#12 file could not be read or holds a key we cannot sign PDFs with."""

    code = RecordCode.IMPORT


class ClientReferenceError(RecordError):
    """The client reference looks like a BSN; the record must never hold one."""

    code = RecordCode.REFERENCE


class ReportError(RecordError):
    """The record could not be laid out as a PDF."""

    code = RecordCode.REPORT


class SigningError(RecordError):
    """The PDF could not be signed."""

    code = RecordCode.SIGNING


class VerificationError(RecordError):
    """The file could not be read as a PDF at all."""

    code = RecordCode.VERIFICATION


class StorageClearedError(StoreError, OSError):
    """The browser's storage was cleared while the app was open: nothing more can be saved.

    Raised by the browser backend's writes. It is an ``OSError`` too, because that is how a
    backend says a write failed (the vault then keeps its memory in line with the storage).
    """

    code = StoreCode.CLEARED
