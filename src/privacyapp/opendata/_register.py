"""From the register's raw fields to a :class:`Municipality`.

The XML export and the CSV export carry the same facts in different shapes. Both parsers fill a
:class:`RegisterEntry`; this module decides, in one place, which phone, e-mail, website, form and
addresses a citizen should see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from privacyapp.opendata._model import Address, Municipality, normalise_postcode

__all__ = ["Labelled", "RegisterEntry", "is_permit_page"]

#: (value, label) as the register lists phones, e-mail addresses, web pages and forms.
Labelled = tuple[str, str]

_GENERAL = "algemeen"
_CODE = re.compile(r"gm(\d{4})", re.IGNORECASE)

#: A "contact form" that is really a permit or building page: words for permits, building and
#: the Omgevingswet in the address (``omgevingsvergunning``, ``bouwplan``, ``loketbouwen…``,
#: Ede's ``baliebwm``, the desk for bouwen, wonen en milieu). A privacy question sent there goes
#: to the wrong desk, so such links are never the contact form (the website stays).
_PERMIT_WORDS = re.compile(r"vergunning|bouw|omgeving|balie-?bwm", re.IGNORECASE)
#: The site of an omgevingsdienst (``odmh.nl``, ``odrivierenland.nl``, ``odijmond.nl``): the
#: regional environment agency that handles permits for several municipalities.
_AGENCY_HOST = re.compile(r"(?:www\.)?od[a-z]{2,}\.nl", re.IGNORECASE)


def is_permit_page(url: str, website: str | None = None) -> bool:
    """True when a register "contact form" link leads to a permit or building page.

    A link on an ``od…nl`` site counts as the omgevingsdienst's only when that site is not the
    municipality's own ``website`` (so a town called Odijk would keep its form).
    """
    if _PERMIT_WORDS.search(url):
        return True
    host = _host(url)
    own = _bare(_host(website)) if website else ""
    return _AGENCY_HOST.fullmatch(host) is not None and _bare(host) != own


def _host(url: str) -> str:
    match = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/?#:]+)", url.strip(), re.IGNORECASE)
    return match.group(1).casefold() if match else ""


def _bare(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


@dataclass
class RegisterEntry:
    """One ``organisatie`` of type Gemeente, as read from the XML or the CSV."""

    name: str = ""
    abbreviations: list[str] = field(default_factory=list)
    alternative_name: str = ""
    code: str = ""
    register_id: str = ""
    tooi: str = ""
    end_date: date | None = None
    addresses: list[dict[str, str]] = field(default_factory=list)
    phones: list[Labelled] = field(default_factory=list)
    emails: list[Labelled] = field(default_factory=list)
    websites: list[Labelled] = field(default_factory=list)
    forms: list[Labelled] = field(default_factory=list)

    def is_active(self, today: date) -> bool:
        """False for an abolished municipality (an ``eindDatum`` today or earlier)."""
        return self.end_date is None or self.end_date > today

    def municipality_code(self) -> str | None:
        """``"GM0268"`` from the Organisatiecode, or else from the TOOI identifier."""
        for candidate in (self.code, self.tooi):
            match = _CODE.search(candidate)
            if match:
                return f"GM{match.group(1)}"
        return None

    def to_municipality(self) -> Municipality | None:
        """The record a citizen sees, or ``None`` when the entry has no name or code."""
        code = self.municipality_code()
        official = " ".join(self.name.split())
        if code is None or not official:
            return None
        name = _plain_name(official)
        aliases = [
            alias
            for alias in (*self.abbreviations, self.alternative_name)
            if alias and _fold(alias) != _fold(name)
        ]
        website = _web(_pick(self.websites, fallback=True))
        return Municipality(
            code=code,
            name=name,
            phone=_phone(_pick(self.phones, fallback=True)),
            email=_pick(self.emails, fallback=False),
            website=website,
            contact_form=_contact_form(self.forms, website),
            visit_address=_address(self.addresses, "bezoekadres"),
            postal_address=_address(self.addresses, "postadres"),
            official_name=official,
            aliases=tuple(dict.fromkeys(aliases)),
            register_id=self.register_id,
        )


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _plain_name(official: str) -> str:
    """``"Gemeente Bergen (NH)"`` → ``"Bergen (NH)"``."""
    if official.casefold().startswith("gemeente "):
        return official[len("gemeente ") :].strip()
    return official


def _pick(items: list[Labelled], *, fallback: bool) -> str | None:
    """The value labelled "algemeen" (any case); else the first one when ``fallback``.

    E-mail has no fallback: an Omgevingsloket address is for permits, and sending a privacy
    question there would go to the wrong desk. The UI then shows the form and phone instead.
    """
    values = [(value.strip(), label.strip().casefold()) for value, label in items]
    values = [(value, label) for value, label in values if value]
    for value, label in values:
        if label == _GENERAL:
            return value
    if fallback and values:
        return values[0][0]
    return None


def _contact_form(forms: list[Labelled], website: str | None) -> str | None:
    """The general contact form, skipping permit and building pages (the website stays)."""
    usable = [(url, label) for url, label in forms if not is_permit_page(url, website)]
    return _web(_pick(usable, fallback=True))


def _phone(number: str | None) -> str | None:
    """Write the municipal short number the one way it can be dialled: ``"14 030"``.

    The register sometimes has it as an area code (``"(014) 030"``) or as one block
    (``"0140223"``); dialled like that, the call fails. Other numbers stay as published.
    """
    if number is None:
        return None
    digits = re.sub(r"\D", "", number)
    match = re.fullmatch(r"0?14(0\d{2,3})", digits)
    return f"14 {match.group(1)}" if match else number


def _web(url: str | None) -> str | None:
    """Add the scheme the register sometimes leaves out (``www.beemster.net``)."""
    if url is None:
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        return url
    return f"https://{url}"


def _address(addresses: list[dict[str, str]], kind: str) -> Address | None:
    """The first address whose ``adresType`` is exactly ``kind`` (not "... Omgevingsloket")."""
    for fields in addresses:
        if fields.get("adresType", "").strip().casefold() != kind:
            continue
        postcode_raw = fields.get("postcode", "").strip()
        postcode = normalise_postcode(postcode_raw) or postcode_raw
        city = fields.get("woonplaats", "").strip()
        if fields.get("postbus", "").strip():
            return Address("Postbus", fields["postbus"].strip(), postcode, city)
        if fields.get("antwoordnummer", "").strip():
            return Address("Antwoordnummer", fields["antwoordnummer"].strip(), postcode, city)
        number = " ".join(
            part.strip()
            for part in (fields.get("huisnummer", ""), fields.get("toevoeging", ""))
            if part.strip()
        )
        street = fields.get("openbareRuimte", "").strip()
        if street or postcode or city:
            return Address(street, number, postcode, city)
    return None
