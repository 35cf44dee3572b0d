"""A request being written: what the composer screen holds while the user types.

An immutable value; every edit returns a new ``Draft`` (``draft = draft.with_value(k, v)``), so
screens stay a function of state and tests need no UI.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from privacyapp.rights.errors import RecipientError
from privacyapp.rights.guidance import Role
from privacyapp.rights.kinds import RequestKind, kind_spec
from privacyapp.rights.letter import Applicant, Letter, Representation, RequestInput, compose
from privacyapp.rights.messages import Code
from privacyapp.rights.recipient import (
    AP_RECIPIENT,
    MunicipalityLike,
    Recipient,
    recipient_from_municipality,
    typed_recipient,
)
from privacyapp.rights.tracking import RightsRequest

__all__ = ["APPLICANT_KEYS", "ORGANISATION_KEYS", "Draft", "RecipientMode", "new_request"]

#: Keys of the "about you" inputs (shown for every kind).
APPLICANT_KEYS = ("name", "email", "phone", "address")
#: Keys of the typed-in organisation inputs.
ORGANISATION_KEYS = ("org_name", "org_email", "org_postal")


class RecipientMode(StrEnum):
    """Where the recipient comes from."""

    GEMEENTE = "gemeente"
    ORGANISATIE = "organisatie"


def _frozen(values: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class Draft:
    """Everything typed so far."""

    kind: RequestKind = RequestKind.INZAGE
    mode: RecipientMode = RecipientMode.GEMEENTE
    municipality: MunicipalityLike | None = None
    values: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    """Applicant, organisation and kind fields by key (see ``APPLICANT_KEYS`` etc.)."""
    for_someone: bool = False
    role: Role = Role.OUDER
    person: str = ""

    def value(self, key: str) -> str:
        """The text typed for ``key`` ("" when nothing)."""
        return self.values.get(key, "")

    def with_value(self, key: str, value: str) -> Draft:
        """A copy with one input changed."""
        return replace(self, values=_frozen({**self.values, key: value}))

    def with_kind(self, kind: RequestKind | str) -> Draft:
        """Another kind of request; typed fields are kept (only the asked ones are used)."""
        return replace(self, kind=RequestKind(kind))

    def with_municipality(self, municipality: MunicipalityLike | None) -> Draft:
        """Choose (or clear) the municipality."""
        return replace(self, municipality=municipality, mode=RecipientMode.GEMEENTE)

    def with_mode(self, mode: RecipientMode | str) -> Draft:
        """Switch between a municipality and a typed-in organisation."""
        return replace(self, mode=RecipientMode(mode))

    def with_representation(
        self, for_someone: bool, role: Role | str | None = None, person: str | None = None
    ) -> Draft:
        """Writing for oneself, or for a child or ward."""
        return replace(
            self,
            for_someone=for_someone,
            role=Role(role) if role is not None else self.role,
            person=self.person if person is None else person,
        )

    # ---------------------------------------------------------------- building the letter
    def needs_recipient(self) -> bool:
        """False for a complaint to the AP: its address is fixed."""
        return self.kind is not RequestKind.KLACHT_AP

    def recipient(self) -> Recipient:
        """The recipient chosen or typed so far.

        Raises:
            RecipientError: no municipality chosen, or the typed organisation is incomplete.
            InvalidAddressError: the typed e-mail address is not valid.
        """
        if not self.needs_recipient():
            return AP_RECIPIENT
        if self.mode is RecipientMode.GEMEENTE:
            if self.municipality is None:
                raise RecipientError(Code.CHOOSE_MUNICIPALITY)
            return recipient_from_municipality(self.municipality)
        return typed_recipient(
            self.value("org_name"), email=self.value("org_email"), postal=self.value("org_postal")
        )

    def to_input(self) -> RequestInput:
        """The request as the letter writer takes it (only the fields this kind asks)."""
        spec = kind_spec(self.kind)
        asked = spec.required + spec.optional
        details = {key: self.value(key) for key in asked if self.value(key).strip()}
        rep = Representation(self.role, self.person) if self.for_someone else None
        applicant = Applicant(*(self.value(key) for key in APPLICANT_KEYS))
        return RequestInput(self.kind, applicant, self.recipient(), details, rep)

    def compose(self, today: date) -> Letter:
        """Write the letter (raises the same errors as ``letter.compose``)."""
        return compose(self.to_input(), today)


def new_request(letter: Letter, sent: date, request_id: str | None = None) -> RightsRequest:
    """The tracked request for a letter the user says they sent on ``sent``."""
    return RightsRequest(
        id=request_id or secrets.token_hex(8),
        kind=letter.kind,
        recipient=letter.recipient,
        subject=letter.subject,
        sender=letter.sender,
        sent=sent,
        letter=letter.as_text(),
        for_person=letter.representation.person if letter.representation else "",
    )
