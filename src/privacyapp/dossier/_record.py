"""What goes into a professional's PDF record: plain, immutable input for the report.

``RecordInput`` holds everything the PDF shows, already as text, so the layout never needs the
engine. ``from_path`` (in ``_record_builder``) fills it from an engine ``PathTaken``.

A record may carry a client reference (a case number of the organisation), never a name or a
BSN: ``check_client_reference`` refuses anything that passes the BSN eleven-test.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from privacyapp.dossier._records import looks_like_bsn
from privacyapp.dossier.errors import ClientReferenceError, ReportError

__all__ = [
    "CHECK_ANSWER_LABELS",
    "CLIENT_REFERENCE_WARNING",
    "Professional",
    "RecordAnswer",
    "RecordChecklistItem",
    "RecordInput",
    "RecordSource",
    "check_client_reference",
    "format_datetime",
]

#: Shown next to the client reference field in the app and repeated in the CLI help.
CLIENT_REFERENCE_WARNING = (
    "Gebruik alleen een dossiernummer of kenmerk van je organisatie. "
    "Nooit een naam of BSN: de pdf gaat mee in het dossier en kan gedeeld worden."
)

#: The checklist answers of the flow format, as a reader of the record sees them.
CHECK_ANSWER_LABELS = {"yes": "Ja", "no": "Nee", "unknown": "Weet ik niet"}

_MAX_REFERENCE = 40
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


@dataclass(frozen=True)
class Professional:
    """Who made the record, as printed at the top and in the signature block."""

    name: str
    role: str
    organisation: str
    email: str = ""


@dataclass(frozen=True)
class RecordAnswer:
    """One question of the walk with the answer the professional chose."""

    question: str
    answer: str
    at: datetime | None = None


@dataclass(frozen=True)
class RecordChecklistItem:
    """One checklist item with its answer (``yes``/``no``/``unknown``) and own note."""

    checklist: str
    text: str
    answer: str
    note: str = ""

    @property
    def answer_label(self) -> str:
        """The answer in Dutch ("Ja", "Nee", "Weet ik niet")."""
        return CHECK_ANSWER_LABELS.get(self.answer, self.answer)


@dataclass(frozen=True)
class RecordSource:
    """A legal source of the advice: a citation and the link to the official text."""

    citation: str
    url: str = ""


@dataclass(frozen=True)
class RecordInput:
    """Everything a signed PDF record shows."""

    title: str
    created_at: datetime
    professional: Professional
    flow_id: str
    flow_title: str
    flow_version: str
    content_hash: str
    answers: tuple[RecordAnswer, ...] = ()
    checklist: tuple[RecordChecklistItem, ...] = ()
    outcome_title: str = ""
    advice_steps: tuple[str, ...] = ()
    explanation: str = ""
    sources: tuple[RecordSource, ...] = ()
    considerations: str = ""
    client_reference: str = ""
    journal_head: str = ""

    def __post_init__(self) -> None:
        check_client_reference(self.client_reference)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``privacyapp pdf make`` reads it back)."""
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        for answer in data["answers"]:
            answer["at"] = answer["at"].isoformat() if answer["at"] else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordInput:
        """Rebuild from ``to_dict``; ``ReportError`` says which field is wrong."""
        try:
            return cls(
                title=str(data["title"]),
                created_at=datetime.fromisoformat(str(data["created_at"])),
                professional=Professional(**data["professional"]),
                flow_id=str(data["flow_id"]),
                flow_title=str(data["flow_title"]),
                flow_version=str(data["flow_version"]),
                content_hash=str(data.get("content_hash", "")),
                answers=tuple(
                    RecordAnswer(
                        question=str(a["question"]),
                        answer=str(a["answer"]),
                        at=datetime.fromisoformat(a["at"]) if a.get("at") else None,
                    )
                    for a in data.get("answers", ())
                ),
                checklist=tuple(RecordChecklistItem(**c) for c in data.get("checklist", ())),
                outcome_title=str(data.get("outcome_title", "")),
                advice_steps=tuple(str(s) for s in data.get("advice_steps", ())),
                explanation=str(data.get("explanation", "")),
                sources=tuple(RecordSource(**s) for s in data.get("sources", ())),
                considerations=str(data.get("considerations", "")),
                client_reference=str(data.get("client_reference", "")),
                journal_head=str(data.get("journal_head", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ReportError(
                f"Het vastlegbestand is onvolledig of onjuist ({type(exc).__name__}: {exc})."
            ) from exc


def check_client_reference(reference: str) -> str:
    """Return the reference when it is acceptable; raise ``ClientReferenceError`` if not.

    A reference is at most 40 characters and must not contain a BSN (9 digits that pass the
    eleven-test). Names cannot be detected reliably; the app warns about them instead.
    """
    if len(reference) > _MAX_REFERENCE:
        raise ClientReferenceError(
            f"Het kenmerk is te lang (meer dan {_MAX_REFERENCE} tekens). "
            "Gebruik een kort dossiernummer."
        )
    if looks_like_bsn(reference):
        raise ClientReferenceError(
            "Het kenmerk lijkt op een BSN. Zet nooit een BSN of naam in het dossierstuk; "
            "gebruik het dossiernummer van je organisatie."
        )
    return reference


def format_datetime(when: datetime) -> str:
    """'22 november 2026 om 14:05' in Dutch time (UTC where no time-zone data exists)."""
    local = when.astimezone(_amsterdam())
    zone = "Nederlandse tijd" if local.tzinfo is not UTC else "UTC"
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year} om {local:%H:%M} ({zone})"


def _amsterdam() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except (ImportError, KeyError, OSError, ValueError):  # no tzdata (some mobile builds)
        return UTC
