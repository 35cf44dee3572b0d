"""The dossier: the encrypted local store, its journal and the app lock (no flet, no network).

Quick start::

    from privacyapp.dossier import AppLock, FileBackend

    lock = AppLock(FileBackend(data_dir))
    vault = lock.set_pin("24680")          # first time; later: lock.unlock("24680")
    record = vault.create("path", "Delen met de huisarts", path.to_dict(), flow_id="jeugd-delen")
    vault.journal_head()                   # hex digest to print on an exported PDF
"""

from privacyapp.dossier._backend import Backend, MemoryBackend
from privacyapp.dossier._crypto import KdfParams, calibrate_kdf
from privacyapp.dossier._export import export_bundle, export_json, export_pdf
from privacyapp.dossier._files import FileBackend
from privacyapp.dossier._keys import KeyWrapper, PinWrapper, SecretWrapper, check_pin
from privacyapp.dossier._lock import FORGOTTEN_PIN_WARNING, AppLock, LockPolicy
from privacyapp.dossier._records import (
    KINDS,
    REFERENCE_WARNING,
    Record,
    check_reference,
    looks_like_bsn,
)
from privacyapp.dossier._vault import Vault, store_state
from privacyapp.dossier.errors import (
    CorruptDataError,
    DossierError,
    InvalidRecordError,
    JournalTamperedError,
    KeyFileError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    RecordNotFoundError,
    StoreError,
    StoreWriteError,
    VaultLockedError,
    WrongPinError,
)

RecordStore = Vault

__all__ = [
    "AppLock",
    "Backend",
    "CorruptDataError",
    "DossierError",
    "FORGOTTEN_PIN_WARNING",
    "FileBackend",
    "InvalidRecordError",
    "JournalTamperedError",
    "KINDS",
    "KdfParams",
    "KeyFileError",
    "KeyWrapper",
    "LockPolicy",
    "LockedOutError",
    "MemoryBackend",
    "MissingKeysError",
    "NewerFormatError",
    "PinPolicyError",
    "PinWrapper",
    "REFERENCE_WARNING",
    "Record",
    "RecordNotFoundError",
    "RecordStore",
    "SecretWrapper",
    "StoreError",
    "StoreWriteError",
    "Vault",
    "VaultLockedError",
    "WrongPinError",
    "calibrate_kdf",
    "check_pin",
    "check_reference",
    "export_bundle",
    "export_json",
    "export_pdf",
    "looks_like_bsn",
    "store_state",
]
