"""Who gets the letter: a municipality from the directory, the AP, or an organisation typed in.

The municipality directory lives in ``privacyapp.opendata``; this module depends only on the
few attributes it needs (``MunicipalityLike``, ``AddressLike``), so rights never imports opendata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from privacyapp.rights._text import clean_line, clean_text
from privacyapp.rights.errors import InvalidAddressError, RecipientError
from privacyapp.rights.messages import Code, Label

__all__ = [
    "AP_RECIPIENT",
    "AddressLike",
    "Channel",
    "MunicipalityLike",
    "Recipient",
    "recipient_from_municipality",
    "typed_recipient",
    "validate_email",
]

#: Said with every municipality: some want their own form or DigiD instead of an e-mail.
MUNICIPALITY_NOTE = (
    " Sommige gemeenten hebben een eigen formulier of vragen je in te loggen met DigiD. "
    "Vraagt je gemeente dat? Dan kun je de tekst van de brief daar gebruiken."
)

_LOCAL = re.compile(r"[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_TLD = re.compile(r"(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})")


class AddressLike(Protocol):
    """The parts of ``privacyapp.opendata.Address`` a letter needs."""

    @property
    def street(self) -> str | None: ...
    @property
    def house_number(self) -> str | None: ...
    @property
    def postcode(self) -> str | None: ...
    @property
    def city(self) -> str | None: ...
    def lines(self) -> Sequence[str]: ...


class MunicipalityLike(Protocol):
    """The parts of ``privacyapp.opendata.Municipality`` a letter needs."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str | None: ...
    @property
    def contact_form(self) -> str | None: ...
    @property
    def website(self) -> str | None: ...
    @property
    def postal_address(self) -> AddressLike | None: ...
    @property
    def visit_address(self) -> AddressLike | None: ...


class Channel(StrEnum):
    """How the letter reaches the organisation."""

    EMAIL = "email"
    CONTACT_FORM = "contactformulier"
    POST = "post"


@dataclass(frozen=True)
class Recipient:
    """The organisation a letter goes to, and how."""

    name: str
    channel: Channel
    email: str = ""
    contact_form: str = ""
    postal_lines: tuple[str, ...] = ()
    explanation: str = ""
    """Why the app chose this channel, in words for the user."""
    municipality_code: str = ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (see ``from_dict``)."""
        return {
            "name": self.name,
            "channel": self.channel.value,
            "email": self.email,
            "contact_form": self.contact_form,
            "postal_lines": list(self.postal_lines),
            "explanation": self.explanation,
            "municipality_code": self.municipality_code,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Recipient:
        """Read back what ``to_dict`` wrote; raises ``KeyError``/``ValueError`` on bad data."""
        lines = data.get("postal_lines", [])
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ValueError("postal_lines")
        return cls(
            name=str(data["name"]),
            channel=Channel(str(data["channel"])),
            email=str(data.get("email", "")),
            contact_form=str(data.get("contact_form", "")),
            postal_lines=tuple(lines),
            explanation=str(data.get("explanation", "")),
            municipality_code=str(data.get("municipality_code", "")),
        )


def validate_email(address: str) -> str:
    """Return the address cleaned, or raise with a message the user can act on.

    Deliberately stricter than RFC 5322: one plain ``name@domain.tld``, no spaces, commas,
    quotes, ``?``, ``&``, ``%`` or ``#``, so an address can never smuggle in a second recipient
    or a header. Domain names with accents are turned into their ASCII (punycode) form.

    Raises:
        InvalidAddressError: empty or not a valid address.
    """
    text = address.strip()
    if not text:
        raise InvalidAddressError(Code.EMAIL_EMPTY)
    shown = text if len(text) <= 60 else text[:57] + "..."
    invalid = InvalidAddressError(Code.EMAIL_INVALID, address=shown)
    if len(text) > 254 or text.count("@") != 1:
        raise invalid
    local, domain = text.split("@")
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise invalid
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise invalid from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise invalid
    if not _TLD.fullmatch(labels[-1]):
        raise invalid
    return f"{local}@{ascii_domain.lower()}"


def _usable_email(value: str | None) -> str:
    if not value:
        return ""
    try:
        return validate_email(value)
    except InvalidAddressError:
        return ""


def _address_lines(name: str, address: AddressLike | None) -> tuple[str, ...]:
    if address is None:
        return ()
    lines = tuple(clean_line(line) for line in address.lines() if line and line.strip())
    return (name, *lines) if lines else ()


def recipient_from_municipality(municipality: MunicipalityLike) -> Recipient:
    """Choose how to reach a municipality and explain the choice.

    E-mail when the register has a valid address; otherwise the contact form (with the postal
    address as a second way); otherwise post.

    Raises:
        RecipientError: the register has no e-mail, contact form or postal address.
    """
    name = clean_line(municipality.name, label=Label("label.municipality"))
    official = getattr(municipality, "letter_name", None)  # opendata's "Gemeente Nijmegen"
    title = clean_line(official) if isinstance(official, str) and official.strip() else ""
    title = title or f"Gemeente {name}"
    email = _usable_email(municipality.email)
    postal = _address_lines(title, municipality.postal_address)
    if not postal:
        postal = _address_lines(title, municipality.visit_address)
    form = (municipality.contact_form or "").strip()
    common = {"name": title, "municipality_code": municipality.code}
    if email:
        return Recipient(
            channel=Channel.EMAIL,
            email=email,
            postal_lines=postal,
            explanation=(
                f"We sturen je brief naar het e-mailadres van de gemeente: {email}."
                + MUNICIPALITY_NOTE
            ),
            **common,
        )
    if form:
        post_hint = " Je kunt de brief ook als PDF printen en per post sturen." if postal else ""
        return Recipient(
            channel=Channel.CONTACT_FORM,
            contact_form=form,
            postal_lines=postal,
            explanation=(
                f"{title} heeft geen e-mailadres in het register. Kopieer de brief en "
                f"plak hem in het contactformulier op de website van de gemeente.{post_hint}"
                + MUNICIPALITY_NOTE
            ),
            **common,
        )
    if postal:
        return Recipient(
            channel=Channel.POST,
            postal_lines=postal,
            explanation=(
                f"{title} heeft geen e-mailadres en geen contactformulier in het "
                "register. Bewaar de brief als PDF, print hem en stuur hem per post."
                + MUNICIPALITY_NOTE
            ),
            **common,
        )
    raise RecipientError(Code.UNREACHABLE, name=name)


def typed_recipient(name: str, *, email: str = "", postal: str = "") -> Recipient:
    """An organisation the user typed in: a name plus an e-mail address or a postal address.

    Raises:
        RecipientError: no name, or neither address.
        InvalidAddressError: an e-mail address that is not valid.
    """
    org = clean_line(name, label=Label("label.organisation"))
    if not org:
        raise RecipientError(Code.ORG_NAME)
    postal_text = clean_text(postal, label=Label("label.postal"), limit=400)
    postal_lines = (org, *postal_text.split("\n")) if postal_text else ()
    if email.strip():
        address = validate_email(email)
        return Recipient(
            name=org,
            channel=Channel.EMAIL,
            email=address,
            postal_lines=postal_lines,
            explanation=f"We sturen je brief naar {address}.",
        )
    if postal_lines:
        return Recipient(
            name=org,
            channel=Channel.POST,
            postal_lines=postal_lines,
            explanation="Bewaar de brief als PDF, print hem en stuur hem per post.",
        )
    raise RecipientError(Code.ORG_ADDRESS, name=org)


#: The Dutch supervisory authority. It takes complaints through its web form or by post,
#: not by e-mail.
AP_RECIPIENT = Recipient(
    name="Autoriteit Persoonsgegevens",
    channel=Channel.CONTACT_FORM,
    contact_form="https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap",
    postal_lines=("Autoriteit Persoonsgegevens", "Postbus 93374", "2509 AJ Den Haag"),
    explanation=(
        "De Autoriteit Persoonsgegevens neemt klachten aan via het klachtformulier op haar "
        "website of per post, niet per e-mail. Kopieer de brief in het formulier, of print de "
        "PDF en stuur hem op. Twijfel je? Bel de AP gratis: 088 - 1805 250."
    ),
)
