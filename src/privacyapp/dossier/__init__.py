"""The dossier: the encrypted local store, its journal, the app lock and signed PDF records.

No flet, no network. Signed PDF records (issue 6): ``RecordInput`` → ``make_signed_record``
(layout + PAdES B-B signature with the professional's ``SigningIdentity``) → ``verify_pdf``.

Quick start::

    from privacyapp.dossier import AppLock, FileBackend

    lock = AppLock(FileBackend(data_dir))
    vault = lock.set_pin("24680")          # first time; later: lock.unlock("24680")
    record = vault.create("path", "Delen met de huisarts", path.to_dict(), flow_id="jeugd-delen")
    vault.journal_head()                   # hex digest to print on an exported PDF
"""

from privacyapp.dossier._backend import Backend, MemoryBackend
from privacyapp.dossier._browser import PREFIX as BROWSER_PREFIX
from privacyapp.dossier._browser import BrowserBackend, Preferences
from privacyapp.dossier._capabilities import pdf_available, signing_available
from privacyapp.dossier._crypto import KdfParams, calibrate_kdf
from privacyapp.dossier._export import export_bundle, export_json, export_pdf
from privacyapp.dossier._files import FileBackend
from privacyapp.dossier._identity import (
    IdentityStore,
    IdentityWarning,
    MemoryIdentityStore,
    SigningIdentity,
    VaultIdentityStore,
    create_identity,
    fingerprint_of,
    identity_warnings,
    import_pkcs12,
    load_identity,
    save_identity,
)
from privacyapp.dossier._keys import KeyWrapper, PinWrapper, SecretWrapper, check_pin
from privacyapp.dossier._lock import FORGOTTEN_PIN_WARNING, AppLock, LockPolicy
from privacyapp.dossier._record import (
    CLIENT_REFERENCE_WARNING,
    Professional,
    RecordAnswer,
    RecordChecklistItem,
    RecordInput,
    RecordSource,
    check_client_reference,
)
from privacyapp.dossier._records import (
    KINDS,
    REFERENCE_WARNING,
    Record,
    check_reference,
    looks_like_bsn,
)
from privacyapp.dossier._report import ReportPdf, SignatureBox, build_report
from privacyapp.dossier._service import RecordService, SignedRecord
from privacyapp.dossier._signing import async_sign_pdf, make_signed_record, sign_pdf
from privacyapp.dossier._vault import StoreProblem, Vault, store_state
from privacyapp.dossier._verify import (
    SignatureCheck,
    VerificationReport,
    async_verify_pdf,
    verify_pdf,
)
from privacyapp.dossier._webguard import (
    WEB_KDF_LIMITS,
    DerivationGate,
    KdfLimits,
    PinTryLimiter,
)
from privacyapp.dossier.errors import (
    ClientReferenceError,
    CorruptDataError,
    DossierError,
    IdentityError,
    IdentityFieldError,
    IdentityImportError,
    IdentityLockedError,
    IdentityMissingError,
    InvalidRecordError,
    JournalTamperedError,
    KdfLimitError,
    KeyFileError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    RecordCode,
    RecordError,
    RecordNotFoundError,
    ReportError,
    SigningError,
    StorageClearedError,
    StoreCode,
    StoreError,
    StoreWriteError,
    VaultLockedError,
    VerificationError,
    WrongPinError,
)

RecordStore = Vault

__all__ = [
    "AppLock",
    "BROWSER_PREFIX",
    "Backend",
    "BrowserBackend",
    "CLIENT_REFERENCE_WARNING",
    "ClientReferenceError",
    "CorruptDataError",
    "DerivationGate",
    "DossierError",
    "FORGOTTEN_PIN_WARNING",
    "FileBackend",
    "IdentityError",
    "IdentityFieldError",
    "IdentityImportError",
    "IdentityLockedError",
    "IdentityMissingError",
    "IdentityStore",
    "IdentityWarning",
    "InvalidRecordError",
    "JournalTamperedError",
    "KINDS",
    "KdfLimitError",
    "KdfLimits",
    "KdfParams",
    "KeyFileError",
    "KeyWrapper",
    "LockPolicy",
    "LockedOutError",
    "MemoryBackend",
    "MemoryIdentityStore",
    "MissingKeysError",
    "NewerFormatError",
    "PinPolicyError",
    "PinTryLimiter",
    "PinWrapper",
    "Preferences",
    "Professional",
    "REFERENCE_WARNING",
    "Record",
    "RecordAnswer",
    "RecordChecklistItem",
    "RecordCode",
    "RecordError",
    "RecordInput",
    "RecordNotFoundError",
    "RecordService",
    "RecordSource",
    "RecordStore",
    "ReportError",
    "ReportPdf",
    "SecretWrapper",
    "SignatureBox",
    "SignatureCheck",
    "SignedRecord",
    "SigningError",
    "SigningIdentity",
    "StorageClearedError",
    "StoreCode",
    "StoreError",
    "StoreProblem",
    "StoreWriteError",
    "Vault",
    "VaultIdentityStore",
    "VaultLockedError",
    "VerificationError",
    "VerificationReport",
    "WEB_KDF_LIMITS",
    "WrongPinError",
    "async_sign_pdf",
    "async_verify_pdf",
    "build_report",
    "calibrate_kdf",
    "check_client_reference",
    "check_pin",
    "check_reference",
    "create_identity",
    "export_bundle",
    "export_json",
    "export_pdf",
    "fingerprint_of",
    "identity_warnings",
    "import_pkcs12",
    "load_identity",
    "looks_like_bsn",
    "make_signed_record",
    "pdf_available",
    "save_identity",
    "sign_pdf",
    "signing_available",
    "store_state",
    "verify_pdf",
]
