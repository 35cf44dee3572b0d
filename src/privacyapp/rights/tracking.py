"""A sent request as the app remembers it: dates, term, follow-ups, and where it stands.

``RightsRequest`` is an immutable value; handlers replace it (``req = req.with_extension(d)``).
``to_dict``/``from_dict`` give the JSON payload the encrypted store keeps under
``kind="request"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from privacyapp.rights.deadline import REPLY_TO_REMINDER_DAYS, Deadline, compute_deadline
from privacyapp.rights.errors import DeadlineError, StoredRequestError
from privacyapp.rights.kinds import DeadlineRule, RequestKind, kind_spec
from privacyapp.rights.messages import Code
from privacyapp.rights.recipient import Recipient

__all__ = [
    "RECORD_KIND",
    "FollowUp",
    "FollowUpKind",
    "RightsRequest",
    "Stage",
    "Status",
]

#: The store's record kind for saved requests.
RECORD_KIND = "request"
_VERSION = 1


class Status(StrEnum):
    """What the user said about the request."""

    OPEN = "open"
    BEANTWOORD = "beantwoord"
    INGETROKKEN = "ingetrokken"


class FollowUpKind(StrEnum):
    """A step after the first letter."""

    HERINNERING = "herinnering"
    KLACHT_AP = "klacht-ap"


class Stage(StrEnum):
    """Where a request stands on a given day."""

    VERSTUURD = "verstuurd"
    BIJNA_OM = "termijn-bijna-om"
    VERLOPEN = "termijn-verlopen"
    HERINNERD = "herinnering-verstuurd"
    AP_ROUTE = "klacht-bij-ap-mogelijk"
    KLACHT_AP = "klacht-bij-ap-ingediend"
    GEEN_TERMIJN = "geen-termijn"
    AFGEROND = "afgerond"


@dataclass(frozen=True)
class FollowUp:
    """A follow-up the user sent."""

    kind: FollowUpKind
    sent: date


@dataclass(frozen=True)
class RightsRequest:
    """A request the user sent, as kept in "Mijn overzicht"."""

    id: str
    kind: RequestKind
    recipient: Recipient
    subject: str
    sender: str
    sent: date
    letter: str
    """The full letter as sent (plain text)."""
    status: Status = Status.OPEN
    extension_announced: date | None = None
    follow_ups: tuple[FollowUp, ...] = field(default=())
    for_person: str = ""
    """The child or ward the request was made for ("" when for yourself)."""

    # ---------------------------------------------------------------- deadline and stage
    def deadline(self) -> Deadline | None:
        """The term, or None when this kind has no term to track (a complaint to the AP)."""
        rule = kind_spec(self.kind).deadline
        if rule is DeadlineRule.NONE:
            return None
        return compute_deadline(self.sent, extension_announced=self.extension_announced, rule=rule)

    def reminder_due(self) -> date | None:
        """The end of the extra time given in the last reminder, if one was sent."""
        reminders = [f.sent for f in self.follow_ups if f.kind is FollowUpKind.HERINNERING]
        return max(reminders) + timedelta(days=REPLY_TO_REMINDER_DAYS) if reminders else None

    def stage(self, today: date) -> Stage:
        """Where the request stands on ``today``."""
        if self.status is not Status.OPEN:
            return Stage.AFGEROND
        if any(f.kind is FollowUpKind.KLACHT_AP for f in self.follow_ups):
            return Stage.KLACHT_AP
        term = self.deadline()
        if term is None:
            return Stage.GEEN_TERMIJN
        reminder_due = self.reminder_due()
        if reminder_due is not None:
            return Stage.HERINNERD if today <= reminder_due else Stage.AP_ROUTE
        if today > term.due:
            return Stage.VERLOPEN
        if today >= term.remind_from():
            return Stage.BIJNA_OM
        return Stage.VERSTUURD

    # ---------------------------------------------------------------- changes
    def with_extension(self, announced: date) -> RightsRequest:
        """The organisation said it needs more time (announced on ``announced``)."""
        if announced < self.sent:
            raise DeadlineError(Code.EXTENSION_BEFORE)
        return replace(self, extension_announced=announced)

    def with_follow_up(self, kind: FollowUpKind, sent: date) -> RightsRequest:
        """The user sent a reminder or complained to the AP on ``sent``."""
        if sent < self.sent:
            raise DeadlineError(Code.FOLLOW_UP_BEFORE)
        return replace(self, follow_ups=(*self.follow_ups, FollowUp(kind, sent)))

    def with_status(self, status: Status) -> RightsRequest:
        """Mark the request answered, withdrawn or open again."""
        return replace(self, status=status)

    # ---------------------------------------------------------------- storage
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict for the encrypted store."""
        return {
            "version": _VERSION,
            "id": self.id,
            "kind": self.kind.value,
            "recipient": self.recipient.to_dict(),
            "subject": self.subject,
            "sender": self.sender,
            "sent": self.sent.isoformat(),
            "letter": self.letter,
            "status": self.status.value,
            "extension_announced": (
                self.extension_announced.isoformat() if self.extension_announced else None
            ),
            "follow_ups": [
                {"kind": f.kind.value, "sent": f.sent.isoformat()} for f in self.follow_ups
            ],
            "for_person": self.for_person,
        }

    @classmethod
    def from_dict(cls, data: Any) -> RightsRequest:
        """Read back what ``to_dict`` wrote.

        Raises:
            StoredRequestError: the data is not a saved request of a version we know.
        """
        try:
            if not isinstance(data, dict) or data.get("version") != _VERSION:
                raise ValueError("version")
            extension = data.get("extension_announced")
            follow_ups = data.get("follow_ups", [])
            if not isinstance(follow_ups, list):
                raise ValueError("follow_ups")
            return cls(
                id=_str(data["id"]),
                kind=RequestKind(data["kind"]),
                recipient=Recipient.from_dict(data["recipient"]),
                subject=_str(data["subject"]),
                sender=_str(data["sender"]),
                sent=date.fromisoformat(_str(data["sent"])),
                letter=_str(data["letter"]),
                status=Status(data.get("status", Status.OPEN.value)),
                extension_announced=(
                    date.fromisoformat(_str(extension)) if extension is not None else None
                ),
                follow_ups=tuple(
                    FollowUp(FollowUpKind(f["kind"]), date.fromisoformat(_str(f["sent"])))
                    for f in follow_ups
                ),
                for_person=_str(data.get("for_person", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoredRequestError(Code.STORED, detail=repr(exc)) from exc


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value
