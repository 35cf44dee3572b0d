"""The user's own records: encrypted store, journal, and signed PDF records (no flet).

Signed PDF records (issue 6): ``RecordInput`` → ``make_signed_record`` (layout + PAdES B-B
signature with the professional's ``SigningIdentity``) → ``verify_pdf``.
"""

from privacyapp.dossier._identity import (
    IdentityStore,
    MemoryIdentityStore,
    SigningIdentity,
    create_identity,
    fingerprint_of,
    import_pkcs12,
    load_identity,
    save_identity,
)
from privacyapp.dossier._record import (
    CLIENT_REFERENCE_WARNING,
    Professional,
    RecordAnswer,
    RecordChecklistItem,
    RecordInput,
    RecordSource,
    check_client_reference,
)
from privacyapp.dossier._report import ReportPdf, SignatureBox, build_report
from privacyapp.dossier._signing import async_sign_pdf, make_signed_record, sign_pdf
from privacyapp.dossier._verify import (
    SignatureCheck,
    VerificationReport,
    async_verify_pdf,
    verify_pdf,
)

__all__ = [
    "CLIENT_REFERENCE_WARNING",
    "IdentityStore",
    "MemoryIdentityStore",
    "Professional",
    "RecordAnswer",
    "RecordChecklistItem",
    "RecordInput",
    "RecordSource",
    "ReportPdf",
    "SignatureBox",
    "SignatureCheck",
    "SigningIdentity",
    "VerificationReport",
    "async_sign_pdf",
    "async_verify_pdf",
    "build_report",
    "check_client_reference",
    "create_identity",
    "fingerprint_of",
    "import_pkcs12",
    "load_identity",
    "make_signed_record",
    "save_identity",
    "sign_pdf",
    "verify_pdf",
]
