"""The typed, immutable record of one municipality, as the app uses it.

The register (Register van Overheidsorganisaties) has far more fields; we keep what a citizen
needs to contact the municipality and what a letter needs as recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Address", "Municipality", "normalise_postcode"]

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(text: str) -> str | None:
    """Return ``"1234 AB"`` for a Dutch postcode in any spacing or case, else ``None``."""
    match = _POSTCODE.match(text)
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


@dataclass(frozen=True, slots=True)
class Address:
    """A postal or visiting address. A PO box is ``street="Postbus"``, ``house_number="9105"``."""

    street: str
    """Street name, or ``"Postbus"`` for a PO box."""
    house_number: str
    """House number with letter and addition (``"70a"``, ``"1 A"``), or the PO box number."""
    postcode: str
    """Postcode as ``"6511 PP"`` (normalised when the register's value is a Dutch postcode)."""
    city: str
    """Place name as the register writes it (often in capitals, as PostNL prefers)."""

    def lines(self) -> list[str]:
        """The address as lines for a letter or a card, without empty lines."""
        first = " ".join(part for part in (self.street, self.house_number) if part)
        second = "  ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (first, second) if line]

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready dict."""
        return {
            "street": self.street,
            "house_number": self.house_number,
            "postcode": self.postcode,
            "city": self.city,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Address:
        """Inverse of :meth:`to_dict`; raises ``KeyError``/``TypeError`` on a bad shape."""
        values = {key: data[key] for key in ("street", "house_number", "postcode", "city")}
        if not all(isinstance(value, str) for value in values.values()):
            raise TypeError("address fields must be text")
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Municipality:
    """One active municipality with its general contact details."""

    code: str
    """CBS municipality code with the register's ``GM`` prefix, upper case: ``"GM0344"``.
    (The register calls it ``Organisatiecode``; PDOK gives the bare ``"0344"``.)"""
    name: str
    """Plain name without "Gemeente": ``"'s-Hertogenbosch"``, ``"Bergen (NH)"``."""
    phone: str | None = None
    """General phone number as published (``"14 024"``, ``"(073) 615 51 55"``)."""
    email: str | None = None
    """General e-mail address; ``None`` when the register lists none for general questions."""
    website: str | None = None
    """Home page, always with a scheme."""
    contact_form: str | None = None
    """URL of the contact form (the general one if there is one)."""
    visit_address: Address | None = None
    postal_address: Address | None = None
    official_name: str = ""
    """The register's name, e.g. ``"Gemeente Nijmegen"``; use it to address a letter."""
    aliases: tuple[str, ...] = field(default=())
    """Other names people use (``"Den Bosch"``); searched too."""
    register_id: str = ""
    """The register's own id (``systeemId``), used in organisaties.overheid.nl links."""

    @property
    def letter_name(self) -> str:
        """The name to put above an address: the official name, or "Gemeente <name>"."""
        return self.official_name or f"Gemeente {self.name}"

    @property
    def cbs_code(self) -> str:
        """The four digits without ``GM``, as PDOK and CBS write them."""
        return self.code[2:]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the cache and the built-in snapshot use this shape)."""
        return {
            "code": self.code,
            "name": self.name,
            "official_name": self.official_name,
            "aliases": list(self.aliases),
            "register_id": self.register_id,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
            "contact_form": self.contact_form,
            "visit_address": self.visit_address.to_dict() if self.visit_address else None,
            "postal_address": self.postal_address.to_dict() if self.postal_address else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Municipality:
        """Inverse of :meth:`to_dict`; raises ``KeyError``/``TypeError`` on a bad shape."""

        def text(key: str) -> str | None:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{key} must be text")
            return value

        def address(key: str) -> Address | None:
            value = data.get(key)
            return None if value is None else Address.from_dict(value)

        code, name = data["code"], data["name"]
        if not isinstance(code, str) or not isinstance(name, str):
            raise TypeError("code and name must be text")
        return cls(
            code=code,
            name=name,
            phone=text("phone"),
            email=text("email"),
            website=text("website"),
            contact_form=text("contact_form"),
            visit_address=address("visit_address"),
            postal_address=address("postal_address"),
            official_name=text("official_name") or "",
            aliases=tuple(str(alias) for alias in data.get("aliases", ())),
            register_id=text("register_id") or "",
        )
