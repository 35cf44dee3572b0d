"""The professional's signing identity: a key pair and certificate for signing PDF records.

On first use the app generates an ECDSA P-256 key and a self-signed certificate from the
professional's name, organisation and e-mail address; an organisation can instead hand out a
certificate issued by its own CA as a PKCS#12 file, which is imported. The SHA-256 fingerprint
of the certificate is shown everywhere so an organisation can register it and a reader of a
PDF can compare it.

Persistence goes through an ``IdentityStore`` (opaque bytes in, bytes out). In the app that is
the encrypted store (a record of kind ``identity``), which encrypts the bytes itself; without it
the key inside the bytes is encrypted with the PIN (PKCS#8, ``BestAvailableEncryption``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

from privacyapp.dossier._curves import CurvesUnavailable
from privacyapp.dossier._lazy import LazyModule
from privacyapp.dossier._litecert import (
    CertificateInfo,
    certificate_info,
    from_pem,
    key_algorithm,
    lite_self_signed,
    to_pem,
)
from privacyapp.dossier.errors import (
    IdentityError,
    IdentityFieldError,
    IdentityImportError,
    IdentityLockedError,
    IdentityMissingError,
    RecordCode,
)

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    from privacyapp.dossier._vault import Vault

    SigningKey: TypeAlias = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
else:  # imported on first use: the browser build has no PyCA cryptography (``_lazy``)
    x509 = LazyModule("cryptography.x509")
    hashes = LazyModule("cryptography.hazmat.primitives.hashes")
    serialization = LazyModule("cryptography.hazmat.primitives.serialization")
    ec = LazyModule("cryptography.hazmat.primitives.asymmetric.ec")
    rsa = LazyModule("cryptography.hazmat.primitives.asymmetric.rsa")
    pkcs12 = LazyModule("cryptography.hazmat.primitives.serialization.pkcs12")
    ExtendedKeyUsageOID = LazyModule("cryptography.x509.oid", "ExtendedKeyUsageOID")
    NameOID = LazyModule("cryptography.x509.oid", "NameOID")

__all__ = [
    "IdentityStore",
    "IdentityWarning",
    "MIN_EC_BITS",
    "MIN_RSA_BITS",
    "MemoryIdentityStore",
    "SigningIdentity",
    "SigningKey",
    "VaultIdentityStore",
    "create_identity",
    "fingerprint_der",
    "fingerprint_of",
    "identity_warnings",
    "import_pkcs12",
    "load_identity",
    "save_identity",
]

Origin = Literal["self-signed", "pkcs12"]

_FORMAT = "privacyapp-identity/1"
_VALID_YEARS = 5
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_MAX_FIELD = 120
#: Below these key sizes a signature no longer counts as safe (NIST SP 800-131A, ETSI TS 119 312).
MIN_RSA_BITS = 2048
MIN_EC_BITS = 256

WarningCode = Literal["weak-key", "expired", "not-yet-valid"]


@dataclass(frozen=True)
class IdentityWarning:
    """Something the user should know about an identity that is still usable.

    ``code`` is stable (a screen can translate it); ``text`` is Dutch (the CLI prints it).
    """

    code: WarningCode
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SigningIdentity:
    """Who signs: the certificate, its private key and how the professional presents.

    The certificate, chain and key are kept as DER bytes, so the browser build (no PyCA
    ``cryptography``) can store, show and sign with one (``_litecert``, ``_litesign``). Where
    ``cryptography`` is installed, ``certificate``, ``private_key`` and ``chain`` give its
    objects.
    """

    name: str
    organisation: str
    email: str
    role: str
    certificate_der: bytes
    key_der: bytes = field(repr=False)  # PKCS#8, unencrypted (stored encrypted by the vault)
    chain_der: tuple[bytes, ...] = ()
    origin: Origin = "self-signed"

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate (DER), as colon-separated upper-case hex pairs."""
        return fingerprint_der(self.certificate_der)

    @cached_property
    def info(self) -> CertificateInfo:
        """Names, validity and key size read from the certificate."""
        return certificate_info(self.certificate_der)

    @property
    def valid_until(self) -> datetime:
        """When the certificate expires (UTC)."""
        return self.info.not_after

    @cached_property
    def certificate(self) -> x509.Certificate:
        """The certificate as a PyCA object (needs ``cryptography``)."""
        return x509.load_der_x509_certificate(self.certificate_der)

    @cached_property
    def private_key(self) -> SigningKey:
        """The private key as a PyCA object (needs ``cryptography``)."""
        key = serialization.load_der_private_key(self.key_der, None)
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise IdentityError("De opgeslagen sleutel is geen ECDSA- of RSA-sleutel.")
        return key

    @cached_property
    def chain(self) -> tuple[x509.Certificate, ...]:
        """The certificates above the signer's own as PyCA objects (needs ``cryptography``)."""
        return tuple(x509.load_der_x509_certificate(der) for der in self.chain_der)

    def with_role(self, role: str) -> SigningIdentity:
        """Return a copy presenting with another role (the role is not in an imported cert)."""
        return replace(self, role=_clean(role, "role", "rol", required=False))

    def warnings(self, now: datetime) -> tuple[IdentityWarning, ...]:
        """What is weak or out of date about this identity at ``now`` (see identity_warnings)."""
        return identity_warnings(self, now)

    def to_bytes(self, password: bytes | None = None) -> bytes:
        """Serialize for an ``IdentityStore``.

        Args:
            password: encrypt the private key with it (PKCS#8, needs ``cryptography``);
                ``None`` leaves the key unencrypted for a store that encrypts the whole record
                itself (the app's vault, also in the browser).
        """
        if password:
            key_pem = self.private_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(password),
            ).decode("ascii")
        else:
            key_pem = to_pem(self.key_der, "PRIVATE KEY")
        doc = {
            "format": _FORMAT,
            "origin": self.origin,
            "name": self.name,
            "organisation": self.organisation,
            "email": self.email,
            "role": self.role,
            "certificate": to_pem(self.certificate_der),
            "chain": [to_pem(der) for der in self.chain_der],
            "key": key_pem,
            "key_encrypted": bool(password),
        }
        return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, password: bytes | None = None) -> SigningIdentity:
        """Read what ``to_bytes`` wrote; raises ``IdentityLockedError`` for a wrong password."""
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != _FORMAT:
                raise ValueError("unknown format")
            certificate = from_pem(doc["certificate"])
            certificate_info(certificate)  # readable, or ValueError
            chain = tuple(from_pem(c) for c in doc["chain"])
            key_pem = str(doc["key"])
            encrypted = bool(doc["key_encrypted"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise IdentityError(
                "De opgeslagen ondertekenaar is beschadigd. Maak een nieuwe of importeer "
                "het certificaat opnieuw."
            ) from exc
        if encrypted and not password:
            raise IdentityLockedError("Geef je pincode om de ondertekenaar te openen.")
        key_der = _key_from_pem(key_pem, password if encrypted else None)
        return cls(
            name=doc["name"],
            organisation=doc["organisation"],
            email=doc["email"],
            role=doc.get("role", ""),
            certificate_der=certificate,
            key_der=key_der,
            chain_der=chain,
            origin="pkcs12" if doc.get("origin") == "pkcs12" else "self-signed",
        )


def _key_from_pem(key_pem: str, password: bytes | None) -> bytes:
    """The PKCS#8 DER of a stored key: plain PEM is read anywhere, an encrypted one needs
    ``cryptography``. Only ECDSA and RSA keys are accepted."""
    if password is None:
        try:
            der = from_pem(key_pem, "PRIVATE KEY")
            kind = key_algorithm(der)
        except ValueError as exc:
            raise IdentityError(
                "De opgeslagen sleutel van de ondertekenaar is beschadigd. Maak een nieuwe of "
                "importeer het certificaat opnieuw."
            ) from exc
    else:
        try:
            key = serialization.load_pem_private_key(key_pem.encode("ascii"), password)
        except (ValueError, TypeError) as exc:
            raise IdentityLockedError(
                "De pincode klopt niet: de sleutel van de ondertekenaar gaat niet open."
            ) from exc
        der = _pkcs8(key)
        kind = key_algorithm(der)
    if kind not in ("ec", "rsa"):
        raise IdentityError("De opgeslagen sleutel is geen ECDSA- of RSA-sleutel.")
    return der


def _pkcs8(key: Any) -> bytes:
    return bytes(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def fingerprint_der(der: bytes) -> str:
    """SHA-256 fingerprint of a DER certificate, e.g. ``"3F:A0:…"`` (32 pairs)."""
    return hashlib.sha256(der).digest().hex(":").upper()


def fingerprint_of(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint of a PyCA certificate, e.g. ``"3F:A0:…"`` (32 pairs)."""
    return fingerprint_der(certificate.public_bytes(serialization.Encoding.DER))


def create_identity(
    *, name: str, organisation: str, email: str, role: str = "", now: datetime
) -> SigningIdentity:
    """Generate an ECDSA P-256 key pair and a self-signed certificate for a professional.

    Raises:
        IdentityError: a field is empty, too long, or the e-mail address is not one.
    """
    name = _clean(name, "name", "naam")
    organisation = _clean(organisation, "organisation", "organisatie")
    email = _clean(email, "email", "e-mailadres")
    role = _clean(role, "role", "rol", required=False)
    if not _EMAIL.match(email):
        raise IdentityFieldError(
            f"'{email}' is geen e-mailadres. Schrijf het als naam@organisatie.nl.",
            code=RecordCode.IDENTITY_EMAIL, field="email",
        )  # fmt: skip
    if importlib.util.find_spec("cryptography") is None:  # the browser build
        try:
            certificate_der, key_der = lite_self_signed(
                name=name, organisation=organisation, email=email, role=role, now=now,
                years=_VALID_YEARS,
            )  # fmt: skip
        except CurvesUnavailable as exc:  # the page is still loading its P-256 (seconds)
            raise IdentityError(
                "De app is nog bezig met laden. Probeer het over een paar seconden opnieuw."
            ) from exc
        return SigningIdentity(
            name=name, organisation=organisation, email=email, role=role,
            certificate_der=certificate_der, key_der=key_der,
        )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    subject_attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, email),
    ]
    if role:
        subject_attrs.append(x509.NameAttribute(NameOID.TITLE, role))
    subject = x509.Name(subject_attrs)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * _VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        # NSS (pdfsig, Firefox) accepts a signing certificate whose EKU includes emailProtection.
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(
        name=name,
        organisation=organisation,
        email=email,
        role=role,
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        key_der=_pkcs8(key),
    )


def identity_warnings(identity: SigningIdentity, now: datetime) -> tuple[IdentityWarning, ...]:
    """Warnings for a usable but doubtful identity: a weak key, an expired or future certificate.

    An imported ``.p12`` is accepted with these (the organisation decides), but the user is told.
    """
    warnings: list[IdentityWarning] = []
    info = identity.info
    bits = info.key_bits
    is_rsa = info.key_algorithm == "rsa"
    weak = bits < MIN_RSA_BITS if is_rsa else bits < MIN_EC_BITS
    if weak:
        kind = "RSA" if is_rsa else "ECDSA"
        minimum = MIN_RSA_BITS if kind == "RSA" else MIN_EC_BITS
        warnings.append(
            IdentityWarning(
                "weak-key",
                f"Dit certificaat gebruikt een {kind}-sleutel van {bits} bits. Dat is te zwak: "
                "een handtekening ermee is na te maken. Vraag je organisatie om een certificaat "
                f"met een sleutel van minstens {minimum} bits.",
            )
        )
    if info.not_after <= now:
        warnings.append(
            IdentityWarning(
                "expired",
                f"Dit certificaat is verlopen op {info.not_after:%d-%m-%Y}. Pdf-lezers "
                "noemen een handtekening ermee ongeldig. Vraag je organisatie om een nieuw "
                "certificaat.",
            )
        )
    elif info.not_before > now:
        warnings.append(
            IdentityWarning(
                "not-yet-valid",
                f"Dit certificaat is pas geldig vanaf {info.not_before:%d-%m-%Y}. "
                "Pdf-lezers noemen een handtekening ermee tot dan ongeldig. Controleer de datum "
                "van je apparaat, of vraag je organisatie om een geldig certificaat.",
            )
        )
    return tuple(warnings)


def import_pkcs12(data: bytes, password: bytes | None, *, role: str = "") -> SigningIdentity:
    """Import an organisation's certificate and key from a PKCS#12 (.p12/.pfx) file.

    Raises:
        IdentityImportError: wrong password, not PKCS#12, no key or certificate, or a key type
            that PDF readers cannot check (only ECDSA and RSA are accepted); or this build
            cannot open .p12 files (the browser build has no PyCA ``cryptography``).
    """
    if importlib.util.find_spec("cryptography") is None:
        raise IdentityImportError(
            "In de webversie kan de app geen .p12-bestand openen. Importeer het certificaat in "
            "de app op je computer of telefoon, of maak hier een eigen ondertekenaar."
        )
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, password)
    except ValueError as exc:
        raise IdentityImportError(
            "Het bestand gaat niet open: het wachtwoord klopt niet of het is geen "
            ".p12-bestand. Vraag het certificaat en wachtwoord opnieuw op bij je organisatie."
        ) from exc
    if key is None or certificate is None:
        raise IdentityImportError(
            "In het .p12-bestand zit geen sleutel met certificaat. Vraag je organisatie om een "
            "bestand met beide."
        )
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityImportError(
            "Dit certificaat gebruikt een sleuteltype dat pdf-lezers niet kunnen controleren. "
            "Vraag je organisatie om een ECDSA- of RSA-certificaat."
        )
    subject = certificate.subject
    email = _attr(subject, NameOID.EMAIL_ADDRESS) or _san_email(certificate)
    return SigningIdentity(
        name=_attr(subject, NameOID.COMMON_NAME) or subject.rfc4514_string(),
        organisation=_attr(subject, NameOID.ORGANIZATION_NAME),
        email=email,
        role=_clean(role, "role", "rol", required=False) or _attr(subject, NameOID.TITLE),
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        key_der=_pkcs8(key),
        chain_der=tuple(c.public_bytes(serialization.Encoding.DER) for c in extra),
        origin="pkcs12",
    )


class IdentityStore(Protocol):
    """Where the serialized identity lives (the encrypted store in the app)."""

    def load(self) -> bytes | None:
        """Return the saved bytes, or ``None`` when nothing is saved yet."""
        ...

    def save(self, data: bytes) -> None:
        """Replace the saved bytes."""
        ...


class MemoryIdentityStore:
    """An ``IdentityStore`` in memory: for tests and for a session without a store."""

    def __init__(self, data: bytes | None = None) -> None:
        self._data = data

    def load(self) -> bytes | None:
        """Return the saved bytes, or ``None``."""
        return self._data

    def save(self, data: bytes) -> None:
        """Keep ``data`` in memory."""
        self._data = data


class VaultIdentityStore:
    """An ``IdentityStore`` kept as the one record of kind ``identity`` in the encrypted store.

    The store encrypts the record, so the key inside is serialized without a password.
    """

    KIND = "identity"

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def load(self) -> bytes | None:
        """The saved identity, or ``None`` when the store has none."""
        records = self._vault.list(kind=self.KIND)
        if not records:
            return None
        data = records[0].payload.get("data")
        return data.encode("utf-8") if isinstance(data, str) else None

    def save(self, data: bytes) -> None:
        """Create or replace the identity record."""
        payload = {"data": data.decode("utf-8")}
        records = self._vault.list(kind=self.KIND)
        if records:
            self._vault.update(records[0].id, payload=payload)
        else:
            self._vault.create(self.KIND, "Ondertekenaar", payload)


def save_identity(
    store: IdentityStore, identity: SigningIdentity, password: bytes | None = None
) -> None:
    """Serialize ``identity`` into ``store`` (key encrypted with ``password`` when given)."""
    store.save(identity.to_bytes(password))


def load_identity(store: IdentityStore, password: bytes | None = None) -> SigningIdentity:
    """Load the identity from ``store``; ``IdentityMissingError`` when there is none."""
    data = store.load()
    if data is None:
        raise IdentityMissingError()
    return SigningIdentity.from_bytes(data, password)


def _clean(value: str, field: str, label: str, *, required: bool = True) -> str:
    text = " ".join(value.split())
    if required and not text:
        raise IdentityFieldError(
            f"Vul je {label} in.", code=RecordCode.IDENTITY_FIELD_EMPTY, field=field
        )
    if len(text) > _MAX_FIELD:
        raise IdentityFieldError(
            f"Je {label} is te lang: houd het onder {_MAX_FIELD} tekens.",
            code=RecordCode.IDENTITY_FIELD_TOO_LONG, field=field, limit=_MAX_FIELD,
        )  # fmt: skip
    return text


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _san_email(certificate: x509.Certificate) -> str:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return ""
    emails = san.value.get_values_for_type(x509.RFC822Name)
    return emails[0] if emails else ""


def __getattr__(name: str) -> Any:
    """``SigningKey`` at run time, built when first asked for (it needs cryptography)."""
    if name == "SigningKey":
        from cryptography.hazmat.primitives.asymmetric import ec, rsa

        return ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
