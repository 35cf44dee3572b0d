"""Writing the letter: clear Dutch at B1, the right articles and terms, our own words.

``compose`` checks and cleans what the user typed, then writes a ``Letter``. Every letter and
every message the app writes ends with ``FOOTER``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from privacyapp.rights._dates import dutch_date
from privacyapp.rights._paragraphs import LAWS, body_paragraphs, law_key
from privacyapp.rights._text import clean_line, clean_text
from privacyapp.rights.errors import MissingFieldError, UnknownFieldError
from privacyapp.rights.guidance import Role, role_spec
from privacyapp.rights.kinds import FIELDS, KindSpec, RequestKind, kind_spec
from privacyapp.rights.messages import Code, Label
from privacyapp.rights.recipient import AP_RECIPIENT, Channel, Recipient, validate_email

__all__ = [
    "FOOTER",
    "Applicant",
    "Letter",
    "Representation",
    "RequestInput",
    "compose",
    "dutch_date",
]

#: The last line of every message the app writes.
FOOTER = "Dit bericht is gegenereerd door de PrivacyApp ondersteuning en zorg."


@dataclass(frozen=True)
class Applicant:
    """The person who signs the letter, and how the organisation can reach them."""

    name: str
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Representation:
    """Writing for a child or ward."""

    role: Role
    person: str
    """Name of the child or ward."""


@dataclass(frozen=True)
class RequestInput:
    """Everything the user told the composer."""

    kind: RequestKind
    applicant: Applicant
    recipient: Recipient
    details: Mapping[str, str] = field(default_factory=dict)
    representation: Representation | None = None


@dataclass(frozen=True)
class Letter:
    """A finished letter."""

    kind: RequestKind
    recipient: Recipient
    subject: str
    body: str
    """From the greeting to ``FOOTER``; lines separated by ``\\n``."""
    written_on: date
    sender: str
    representation: Representation | None = None

    def as_text(self) -> str:
        """The whole letter as plain text: addressee, date, subject, body."""
        head = list(self.recipient.postal_lines) or [self.recipient.name]
        if self.recipient.email:
            head.append(self.recipient.email)
        lines = [
            "Aan:",
            *head,
            "",
            f"Datum: {dutch_date(self.written_on)}",
            f"Onderwerp: {self.subject}",
            "",
            self.body,
        ]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Clean:
    spec: KindSpec
    name: str
    email: str
    phone: str
    address: str
    details: dict[str, str]
    rep: Representation | None


_NAME = Label("applicant.name")
_ADDRESS = Label("applicant.address")
_PERSON = Label("label.person")


def _clean(request: RequestInput) -> _Clean:
    spec = kind_spec(request.kind)
    allowed = set(spec.required + spec.optional)
    unknown = sorted(set(request.details) - allowed)
    if unknown:
        asked = ", ".join(sorted(allowed))
        raise UnknownFieldError(
            Code.UNKNOWN_FIELD,
            kind=Label(f"kind.{spec.kind.value}", lower=True),
            unknown=", ".join(unknown),
            asked=asked,
        )
    details: dict[str, str] = {}
    for key, value in request.details.items():
        label = Label(f"field.{key}")
        if FIELDS[key].multiline:
            details[key] = clean_text(value, label=label)
        else:
            details[key] = clean_line(value, label=label)
    app = request.applicant
    name = clean_line(app.name, label=_NAME)
    email = validate_email(app.email) if app.email.strip() else ""
    phone = clean_line(app.phone, label=Label("applicant.phone"), limit=40)
    address = clean_text(app.address, label=_ADDRESS, limit=300)
    missing = [] if name else [_NAME]
    missing += [Label(f"field.{key}") for key in spec.required if not details.get(key)]
    if request.kind is RequestKind.KLACHT_AP and not address:
        missing.append(_ADDRESS)
    elif not (email or address or phone) and request.recipient.channel is not Channel.EMAIL:
        # By e-mail the organisation can simply reply; by post or form it needs an address.
        missing.append(Label("label.contact"))
    rep = request.representation
    if rep is not None:
        person = clean_line(rep.person, label=_PERSON)
        if not person:
            missing.append(_PERSON)
        rep = Representation(rep.role, person)
    if missing:
        raise MissingFieldError(missing)
    return _Clean(spec, name, email, phone, address, details, rep)


def compose(request: RequestInput, today: date) -> Letter:
    """Write the letter for ``request``, dated ``today``.

    Raises:
        MissingFieldError: required fields are empty (all of them are listed).
        InputTooLongError: a field is too long.
        UnknownFieldError: a detail this kind does not ask for.
        InvalidAddressError: the user's own e-mail address is not valid.
    """
    c = _clean(request)
    subject = c.spec.subject
    if request.kind is RequestKind.VERNIETIGING:
        noun, _basis, short = LAWS[law_key(c.details["law"])]
        subject = f"Verzoek om vernietiging van mijn {noun} ({short})"
        if c.rep is not None:
            subject = subject.replace("mijn", "een")
    recipient = AP_RECIPIENT if request.kind is RequestKind.KLACHT_AP else request.recipient
    paragraphs = ["Geachte heer of mevrouw,"]
    if c.rep is not None:
        paragraphs.append(
            f"Ik schrijf deze brief namens {c.rep.person}. "
            f"Ik ben {role_spec(c.rep.role).label} van {c.rep.person}."
        )
    paragraphs += body_paragraphs(
        c.spec,
        c.details,
        c.rep.person if c.rep else None,
        c.rep.role if c.rep else None,
        recipient,
    )
    paragraphs.append(_contact_block(c))
    paragraphs.append(f"Met vriendelijke groet,\n\n{c.name}")
    paragraphs.append(FOOTER)
    return Letter(
        kind=request.kind,
        recipient=recipient,
        subject=subject,
        body="\n\n".join(paragraphs),
        written_on=today,
        sender=c.name,
        representation=c.rep,
    )


def _contact_block(c: _Clean) -> str:
    lines = ["Mijn gegevens:", f"Naam: {c.name}"]
    if c.rep is not None:
        lines.append(f"Namens: {c.rep.person}")
    if c.address:
        lines.append("Adres: " + ", ".join(c.address.split("\n")))
    if c.email:
        lines.append(f"E-mail: {c.email}")
    if c.phone:
        lines.append(f"Telefoon: {c.phone}")
    if c.details.get("reference"):
        lines.append(f"Klant- of dossiernummer: {c.details['reference']}")
    return "\n".join(lines)
