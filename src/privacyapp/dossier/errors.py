"""Errors of the dossier package: the encrypted store, the journal and signed PDF records.

    PrivacyAppError
     └── DossierError
          └── RecordError                 (signed PDF records: this section)
               ├── IdentityError          signing identity
               │    ├── IdentityMissingError     no identity yet: create or import one
               │    ├── IdentityLockedError      wrong PIN / password for the stored key
               │    └── IdentityImportError      unreadable or unsuitable PKCS#12 file
               ├── ClientReferenceError   a client reference that looks like a BSN
               ├── ReportError            the record could not be laid out as a PDF
               ├── SigningError           the PDF could not be signed
               └── VerificationError      the file is not a PDF we can read at all

The store's own errors (issue 5) sit under ``DossierError`` next to ``RecordError``. An invalid
signature is not an error: ``verify_pdf`` returns a report that says what is wrong.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
    "ClientReferenceError",
    "DossierError",
    "IdentityError",
    "IdentityImportError",
    "IdentityLockedError",
    "IdentityMissingError",
    "RecordError",
    "ReportError",
    "SigningError",
    "VerificationError",
]


class DossierError(PrivacyAppError):
    """Base of every error about the user's own records."""


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
