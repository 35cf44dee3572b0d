"""What the store keeps: ``Record`` values, and the checks on what a user types into them.

A record is one saved thing: a flow path (payload = ``PathTaken.to_dict()`` from the engine), a
checklist, a rights request, or the signing identity (its key material is encrypted like any other
record). Records are immutable values; the store hands out new ones on every change.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from privacyapp.dossier.errors import InvalidRecordError

__all__ = [
    "KINDS",
    "REFERENCE_WARNING",
    "Record",
    "check_reference",
    "check_title",
    "looks_like_bsn",
    "new_record_id",
]

#: Record kinds the app knows; other packages may add their own short lowercase kinds.
KINDS = ("path", "checklist", "request", "identity")
_KIND = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_TITLE = 200
MAX_REFERENCE = 60

REFERENCE_WARNING = (
    "Vul hier geen naam, BSN of andere gegevens in waarmee iemand te herkennen is. "
    "Gebruik bijvoorbeeld het dossiernummer van je eigen organisatie."
)

# 9 digits, possibly grouped with spaces, dots or dashes (e.g. "1234.56.782").
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){8}(?!\d)")


def new_record_id() -> str:
    """A random 64-bit id in hex: not guessable, not linked to the content."""
    return secrets.token_hex(8)


def looks_like_bsn(text: str) -> bool:
    """True when ``text`` contains 9 digits that pass the BSN eleven-test ("elfproef")."""
    for match in _DIGIT_RUN.finditer(text):
        digits = [int(c) for c in match.group() if c.isdigit()]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        if total % 11 == 0 and any(digits):
            return True
    return False


def check_reference(reference: str | None) -> str | None:
    """Validate an optional client reference; returns it stripped (``None`` when empty).

    Raises:
        InvalidRecordError: it looks like a BSN, or it is too long.
    """
    if reference is None or not reference.strip():
        return None
    reference = " ".join(reference.split())
    if looks_like_bsn(reference):
        raise InvalidRecordError(
            "Dit kenmerk lijkt op een BSN. Vul geen BSN in: gebruik een eigen dossiernummer "
            "zonder naam of BSN.",
            reason="reference_bsn",
        )
    if len(reference) > MAX_REFERENCE:
        raise InvalidRecordError(
            f"Het kenmerk is te lang (maximaal {MAX_REFERENCE} tekens).",
            reason="reference_long",
            limit=MAX_REFERENCE,
        )
    return reference


def check_title(title: str) -> str:
    """Validate a record title (not empty, at most 200 characters)."""
    title = " ".join(title.split())
    if not title:
        raise InvalidRecordError("Geef een titel op.", reason="title_empty")
    if len(title) > MAX_TITLE:
        raise InvalidRecordError(
            f"De titel is te lang (maximaal {MAX_TITLE} tekens).",
            reason="title_long",
            limit=MAX_TITLE,
        )
    return title


def check_kind(kind: str) -> str:
    if not _KIND.fullmatch(kind):
        raise InvalidRecordError(f"Onbekende soort gegevens: {kind!r}.")
    return kind


@dataclass(frozen=True)
class Record:
    """One saved item.

    Attributes:
        id: 16 hex characters, random.
        kind: ``path``, ``checklist``, ``request``, ``identity`` (or another short kind).
        title: what the overview shows.
        created_at: when it was first saved (timezone-aware).
        updated_at: when it was last changed.
        status: free short text, e.g. ``opgeslagen``, ``verstuurd``, ``afgerond``.
        reference: optional client reference (never a name or BSN).
        flow_id: the flow it belongs to, if any.
        payload: the kind-specific content (JSON-able).
        revision: increases by one on every save; the journal records it.
    """

    id: str
    kind: str
    title: str
    created_at: datetime
    updated_at: datetime
    status: str = "opgeslagen"
    reference: str | None = None
    flow_id: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    revision: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "status": self.status,
            "reference": self.reference,
            "flow_id": self.flow_id,
            "payload": self.payload,
            "revision": self.revision,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record; raises ``InvalidRecordError`` for missing or malformed fields."""
        try:
            record = cls(
                id=str(data["id"]),
                kind=str(data["kind"]),
                title=str(data["title"]),
                created_at=datetime.fromisoformat(str(data["created_at"])),
                updated_at=datetime.fromisoformat(str(data["updated_at"])),
                status=str(data.get("status") or "opgeslagen"),
                reference=None if data.get("reference") is None else str(data["reference"]),
                flow_id=None if data.get("flow_id") is None else str(data["flow_id"]),
                payload=dict(data.get("payload") or {}),
                revision=int(data.get("revision", 1)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidRecordError(f"Onleesbaar item: {exc}") from exc
        if not _ID.fullmatch(record.id):
            raise InvalidRecordError(f"Onleesbaar item: ongeldig id {record.id!r}")
        return record

    def changed(self, at: datetime, **changes: Any) -> Record:
        """Return a copy with ``changes``, a new ``updated_at`` and the next revision."""
        return replace(self, updated_at=at, revision=self.revision + 1, **changes)
